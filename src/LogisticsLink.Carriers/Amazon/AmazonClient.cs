using System.Net;
using System.Net.Http.Headers;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Domain.Tracking;
using Microsoft.Extensions.Logging;
using Polly;

namespace LogisticsLink.Carriers.Amazon;

/// <summary>
/// Amazon Shipping v2 tracking through the Selling Partner API: <c>GET /shipping/v2/tracking?trackingId&amp;carrierId</c>
/// with a Login-with-Amazon access token in <c>x-amz-access-token</c>. The token comes from the refresh-token grant,
/// cached until shortly before expiry, one refresh at a time; a 401 or 403 (SP-API's answer to an expired or revoked
/// token) causes exactly one new token and one new call. Whatever goes wrong comes back as a failed
/// <see cref="CarrierResult"/>; only the caller's own cancellation is thrown.
/// </summary>
/// <remarks>
/// Configuration (<c>Carriers:Amazon</c>): <c>BaseUrl</c> the SP-API host (<c>https://sellingpartnerapi-eu.amazon.com</c>,
/// <c>-na</c>, <c>-fe</c>; the LWA endpoint is then <c>https://api.amazon.com/auth/o2/token</c>) or a sandbox URL such as
/// <c>http://127.0.0.1:5081/amazon</c> that serves <c>/auth/o2/token</c> too; <c>ClientId</c> and <c>ClientSecret</c>
/// the LWA app credentials; <c>ApiKey</c> the seller's LWA refresh token. Tracking numbers are the tracking id
/// (carrier <see cref="AmazonDefaults.DefaultCarrierId"/>) or <c>carrierId:trackingId</c>.
/// </remarks>
public sealed class AmazonClient : ICarrierClient
{
    private readonly HttpClient _http;
    private readonly ILogger<AmazonClient> _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly OAuthTokenCache _tokens;
    private readonly string _trackUrl;

    public AmazonClient(HttpClient http, CarrierOptions options, TimeProvider time, ILogger<AmazonClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrWhiteSpace(options.ClientSecret) || string.IsNullOrWhiteSpace(options.ApiKey))
        {
            throw new ArgumentException(
                "Carriers:Amazon needs ClientId and ClientSecret (the LWA app) and ApiKey (the seller's LWA refresh token).", nameof(options));
        }
        _http = http;
        _logger = logger;
        var baseUrl = options.BaseUrl ?? AmazonDefaults.ProductionBaseUrl;
        var root = baseUrl.AbsoluteUri.TrimEnd('/');
        _trackUrl = root + AmazonDefaults.TrackPath;
        var tokenUrl = IsSellingPartnerHost(baseUrl) ? AmazonDefaults.LwaTokenUrl : new Uri(root + AmazonDefaults.TokenPath);
        _pipeline = CarrierResilience.Build(options, time, quotaLog: new("Amazon", logger));
        var lwa = new AmazonLwa(http, _pipeline, tokenUrl, options.ClientId, options.ClientSecret, options.ApiKey, time);
        _tokens = new OAuthTokenCache(async ct =>
        {
            var token = await lwa.FetchAsync(ct);
            AmazonLog.TokenFetched(_logger, token.ExpiresAt - time.GetUtcNow());
            return token;
        }, time);
    }

    public string Code => AmazonDefaults.Code;

    /// <summary>No cadence of its own: the status-based schedule suits Amazon.</summary>
    public TimeSpan? Cadence => null;

    public async Task<CarrierResult> TrackAsync(CarrierRequest request, CancellationToken cancellationToken)
    {
        var id = AmazonTrackingId.Parse(request.TrackingNumber);
        var result = id is null
            ? CarrierResult.Failure($"amazon: '{request.TrackingNumber}' is not a tracking id or carrierId:trackingId", transient: false)
            : await CallAsync(id, cancellationToken);
        if (result.Snapshot is { } snapshot)
        {
            AmazonLog.Tracked(_logger, id!.TrackingId, id.CarrierId, snapshot.Status?.ToString() ?? "no status");
        }
        else if (!result.DailyQuotaSpent) // A spent daily quota is logged once a day by CarrierDailyQuota, its refusals by the tracker at Debug.
        {
            AmazonLog.TrackFailed(_logger, id?.TrackingId ?? request.TrackingNumber, result.FailureReason ?? "", result.Transient);
        }
        return result;
    }

    private async Task<CarrierResult> CallAsync(AmazonTrackingId id, CancellationToken cancellationToken)
    {
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var token = await _tokens.GetAsync(cancellationToken);
                using var response = await _pipeline.ExecuteAsync(async ct =>
                {
                    using var request = TrackRequest(id, token);
                    return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
                }, cancellationToken);
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden && attempt == 0)
                {
                    _tokens.Invalidate(token);
                    continue;
                }
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    var parsed = AmazonTrackingParser.Read(id, body);
                    foreach (var code in parsed.UnknownCodes.Distinct(StringComparer.OrdinalIgnoreCase))
                    {
                        AmazonLog.UnknownCode(_logger, code, id.TrackingId);
                    }
                    return parsed.Result;
                }
                var errors = AmazonTrackingParser.Errors(body);
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    return CarrierResult.Success(AmazonTrackingParser.NotFound(id, body));
                }
                var failure = CarrierHttp.Failure(Code, response);
                return errors.Count == 0 ? failure : failure with { FailureReason = $"{failure.FailureReason} ({errors[0].Code} {errors[0].Text})" };
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (AmazonLwa.RefusedException e)
        {
            AmazonLog.TokenRefused(_logger, (int)e.Status, e.Error);
            // Refused credentials stay refused until someone fixes the configuration.
            return CarrierResult.Failure($"amazon: {e.Message}", transient: false);
        }
        catch (AmazonUnexpectedResponseException e)
        {
            return CarrierResult.Failure($"amazon: unexpected response ({e.Message})");
        }
        catch (Exception e)
        {
            return CarrierHttp.Failure(Code, e);
        }
    }

    private HttpRequestMessage TrackRequest(AmazonTrackingId id, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get,
            $"{_trackUrl}?trackingId={Uri.EscapeDataString(id.TrackingId)}&carrierId={Uri.EscapeDataString(id.CarrierId)}");
        request.Headers.TryAddWithoutValidation(AmazonDefaults.AccessTokenHeader, token);
        if (id.BusinessId is { } business)
        {
            request.Headers.TryAddWithoutValidation(AmazonDefaults.BusinessIdHeader, business);
        }
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private static bool IsSellingPartnerHost(Uri baseUrl) =>
        baseUrl.Host.StartsWith("sellingpartnerapi", StringComparison.OrdinalIgnoreCase) &&
        baseUrl.Host.EndsWith(".amazon.com", StringComparison.OrdinalIgnoreCase);
}
