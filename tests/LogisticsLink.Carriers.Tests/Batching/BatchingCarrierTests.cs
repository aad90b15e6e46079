using System.Collections.Concurrent;
using LogisticsLink.Carriers;
using LogisticsLink.Domain.Tracking;

namespace LogisticsLink.Carriers.Tests.Batching;

/// <summary>Refreshes that arrive together for a batching carrier share requests of at most its batch size.</summary>
public sealed class BatchingCarrierTests
{
    private sealed class CountingCarrier(int maxBatch, Func<IReadOnlyList<CarrierRequest>, Task>? onCall = null) : IBatchingCarrierClient
    {
        public ConcurrentQueue<int> BatchSizes { get; } = new();
        public string Code => "fedex";
        public TimeSpan? Cadence => null;
        public int MaxBatchSize => maxBatch;

        public Task<CarrierResult> TrackAsync(CarrierRequest request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Batched carriers are asked through TrackManyAsync.");

        public async Task<IReadOnlyList<CarrierResult>> TrackManyAsync(IReadOnlyList<CarrierRequest> requests, CancellationToken cancellationToken)
        {
            BatchSizes.Enqueue(requests.Count);
            if (onCall is not null)
            {
                await onCall(requests);
            }
            return requests.Select(r => CarrierResult.Failure("answer for " + r.TrackingNumber, transient: false)).ToList();
        }
    }

    private static CarrierRequest Request(int i) => new($"N{i:D4}", DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task Concurrent_refreshes_share_requests_and_each_gets_its_own_answer()
    {
        var inner = new CountingCarrier(30);
        await using var carrier = new BatchingCarrier(inner, TimeSpan.FromSeconds(1), TimeProvider.System);

        var results = await Task.WhenAll(Enumerable.Range(0, 65).Select(i => carrier.TrackAsync(Request(i), CancellationToken.None)));

        Assert.Equal(65, inner.BatchSizes.Sum());
        Assert.Equal(3, inner.BatchSizes.Count);
        Assert.All(inner.BatchSizes, size => Assert.InRange(size, 1, 30));
        Assert.Equal(Enumerable.Range(0, 65).Select(i => $"answer for N{i:D4}"), results.Select(r => r.FailureReason));
    }

    [Fact]
    public async Task A_lone_refresh_goes_out_when_the_window_closes()
    {
        var inner = new CountingCarrier(30);
        await using var carrier = new BatchingCarrier(inner, TimeSpan.FromMilliseconds(10), TimeProvider.System);

        var result = await carrier.TrackAsync(Request(1), CancellationToken.None);

        Assert.Equal("answer for N0001", result.FailureReason);
        Assert.Equal([1], inner.BatchSizes);
    }

    [Fact]
    public async Task A_failing_batch_fails_its_refreshes_as_values_and_the_next_batch_still_runs()
    {
        var calls = 0;
        var inner = new CountingCarrier(10, _ => Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("adapter bug") : Task.CompletedTask);
        await using var carrier = new BatchingCarrier(inner, TimeSpan.FromMilliseconds(10), TimeProvider.System);

        var failed = await carrier.TrackAsync(Request(1), CancellationToken.None);
        var next = await carrier.TrackAsync(Request(2), CancellationToken.None);

        Assert.Equal("adapter bug", failed.FailureReason);
        Assert.True(failed.Transient);
        Assert.Equal("answer for N0002", next.FailureReason);
    }

    [Fact]
    public async Task A_caller_that_gives_up_is_released_and_disposal_answers_the_rest()
    {
        var release = new TaskCompletionSource();
        var inner = new CountingCarrier(10, _ => release.Task);
        var carrier = new BatchingCarrier(inner, TimeSpan.FromMilliseconds(10), TimeProvider.System);
        using var gaveUp = new CancellationTokenSource();
        var first = carrier.TrackAsync(Request(1), gaveUp.Token);
        var second = carrier.TrackAsync(Request(2), CancellationToken.None);

        await gaveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        release.SetResult();
        Assert.Equal("answer for N0002", (await second).FailureReason);
        await carrier.DisposeAsync();

        Assert.Equal("The server is stopping.", (await carrier.TrackAsync(Request(3), CancellationToken.None)).FailureReason);
    }
}
