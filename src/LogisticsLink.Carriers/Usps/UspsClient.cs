using System.Net;
using System.Net.Http.Headers;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Domain.Detection;
using LogisticsLink.Domain.Tracking;
using Microsoft.Extensions.Logging;

namespace LogisticsLink.Carriers.Usps;

/// <summary>
/// USPS Tracking API v3. One GET per number (<c>expand=DETAIL</c>; the v3 GET has no batch), OAuth client credentials
/// with the <c>tracking</c> scope cached until shortly before expiry, one re-authentication on a 401, the carrier's
/// resilience pipeline around every call. Whatever goes wrong comes back as a failed <see cref="CarrierResult"/>; only
/// the caller's own cancellation is thrown.
/// </summary>
/// <remarks>
/// Configuration (<c>Carriers:Usps</c>): <c>BaseUrl</c> is the host (production <c>https://apis.usps.com</c>, test
/// <c>https://apis-tem.usps.com</c>, or a sandbox URL such as <c>http://127.0.0.1:5081/usps</c>); <c>ClientId</c> and
/// <c>ClientSecret</c> are the app's consumer key and secret.
/// </remarks>
public sealed class UspsClient : ICarrierClient
{
    private readonly CarrierHttp _carrier;
    private readonly ILogger<UspsClient> _logger;
    private readonly string _baseUrl;

    public UspsClient(HttpClient http, CarrierOptions options, TimeProvider time, ILogger<UspsClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            throw new ArgumentException("Carriers:Usps needs ClientId and ClientSecret.", nameof(options));
        }
        _logger = logger;
        // Base URLs may carry a path prefix (a sandbox's "/usps"); the documented paths are appended to it.
        _baseUrl = (options.BaseUrl ?? UspsDefaults.ProductionBaseUrl).AbsoluteUri.TrimEnd('/');
        var pipeline = CarrierResilience.Build(options, time, quotaLog: new("Usps", logger));
        var oauth = new UspsOAuth(http, pipeline, new Uri(_baseUrl + UspsDefaults.TokenPath), options.ClientId, options.ClientSecret, time);
        var tokens = new OAuthTokenCache(async ct =>
        {
            var token = await oauth.FetchAsync(ct);
            UspsLog.TokenFetched(_logger, token.ExpiresAt - time.GetUtcNow());
            return token;
        }, time);
        _carrier = new CarrierHttp(http, pipeline, tokens);
    }

    public string Code => UspsDefaults.Code;

    /// <summary>No cadence of its own: with an hourly quota, USPS is better polled no more often than the default.</summary>
    public TimeSpan? Cadence => null;

    public async Task<CarrierResult> TrackAsync(CarrierRequest request, CancellationToken cancellationToken)
    {
        // USPS tracks the number printed on the label; a parcel an earlier version stored as its scanned barcode
        // ("420" + ZIP + that number) is asked about by the number.
        var number = UspsRouting.WithoutRouting(request.TrackingNumber.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant());
        var result = number.Length == 0 || !number.All(char.IsAsciiLetterOrDigit)
            ? CarrierResult.Failure($"usps: '{number}' is not a tracking number (letters and digits only)", transient: false)
            : await CallAsync(number, cancellationToken);

        if (result.Snapshot is { } snapshot)
        {
            UspsLog.Tracked(_logger, number, snapshot.Status?.ToString() ?? "no status");
        }
        else if (!result.DailyQuotaSpent) // A spent daily quota is logged once a day by CarrierDailyQuota, its refusals by the tracker at Debug.
        {
            UspsLog.TrackFailed(_logger, number, result.FailureReason ?? "", result.Transient);
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
                var parsed = UspsTrackingParser.Parse(number, body);
                foreach (var code in parsed.UnknownCodes.Distinct(StringComparer.Ordinal))
                {
                    UspsLog.UnknownCode(_logger, code, number);
                }
                return parsed.Result;
            }
            return ErrorAnswer(number, response, body);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (HttpRequestException e) when (e.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            // Only the token call throws with a status: refused credentials stay refused until someone fixes the config.
            return CarrierResult.Failure($"usps: OAuth credentials refused (HTTP {(int)e.StatusCode})", transient: false);
        }
        catch (UspsScopeException e)
        {
            return CarrierResult.Failure($"usps: {e.Message}", transient: false);
        }
        catch (UspsUnexpectedResponseException e)
        {
            return CarrierResult.Failure($"usps: unexpected response ({e.Message})");
        }
        catch (Exception e)
        {
            return CarrierHttp.Failure(UspsDefaults.Code, e);
        }
    }

    /// <summary>
    /// A non-2xx answer. 404 ("Tracking is not available for this item") and the 400 "not yet available" message codes
    /// mean USPS does not know the number yet; a 401 that survived one re-authentication usually means the app lacks
    /// the Tracking API; anything else is a failure with USPS's own message.
    /// </summary>
    // USPS's own sentence, or its error object saying the item is not (yet) available; a 404 page of a gateway ("The
    // requested resource is not available") is a failure, so the parcel keeps its status instead of drifting to expiry.
    private static bool SaysNotAvailable(string body, string? uspsMessage) =>
        body.Contains("Tracking is not available", StringComparison.OrdinalIgnoreCase)
        || (uspsMessage is not null && (uspsMessage.Contains("not available", StringComparison.OrdinalIgnoreCase)
            || uspsMessage.Contains("not yet", StringComparison.OrdinalIgnoreCase)));

    private static CarrierResult ErrorAnswer(string number, HttpResponseMessage response, string body)
    {
        var errors = UspsTrackingParser.Errors(body);
        var message = errors.Select(e => e.Message).FirstOrDefault(m => m.Length > 0) ?? "";
        if (response.StatusCode == HttpStatusCode.NotFound && SaysNotAvailable(body, errors.Count > 0 ? message : null))
        {
            return CarrierResult.Success(UspsTrackingParser.NotFound(number, message.Length > 0 ? message : "Tracking is not available for this item."));
        }
        if (response.StatusCode == HttpStatusCode.BadRequest && UspsTrackingParser.IsNotYetAvailable(errors))
        {
            return CarrierResult.Success(UspsTrackingParser.NotFound(number, message));
        }
        var failure = CarrierHttp.Failure(UspsDefaults.Code, response);
        var codes = string.Join(" ", errors.Select(e => e.Code).Where(c => c.Length > 0 && c != ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)).Distinct());
        var detail = $"{codes} {message}".Trim();
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            detail = detail.Length > 0 ? $"{detail}; does the app have the Tracking API (scope 'tracking')?" : "does the app have the Tracking API (scope 'tracking')?";
        }
        return detail.Length == 0 ? failure : failure with { FailureReason = $"{failure.FailureReason} ({detail})" };
    }

    private HttpRequestMessage TrackRequest(string number)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, _baseUrl + UspsDefaults.TrackPath + Uri.EscapeDataString(number) + UspsDefaults.TrackQuery);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }
}
