using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Domain.Tracking;
using Microsoft.Extensions.Logging;

namespace LogisticsLink.Carriers.LaPoste;

/// <summary>
/// La Poste Suivi v2 ("Okapi"), which also answers for Colissimo and Chronopost: <c>GET /suivi/v2/idships/{ids}</c>
/// with up to 10 comma-separated ids and the application's key in <c>X-Okapi-Key</c>. There is no token to renew:
/// a 401 means the key is wrong or revoked, and is reported, not retried. Every failure comes back as a
/// <see cref="CarrierResult"/> for the ids it concerns; only the caller's own cancellation is thrown.
/// </summary>
/// <remarks>
/// Configuration (<c>Carriers:LaPoste</c>): <c>BaseUrl</c> (default <c>https://api.laposte.fr</c>, or a sandbox URL
/// such as <c>http://127.0.0.1:5081/laposte</c>) and <c>ApiKey</c>, the Okapi key of the application subscribed to Suivi.
/// </remarks>
public sealed class LaPosteClient : IBatchingCarrierClient
{
    private readonly CarrierHttp _carrier;
    private readonly ILogger<LaPosteClient> _logger;
    private readonly string _trackRoot;
    private readonly string _apiKey;

    public LaPosteClient(HttpClient http, CarrierOptions options, TimeProvider time, ILogger<LaPosteClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            throw new ArgumentException("Carriers:LaPoste needs ApiKey (the Okapi key).", nameof(options));
        }
        _logger = logger;
        _apiKey = options.ApiKey;
        _trackRoot = (options.BaseUrl ?? LaPosteDefaults.ProductionBaseUrl).AbsoluteUri.TrimEnd('/') + LaPosteDefaults.TrackPath;
        _carrier = new CarrierHttp(http, CarrierResilience.Build(options, time, quotaLog: new("LaPoste", logger)));
    }

    public string Code => LaPosteDefaults.Code;

    public TimeSpan? Cadence => null;

    public int MaxBatchSize => LaPosteDefaults.MaxIdsPerRequest;

    public async Task<CarrierResult> TrackAsync(CarrierRequest request, CancellationToken cancellationToken) =>
        (await TrackManyAsync([request], cancellationToken))[0];

    /// <summary>One result per request, in order; ids go to La Poste 10 at a time, each distinct id once.</summary>
    public async Task<IReadOnlyList<CarrierResult>> TrackManyAsync(IReadOnlyList<CarrierRequest> requests, CancellationToken cancellationToken)
    {
        var keys = requests.Select(r => LaPosteResponseReader.Normalize(r.TrackingNumber)).ToArray();
        var answers = new Dictionary<string, CarrierResult>(StringComparer.Ordinal);
        foreach (var key in keys.Where(k => !LaPosteResponseReader.IsWellFormed(k)))
        {
            // La Poste's documented format: asking would only earn a 400.
            answers[key] = CarrierResult.Failure($"laposte: '{key}' is not 11 to 15 letters and digits", transient: false);
        }
        var valid = keys.Where(LaPosteResponseReader.IsWellFormed).Distinct(StringComparer.Ordinal).ToList();
        foreach (var chunk in valid.Chunk(LaPosteDefaults.MaxIdsPerRequest))
        {
            foreach (var (id, answer) in await TrackChunkAsync(chunk, cancellationToken))
            {
                answers[id] = answer;
            }
        }
        var results = new CarrierResult[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            results[i] = answers[keys[i]];
            if (results[i].Snapshot is { } snapshot)
            {
                LaPosteLog.Tracked(_logger, keys[i], snapshot.Status?.ToString() ?? "no status");
            }
            else if (!results[i].DailyQuotaSpent) // A spent daily quota is logged once a day by CarrierDailyQuota, its refusals by the tracker at Debug.
            {
                LaPosteLog.TrackFailed(_logger, keys[i], results[i].FailureReason ?? "", results[i].Transient);
            }
        }
        return results;
    }

    private async Task<Dictionary<string, CarrierResult>> TrackChunkAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        CarrierResult failure;
        try
        {
            var uri = _trackRoot + string.Join(',', ids.Select(Uri.EscapeDataString)) + "?lang=" + LaPosteDefaults.Language;
            using var response = await _carrier.SendAsync(() => Request(uri), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            // La Poste answers per-id outcomes (including 400 and 404) as JSON envelopes; read those whatever the status.
            if (response.StatusCode is (HttpStatusCode.OK or HttpStatusCode.MultiStatus or HttpStatusCode.BadRequest or HttpStatusCode.NotFound) &&
                LooksLikeJson(body))
            {
                using var document = JsonDocument.Parse(body);
                return MapAnswer(ids, LaPosteResponseReader.Envelopes(document.RootElement, ids));
            }
            failure = response.StatusCode switch
            {
                // Invalid ids sometimes come back as a bare 404 page; without La Poste's envelope we cannot tell.
                HttpStatusCode.NotFound => CarrierResult.Failure("laposte: HTTP 404 without a La Poste answer", transient: false),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                    CarrierResult.Failure($"laposte: Okapi key refused (HTTP {(int)response.StatusCode})", transient: false),
                _ when response.IsSuccessStatusCode => CarrierResult.Failure("laposte: malformed response body"),
                _ => CarrierHttp.Failure(Code, response),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (LaPosteShapeException e)
        {
            failure = CarrierResult.Failure($"laposte: unexpected response shape ({e.Message})");
        }
        catch (Exception e)
        {
            failure = CarrierHttp.Failure(Code, e);
        }
        if (!failure.DailyQuotaSpent) // A spent daily quota is logged once a day by CarrierDailyQuota, its refusals by the tracker at Debug.
        {
            LaPosteLog.BatchFailed(_logger, ids.Count, failure.FailureReason ?? "");
        }
        return ids.ToDictionary(id => id, _ => failure, StringComparer.Ordinal);
    }

    // Called while the JSON document is alive: every result is mapped to values before it is disposed.
    private Dictionary<string, CarrierResult> MapAnswer(IReadOnlyList<string> ids, Dictionary<string, JsonElement> envelopes)
    {
        var results = new Dictionary<string, CarrierResult>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!envelopes.TryGetValue(id, out var envelope))
            {
                results[id] = CarrierResult.Failure($"laposte: the answer has no entry for {id}");
                continue;
            }
            var mapped = LaPosteShipmentMapper.Map(envelope, id);
            foreach (var code in mapped.UnknownCodes.Distinct(StringComparer.Ordinal))
            {
                LaPosteLog.UnknownCode(_logger, code, id);
            }
            results[id] = mapped.Result;
        }
        return results;
    }

    private HttpRequestMessage Request(string uri)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Add(LaPosteDefaults.ApiKeyHeader, _apiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private static bool LooksLikeJson(string body)
    {
        var trimmed = body.AsSpan().TrimStart();
        return trimmed.Length > 0 && trimmed[0] is '{' or '[';
    }
}
