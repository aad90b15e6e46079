using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Domain.Tracking;
using Microsoft.Extensions.Logging;
using Polly;

namespace LogisticsLink.Carriers.FedEx;

/// <summary>
/// FedEx Track API v1: OAuth client credentials at <c>/oauth/token</c>, then <c>POST /track/v1/trackingnumbers</c>
/// with up to 30 numbers per request. A 429 without Retry-After (FedEx names none) is retried after the pipeline's
/// back-off, except the daily-quota one, which stops all calls until the next 00:00 UTC. Every failure comes back as a
/// <see cref="CarrierResult"/> for the numbers it concerns; only the caller's own cancellation is thrown.
/// </summary>
public sealed class FedExClient : IBatchingCarrierClient
{
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger<FedExClient> _logger;
    private readonly CarrierOptions _options;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly CarrierHttp _carrierHttp;
    private readonly Uri _tokenUri;
    private readonly Uri _trackUri;

    /// <param name="options">BaseUrl (default: FedEx production), ClientId and ClientSecret of the Track project.</param>
    public FedExClient(HttpClient http, CarrierOptions options, TimeProvider time, ILogger<FedExClient> logger)
    {
        _http = http;
        _options = options;
        _time = time;
        _logger = logger;
        var root = (options.BaseUrl ?? FedExDefaults.ProductionBaseUrl).ToString().TrimEnd('/');
        _tokenUri = new Uri(root + FedExDefaults.TokenPath);
        _trackUri = new Uri(root + FedExDefaults.TrackPath);
        // FedEx's daily-quota 429 names no Retry-After, only "Retry after 12:00AM GMT" in its text (carriers.md l.170):
        // FedEx is then not asked again before the next 00:00 UTC, whatever daily budget of ours is configured.
        _pipeline = CarrierResilience.Build(options, time,
            dailyQuota: new CarrierDailyQuota(options.DailyQuota ?? 0, time, new DailyQuotaLog("FedEx", logger)), spentDay: FedExDailyQuotaAnswer.ReadAsync);
        _carrierHttp = new CarrierHttp(http, _pipeline, new OAuthTokenCache(FetchTokenAsync, time));
    }

    public string Code => FedExDefaults.Code;

    public TimeSpan? Cadence => null;

    public int MaxBatchSize => FedExDefaults.MaxNumbersPerRequest;

    public async Task<CarrierResult> TrackAsync(CarrierRequest request, CancellationToken cancellationToken) =>
        (await TrackManyAsync([request], cancellationToken))[0];

    /// <summary>One result per request, in order; numbers go to FedEx 30 at a time.</summary>
    public async Task<IReadOnlyList<CarrierResult>> TrackManyAsync(IReadOnlyList<CarrierRequest> requests, CancellationToken cancellationToken)
    {
        var results = new CarrierResult[requests.Count];
        var keys = requests.Select(r => FedExResponseReader.Normalize(r.TrackingNumber)).ToArray();
        // The same number asked twice is sent once; both requests get its answer.
        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        foreach (var chunk in distinct.Chunk(FedExDefaults.MaxNumbersPerRequest))
        {
            var answers = await TrackChunkAsync(chunk, cancellationToken);
            for (var i = 0; i < keys.Length; i++)
            {
                if (answers.TryGetValue(keys[i], out var answer))
                {
                    results[i] = answer;
                }
            }
        }
        return results;
    }

    private async Task<Dictionary<string, CarrierResult>> TrackChunkAsync(IReadOnlyList<string> numbers, CancellationToken cancellationToken)
    {
        CarrierResult batchFailure;
        try
        {
            var body = FedExTrackRequest.Body(numbers);
            using var response = await _carrierHttp.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, _trackUri)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            }, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                batchFailure = CarrierHttp.Failure(Code, response);
            }
            else
            {
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
                return MapAnswer(numbers, FedExResponseReader.Read(document.RootElement));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (FedExCredentialsRefusedException e)
        {
            // Like UPS, USPS, DPD and Amazon: retrying the batch later cannot help until the configuration is fixed.
            batchFailure = CarrierResult.Failure($"{Code}: OAuth credentials refused (HTTP {(int)e.Status})", transient: false);
        }
        catch (FedExShapeException e)
        {
            batchFailure = CarrierResult.Failure($"{Code}: unexpected response shape ({e.Message})");
        }
        catch (Exception e)
        {
            batchFailure = CarrierHttp.Failure(Code, e);
        }
        if (!batchFailure.DailyQuotaSpent) // A spent daily quota is logged once a day by CarrierDailyQuota, its refusals by the tracker at Debug.
        {
            FedExLog.BatchFailed(_logger, numbers.Count, batchFailure.FailureReason ?? "");
        }
        return numbers.ToDictionary(n => n, _ => batchFailure, StringComparer.Ordinal);
    }

    // Called while the JSON document is alive: every result is mapped to values before it is disposed.
    private Dictionary<string, CarrierResult> MapAnswer(IReadOnlyList<string> numbers, FedExResponseReader.Answer answer)
    {
        var results = new Dictionary<string, CarrierResult>(StringComparer.Ordinal);
        foreach (var number in numbers)
        {
            if (!answer.Results.TryGetValue(number, out var choice))
            {
                results[number] = answer.DataNotFoundAlert && numbers.Count == 1
                    ? CarrierResult.Success(CarrierSnapshot.NotFound() with { TrackingUrl = FedExTrackResultMapper.TrackingUrl(number) })
                    : CarrierResult.Failure($"{Code}: the answer has no result for {number}");
                continue;
            }
            if (choice.Candidates > 1)
            {
                FedExLog.DuplicateResults(_logger, number, choice.Candidates, choice.UniqueId);
            }
            var mapped = FedExTrackResultMapper.Map(choice.Result, number);
            foreach (var code in mapped.UnknownCodes.Distinct(StringComparer.Ordinal))
            {
                FedExLog.UnknownCode(_logger, code, number);
            }
            if (!mapped.Result.IsSuccess)
            {
                FedExLog.ResultFailed(_logger, number, mapped.Result.FailureReason ?? "");
            }
            results[number] = mapped.Result;
        }
        return results;
    }

    private async Task<OAuthToken> FetchTokenAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(_options.ClientId) || string.IsNullOrEmpty(_options.ClientSecret))
        {
            throw new InvalidOperationException("Carriers:FedEx:ClientId and ClientSecret are required");
        }
        using var response = await _pipeline.ExecuteAsync(async ct =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _tokenUri)
            {
                Content = new FormUrlEncodedContent(
                [
                    new("grant_type", "client_credentials"),
                    new("client_id", _options.ClientId),
                    new("client_secret", _options.ClientSecret),
                ]),
            };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            FedExLog.TokenRefused(_logger, (int)response.StatusCode);
            // 400/401/403 is FedEx saying no to these credentials; anything else (429, 5xx) is an outage, worth a retry.
            throw response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                ? new FedExCredentialsRefusedException(response.StatusCode)
                : new HttpRequestException($"token request answered HTTP {(int)response.StatusCode}", null, response.StatusCode);
        }
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        var root = (JsonElement?)document.RootElement;
        var token = root.Str("access_token");
        if (token.Length == 0)
        {
            throw new FedExShapeException("the token answer has no access_token");
        }
        // FedEx documents 60-minute tokens; trust expires_in when present.
        var lifetime = root.Long("expires_in") is { } seconds and > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromMinutes(60);
        FedExLog.TokenObtained(_logger, lifetime);
        return new OAuthToken(token, _time.GetUtcNow() + lifetime);
    }
}
