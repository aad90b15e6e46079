using LogisticsLink.Carriers.Http;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Carriers.Tests.Http;

public sealed class OAuthTokenCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero));
    private int _fetches;

    private OAuthTokenCache Cache(TimeSpan lifetime, TaskCompletionSource? gate = null) => new(async ct =>
    {
        var n = Interlocked.Increment(ref _fetches);
        if (gate is not null)
        {
            await gate.Task.WaitAsync(ct);
        }
        return new OAuthToken($"token-{n}", _time.GetUtcNow() + lifetime);
    }, _time);

    [Fact]
    public async Task Concurrent_callers_share_one_fetch()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cache = Cache(TimeSpan.FromHours(1), gate);
        var callers = Enumerable.Range(0, 50).Select(_ => cache.GetAsync(CancellationToken.None)).ToList();
        gate.SetResult();

        var tokens = await Task.WhenAll(callers);

        Assert.Equal(1, _fetches);
        Assert.All(tokens, t => Assert.Equal("token-1", t));
    }

    [Fact]
    public async Task The_token_is_renewed_shortly_before_it_expires_not_after()
    {
        var cache = Cache(TimeSpan.FromMinutes(60));
        Assert.Equal("token-1", await cache.GetAsync(CancellationToken.None));

        _time.Advance(TimeSpan.FromMinutes(58) + TimeSpan.FromSeconds(59));
        Assert.Equal("token-1", await cache.GetAsync(CancellationToken.None));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("token-2", await cache.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Invalidating_a_rejected_token_fetches_a_new_one_but_a_stale_rejection_does_not()
    {
        var cache = Cache(TimeSpan.FromHours(1));
        var first = await cache.GetAsync(CancellationToken.None);

        cache.Invalidate(first);
        var second = await cache.GetAsync(CancellationToken.None);
        cache.Invalidate(first);

        Assert.Equal("token-2", second);
        Assert.Equal("token-2", await cache.GetAsync(CancellationToken.None));
        Assert.Equal(2, _fetches);
    }
}
