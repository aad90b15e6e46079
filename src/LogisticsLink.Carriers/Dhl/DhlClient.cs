using System.Net;
using System.Net.Http.Headers;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Domain.Tracking;
using Microsoft.Extensions.Logging;

namespace LogisticsLink.Carriers.Dhl;

/// <summary>
/// DHL Shipment Tracking – Unified. One GET per number (no batch), the consumer key in the <c>DHL-API-Key</c> header,
/// the carrier's resilience pipeline around every call. An API key has nothing to renew: a 401 or 403 is a refused
/// key, reported at once and not retried. With <c>DailyQuota</c> (the server sets DHL's 250 unless configured) no call
/// is sent once the UTC day's budget is spent: the refresh is a throttled failure until the next 00:00 UTC. Whatever
/// goes wrong comes back as a failed <see cref="CarrierResult"/>; only the caller's own cancellation is thrown.
/// </summary>
/// <remarks>
/// Configuration (<c>Carriers:Dhl</c>): <c>BaseUrl</c> is the host without <c>/track</c> (production
/// <c>https://api-eu.dhl.com</c>, or a sandbox URL such as <c>http://127.0.0.1:5081/dhl</c>); <c>ApiKey</c> is the
/// app's consumer key. No <c>service</c> hint is sent (a request carries none): when DHL answers with shipments of
/// several divisions under one number, the one with the newest activity is read.
/// </remarks>
public sealed class DhlClient : ICarrierClient
{
    private readonly CarrierHttp _carrier;
    private readonly ILogger<DhlClient> _logger;
    private readonly string _baseUrl;
    private readonly string _apiKey;

    public DhlClient(HttpClient http, CarrierOptions options, TimeProvider time, ILogger<DhlClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            throw new ArgumentException("Carriers:Dhl needs ApiKey.", nameof(options));
        }
        _logger = logger;
        _apiKey = options.ApiKey;
        // Base URLs may carry a path prefix (a sandbox's "/dhl"); the documented path is appended to it.
        _baseUrl = (options.BaseUrl ?? DhlDefaults.ProductionBaseUrl).AbsoluteUri.TrimEnd('/');
        _carrier = new CarrierHttp(http, CarrierResilience.Build(options, time, quotaLog: new("Dhl", logger)));
    }

    public string Code => DhlDefaults.Code;

    /// <summary>No cadence of its own: with a daily quota, DHL is better polled no more often than the default.</summary>
    public TimeSpan? Cadence => null;

    public async Task<CarrierResult> TrackAsync(CarrierRequest request, CancellationToken cancellationToken)
    {
        var number = request.TrackingNumber.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        var result = number.Length == 0 || !number.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? CarrierResult.Failure($"dhl: '{number}' is not a tracking number", transient: false)
            : await CallAsync(number, cancellationToken);

        if (result.Snapshot is { } snapshot)
        {
            DhlLog.Tracked(_logger, number, snapshot.Status?.ToString() ?? "no status");
        }
        else if (!result.DailyQuotaSpent) // A spent daily quota is logged once a day by CarrierDailyQuota, its refusals by the tracker at Debug.
        {
            DhlLog.TrackFailed(_logger, number, result.FailureReason ?? "", result.Transient);
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
                var parsed = DhlShipmentParser.Parse(number, body);
                if (parsed.Candidates > 1)
                {
                    DhlLog.SeveralShipments(_logger, number, parsed.Candidates, parsed.Service);
                }
                return parsed.Result;
            }
            return ErrorAnswer(number, response, body);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            return CarrierHttp.Failure(DhlDefaults.Code, e);
        }
    }

    /// <summary>404 with a problem document is "no shipment with this number"; 401/403 a refused key; the rest failures.</summary>
    private static CarrierResult ErrorAnswer(string number, HttpResponseMessage response, string body)
    {
        var (title, detail) = DhlShipmentParser.Problem(body);
        if (response.StatusCode == HttpStatusCode.NotFound && (title.Length > 0 || detail.Length > 0))
        {
            return CarrierResult.Success(DhlShipmentParser.NotFound(number, detail.Length > 0 ? detail : title));
        }
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return CarrierResult.Failure($"dhl: API key refused (HTTP {(int)response.StatusCode})", transient: false);
        }
        var failure = CarrierHttp.Failure(DhlDefaults.Code, response);
        var text = $"{title} {detail}".Trim();
        return text.Length == 0 ? failure : failure with { FailureReason = $"{failure.FailureReason} ({text})" };
    }

    private HttpRequestMessage TrackRequest(string number)
    {
        var request = new HttpRequestMessage(HttpMethod.Get,
            $"{_baseUrl}{DhlDefaults.TrackPath}?trackingNumber={Uri.EscapeDataString(number)}&language=en");
        request.Headers.Add(DhlDefaults.ApiKeyHeader, _apiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }
}
