using System.Net;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Domain.Tracking;
using Microsoft.Extensions.Logging;

namespace LogisticsLink.Carriers.Dpd;

/// <summary>
/// DPD's parcel-lifecycle SOAP service (DELIS web services, BE/NL): a login (<c>getAuth</c>) whose authToken is cached
/// until shortly before the expiry DPD announces, then one <c>getTrackingData</c> per parcel with the token in the
/// <c>authentication</c> SOAP header. A refused token (fault DELICOM_ERR_AUTHENTICATION) causes exactly one new
/// login and one new call. Whatever goes wrong comes back as a failed <see cref="CarrierResult"/>; only the caller's
/// own cancellation is thrown.
/// </summary>
/// <remarks>
/// Configuration (<c>Carriers:Dpd</c>): <c>BaseUrl</c> the service host (production <c>https://wsshipper.dpd.be</c> or
/// <c>https://wsshipper.dpd.nl</c>, test <c>https://shipperadmintest.dpd.be/PublicApi</c>, or a sandbox URL such as
/// <c>http://127.0.0.1:5081/dpd</c>); <c>ClientId</c> is the DELIS id and <c>ClientSecret</c> its password.
/// </remarks>
public sealed class DpdClient : ICarrierClient
{
    private readonly ILogger<DpdClient> _logger;
    private readonly DpdSoapChannel _channel;
    private readonly OAuthTokenCache _tokens;
    private readonly Uri _trackUri;
    private readonly string _delisId;
    private readonly string _country;

    public DpdClient(HttpClient http, CarrierOptions options, TimeProvider time, ILogger<DpdClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            throw new ArgumentException("Carriers:Dpd needs ClientId (the DELIS id) and ClientSecret (its password).", nameof(options));
        }
        _logger = logger;
        _delisId = options.ClientId;
        var root = (options.BaseUrl ?? DpdDefaults.ProductionBaseUrl).AbsoluteUri.TrimEnd('/');
        _country = (options.BaseUrl ?? DpdDefaults.ProductionBaseUrl).Host.EndsWith(".nl", StringComparison.OrdinalIgnoreCase) ? "nl" : "be";
        _trackUri = new Uri(root + DpdDefaults.TrackPath);
        _channel = new DpdSoapChannel(http, CarrierResilience.Build(options, time, quotaLog: new("Dpd", logger)));
        var login = new DpdLogin(_channel, new Uri(root + DpdDefaults.LoginPath), options.ClientId, options.ClientSecret, time);
        _tokens = new OAuthTokenCache(async ct =>
        {
            var answer = await login.FetchAsync(ct);
            DpdLog.LoggedIn(_logger, answer.Depot, answer.Token.ExpiresAt - time.GetUtcNow());
            return answer.Token;
        }, time);
    }

    public string Code => DpdDefaults.Code;

    /// <summary>No cadence of its own: the status-based schedule suits DPD.</summary>
    public TimeSpan? Cadence => null;

    public async Task<CarrierResult> TrackAsync(CarrierRequest request, CancellationToken cancellationToken)
    {
        var parcel = DpdParcelNumber.Normalize(request.TrackingNumber);
        var result = parcel is null
            ? CarrierResult.Failure($"dpd: '{request.TrackingNumber}' is not a DPD parcel number (14 digits, 14 + check character, or the 28-character label code)", transient: false)
            : await CallAsync(parcel, cancellationToken);
        var number = parcel ?? request.TrackingNumber;
        if (result.Snapshot is { } snapshot)
        {
            DpdLog.Tracked(_logger, number, snapshot.Status?.ToString() ?? "no status");
        }
        else if (!result.DailyQuotaSpent) // A spent daily quota is logged once a day by CarrierDailyQuota, its refusals by the tracker at Debug.
        {
            DpdLog.TrackFailed(_logger, number, result.FailureReason ?? "", result.Transient);
        }
        return result;
    }

    private async Task<CarrierResult> CallAsync(string parcel, CancellationToken cancellationToken)
    {
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var token = await _tokens.GetAsync(cancellationToken);
                using var response = await _channel.SendAsync(_trackUri, DpdDefaults.TrackAction,
                    DpdSoap.GetTrackingData(_delisId, token, parcel), cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0)
                {
                    DpdLog.TokenRefused(_logger, parcel);
                    _tokens.Invalidate(token);
                    continue;
                }
                if (response.IsSuccessStatusCode)
                {
                    var parsed = DpdTrackingParser.Read(parcel, body);
                    foreach (var code in parsed.UnknownCodes.Distinct(StringComparer.OrdinalIgnoreCase))
                    {
                        DpdLog.UnknownCode(_logger, code, parcel);
                    }
                    return parsed.Result with { Snapshot = parsed.Result.Snapshot is { } s ? s with { TrackingUrl = DpdTrackingParser.TrackingUrl(parcel, _country) } : null };
                }
                var failure = CarrierHttp.Failure(Code, response);
                return DpdSoap.ReadFault(body) is { } fault ? failure with { FailureReason = $"{failure.FailureReason} ({fault})" } : failure;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (DpdLoginRefusedException e)
        {
            // Refused credentials stay refused until someone fixes the configuration.
            return CarrierResult.Failure($"dpd: login refused ({e.Message})", transient: false);
        }
        catch (DpdUnexpectedResponseException e)
        {
            return CarrierResult.Failure($"dpd: unexpected response ({e.Message})");
        }
        catch (Exception e)
        {
            return CarrierHttp.Failure(Code, e);
        }
    }
}
