using System.Net;
using System.Net.Http.Headers;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Domain.Tracking;
using Microsoft.Extensions.Logging;

namespace LogisticsLink.Carriers.Ups;

/// <summary>
/// UPS Track API v1. One GET per number (UPS has no batch tracking), OAuth client credentials cached until shortly
/// before expiry, one re-authentication on a 401, the carrier's resilience pipeline around every call. Whatever goes
/// wrong comes back as a failed <see cref="CarrierResult"/>; only the caller's own cancellation is thrown.
/// </summary>
/// <remarks>
/// Configuration (<c>Carriers:Ups</c>): <c>BaseUrl</c> is the host without <c>/api</c> (production
/// <c>https://onlinetools.ups.com</c>, test <c>https://wwwcie.ups.com</c>, or a sandbox URL such as
/// <c>http://127.0.0.1:5081/ups</c>); <c>ClientId</c> and <c>ClientSecret</c> are the UPS app's credentials.
/// </remarks>
public sealed class UpsClient : ICarrierClient
{
    public const string CarrierCode = "ups";

    /// <summary>Sent as <c>transactionSrc</c>: identifies the calling application in UPS's logs.</summary>
    public const string TransactionSource = "logisticslink";

    /// <summary>Path under the base URL; the query asks for English texts and no images (they are large and need account rights).</summary>
    public const string TrackPath = "/api/track/v1/details/";
    public const string TrackQuery = "?locale=en_US&returnSignature=false&returnMilestones=false&returnPOD=false";
    public const string TokenPath = "/security/v1/oauth/token";

    private readonly CarrierHttp _carrier;
    private readonly ILogger<UpsClient> _logger;
    private readonly string _baseUrl;

    public UpsClient(HttpClient http, CarrierOptions options, TimeProvider time, ILogger<UpsClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        if (options.BaseUrl is null || string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            throw new ArgumentException("Carriers:Ups needs BaseUrl, ClientId and ClientSecret.", nameof(options));
        }
        _logger = logger;
        // Base URLs may carry a path prefix (a sandbox's "/ups"); the documented paths are appended to it.
        _baseUrl = options.BaseUrl.AbsoluteUri.TrimEnd('/');
        var pipeline = CarrierResilience.Build(options, time, quotaLog: new("Ups", logger));
        var oauth = new UpsOAuth(http, pipeline, new Uri(_baseUrl + TokenPath), options.ClientId, options.ClientSecret, time);
        var tokens = new OAuthTokenCache(async ct =>
        {
            var token = await oauth.FetchAsync(ct);
            UpsLog.TokenFetched(_logger, token.ExpiresAt - time.GetUtcNow());
            return token;
        }, time);
        _carrier = new CarrierHttp(http, pipeline, tokens);
    }

    public string Code => CarrierCode;

    /// <summary>No cadence of its own: the status-based schedule suits UPS.</summary>
    public TimeSpan? Cadence => null;

    public async Task<CarrierResult> TrackAsync(CarrierRequest request, CancellationToken cancellationToken)
    {
        var number = request.TrackingNumber.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        var result = number.Length is < 7 or > 34
            // UPS's documented bounds: asking would only earn a TV1002.
            ? CarrierResult.Failure($"ups: '{number}' is not 7 to 34 characters long", transient: false)
            : await CallAsync(number, cancellationToken);

        if (result.Snapshot is { } snapshot)
        {
            UpsLog.Tracked(_logger, number, (snapshot.Status ?? snapshot.Events.FirstOrDefault()?.Status)?.ToString() ?? "no status");
        }
        else if (!result.DailyQuotaSpent) // A spent daily quota is logged once a day by CarrierDailyQuota, its refusals by the tracker at Debug.
        {
            UpsLog.TrackFailed(_logger, number, result.FailureReason ?? "", result.Transient);
        }
        return result;
    }

    private async Task<CarrierResult> CallAsync(string number, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _carrier.SendAsync(() => TrackRequest(number), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return UpsTrackResponseParser.Parse(number, body);
            }
            if (response.StatusCode == HttpStatusCode.NotFound && UpsTrackResponseParser.IsNotFound(body))
            {
                return UpsTrackResponseParser.Parse(number, body);
            }
            var failure = CarrierHttp.Failure(CarrierCode, response);
            var detail = UpsTrackResponseParser.ErrorSummary(body);
            return detail.Length == 0 ? failure : failure with { FailureReason = $"{failure.FailureReason} ({detail})" };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (HttpRequestException e) when (e.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            // Only the token call throws with a status: refused credentials stay refused until someone fixes the config.
            return CarrierResult.Failure($"ups: OAuth credentials refused (HTTP {(int)e.StatusCode})", transient: false);
        }
        catch (UpsUnexpectedResponseException e)
        {
            return CarrierResult.Failure($"ups: unexpected response ({e.Message})");
        }
        catch (Exception e)
        {
            return CarrierHttp.Failure(CarrierCode, e);
        }
    }

    private HttpRequestMessage TrackRequest(string number)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, _baseUrl + TrackPath + Uri.EscapeDataString(number) + TrackQuery);
        // A new transId per attempt: UPS uses it to trace one request, and a retry is a new request.
        request.Headers.Add("transId", Guid.NewGuid().ToString("N"));
        request.Headers.Add("transactionSrc", TransactionSource);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }
}
