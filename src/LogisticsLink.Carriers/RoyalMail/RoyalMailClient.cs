using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Domain.Tracking;
using Microsoft.Extensions.Logging;

namespace LogisticsLink.Carriers.RoyalMail;

/// <summary>
/// Royal Mail Tracking API v2: <c>GET /mailpieces/v2/{id}/events</c>, the full history of one item (the batch
/// <c>summary</c> call only carries the last event). Royal Mail authenticates every call with the application's
/// <c>X-IBM-Client-Id</c>/<c>X-IBM-Client-Secret</c> headers and <c>X-Accept-RMG-Terms: yes</c>; there is no token
/// to renew, so a 401 is reported, not retried. Every failure comes back as a <see cref="CarrierResult"/>; only the
/// caller's own cancellation is thrown.
/// </summary>
/// <remarks>
/// Configuration (<c>Carriers:RoyalMail</c>): <c>BaseUrl</c> (default <c>https://api.royalmail.net</c>, or a sandbox
/// URL such as <c>http://127.0.0.1:5081/royalmail</c>), <c>ClientId</c> and <c>ClientSecret</c> of the Royal Mail
/// developer application subscribed to Tracking.
/// </remarks>
public sealed class RoyalMailClient : ICarrierClient
{
    private readonly CarrierHttp _carrier;
    private readonly ILogger<RoyalMailClient> _logger;
    private readonly string _root;
    private readonly string _clientId;
    private readonly string _clientSecret;

    public RoyalMailClient(HttpClient http, CarrierOptions options, TimeProvider time, ILogger<RoyalMailClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            throw new ArgumentException("Carriers:RoyalMail needs ClientId and ClientSecret.", nameof(options));
        }
        _logger = logger;
        (_clientId, _clientSecret) = (options.ClientId, options.ClientSecret);
        _root = (options.BaseUrl ?? RoyalMailDefaults.ProductionBaseUrl).AbsoluteUri.TrimEnd('/') + RoyalMailDefaults.MailPiecesPath;
        _carrier = new CarrierHttp(http, CarrierResilience.Build(options, time, quotaLog: new("RoyalMail", logger)));
    }

    public string Code => RoyalMailDefaults.Code;

    public TimeSpan? Cadence => null;

    /// <summary>Royal Mail ids are letters and digits; spaces and punctuation from copy-paste are dropped.</summary>
    public static string Normalize(string trackingNumber) =>
        string.Concat(trackingNumber.Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();

    public async Task<CarrierResult> TrackAsync(CarrierRequest request, CancellationToken cancellationToken)
    {
        var number = Normalize(request.TrackingNumber);
        var result = number.Length is < 9 or > 40
            // An S10 barcode is 13 characters, a 2D mail piece id 21: anything far off is not Royal Mail's.
            ? CarrierResult.Failure($"royalmail: '{number}' is not a Royal Mail barcode or mail piece id", transient: false)
            : await CallAsync(number, cancellationToken);
        if (result.Snapshot is { } snapshot)
        {
            RoyalMailLog.Tracked(_logger, number, snapshot.Status?.ToString() ?? "no status");
        }
        else if (!result.DailyQuotaSpent) // A spent daily quota is logged once a day by CarrierDailyQuota, its refusals by the tracker at Debug.
        {
            RoyalMailLog.TrackFailed(_logger, number, result.FailureReason ?? "", result.Transient);
        }
        return result;
    }

    private async Task<CarrierResult> CallAsync(string number, CancellationToken cancellationToken)
    {
        try
        {
            var uri = _root + Uri.EscapeDataString(number) + RoyalMailDefaults.EventsSuffix;
            using var response = await _carrier.SendAsync(() => Request(uri), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            // Item errors (E1142 unknown barcode, E1284/E1308 no update yet…) come with HTTP 400/404, technical ones with their own status.
            var error = response.IsSuccessStatusCode ? null : RoyalMailErrors.First(body);
            if (error is not null && RoyalMailErrors.ForCode(error, number) is { } known)
            {
                return known;
            }
            if (response.IsSuccessStatusCode)
            {
                using var document = JsonDocument.Parse(body);
                var mapped = RoyalMailEventsMapper.Map(document.RootElement, number);
                foreach (var code in mapped.UnknownCodes.Distinct(StringComparer.Ordinal))
                {
                    RoyalMailLog.UnknownCode(_logger, code, number);
                }
                return mapped.Result;
            }
            var failure = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                ? CarrierResult.Failure($"royalmail: client id or secret refused (HTTP {(int)response.StatusCode})", transient: false)
                : CarrierHttp.Failure(Code, response);
            return error is null ? failure : failure with { FailureReason = $"{failure.FailureReason} ({Describe(error)})" };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            return CarrierHttp.Failure(Code, e);
        }
    }

    private static string Describe(RoyalMailErrors.Error error) =>
        error.Code.Length > 0 ? $"{error.Code}: {error.Description}" : error.Description;

    private HttpRequestMessage Request(string uri)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Add(RoyalMailDefaults.ClientIdHeader, _clientId);
        request.Headers.Add(RoyalMailDefaults.ClientSecretHeader, _clientSecret);
        request.Headers.Add(RoyalMailDefaults.AcceptTermsHeader, "yes");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }
}
