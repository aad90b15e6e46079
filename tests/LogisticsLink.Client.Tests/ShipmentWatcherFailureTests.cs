using Grpc.Core;
using LogisticsLink.Client.Tests.Fakes;
using LogisticsLink.V1;

namespace LogisticsLink.Client.Tests;

public sealed class ShipmentWatcherFailureTests
{
    private readonly SignallingTimeProvider time = new();

    public static TheoryData<StatusCode> PermanentStatuses =>
    [
        StatusCode.InvalidArgument, StatusCode.Unauthenticated, StatusCode.PermissionDenied, StatusCode.NotFound,
        StatusCode.FailedPrecondition, StatusCode.OutOfRange, StatusCode.Unimplemented,
    ];

    public static TheoryData<StatusCode> TransientStatuses =>
    [
        StatusCode.Unavailable, StatusCode.Internal, StatusCode.ResourceExhausted, StatusCode.Aborted,
        StatusCode.Cancelled, StatusCode.DeadlineExceeded, StatusCode.Unknown,
    ];

    [Theory]
    [MemberData(nameof(PermanentStatuses))]
    public async Task Non_transient_statuses_are_rethrown_without_reconnecting(StatusCode code)
    {
        var client = new FakeTrackingClient([ScriptStep.Change(1), ScriptStep.Fail(code)]);
        var watcher = new ShipmentWatcher(client, timeProvider: time);

        await using var run = new WatchRun(watcher, new WatchShipmentsRequest());
        await run.NextAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => run.Completion.WaitAsync(TestTimeouts.Generous));

        Assert.Equal(code, error.StatusCode);
        Assert.Equal(1, client.CallCount);
        Assert.True(time.NoPendingTimer);
    }

    [Theory]
    [MemberData(nameof(TransientStatuses))]
    public async Task Transient_statuses_reconnect(StatusCode code)
    {
        var client = new FakeTrackingClient([ScriptStep.Change(1), ScriptStep.Fail(code)], [ScriptStep.Change(2)]);
        var watcher = new ShipmentWatcher(client, timeProvider: time);

        await using var run = new WatchRun(watcher, new WatchShipmentsRequest());
        await run.NextAsync();
        time.Advance(await time.NextTimerAsync());

        Assert.Equal(2UL, (await run.NextAsync()).Sequence);
    }

    [Fact]
    public async Task Transport_exceptions_reconnect()
    {
        var client = new FakeTrackingClient(
            [ScriptStep.Fail(new IOException("connection reset"))],
            [ScriptStep.Fail(new HttpRequestException("refused"))],
            [ScriptStep.Change(1)]);
        var watcher = new ShipmentWatcher(client, timeProvider: time);

        await using var run = new WatchRun(watcher, new WatchShipmentsRequest());
        time.Advance(await time.NextTimerAsync());
        time.Advance(await time.NextTimerAsync());

        Assert.Equal(1UL, (await run.NextAsync()).Sequence);
        Assert.Equal(3, client.CallCount);
    }

    [Fact]
    public async Task A_first_connection_that_never_succeeds_gives_up_after_the_attempts_allowed()
    {
        var client = new FakeTrackingClient(
            [ScriptStep.Fail(StatusCode.Unavailable)],
            [ScriptStep.Fail(new HttpRequestException("refused"))],
            [ScriptStep.Fail(new HttpRequestException("refused"))]);
        var watcher = new ShipmentWatcher(client, new ShipmentWatcherOptions { MaxFirstConnectAttempts = 3 }, time);

        await using var run = new WatchRun(watcher, new WatchShipmentsRequest());
        time.Advance(await time.NextTimerAsync());
        time.Advance(await time.NextTimerAsync());

        var error = await Assert.ThrowsAsync<RpcException>(() => run.Completion.WaitAsync(TestTimeouts.Generous));
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.IsType<HttpRequestException>(error.Status.DebugException);
        Assert.Equal(3, client.CallCount);
        Assert.True(time.NoPendingTimer);
    }

    [Fact]
    public async Task Once_anything_arrived_reconnecting_is_unbounded_again()
    {
        var client = new FakeTrackingClient(
            [ScriptStep.Heartbeat(0), ScriptStep.Fail(StatusCode.Unavailable)],
            [ScriptStep.Fail(StatusCode.Unavailable)],
            [ScriptStep.Fail(StatusCode.Unavailable)],
            [ScriptStep.Change(1)]);
        var watcher = new ShipmentWatcher(client, new ShipmentWatcherOptions { MaxFirstConnectAttempts = 1 }, time);

        await using var run = new WatchRun(watcher, new WatchShipmentsRequest());
        await run.NextAsync();
        time.Advance(await time.NextTimerAsync());
        time.Advance(await time.NextTimerAsync());
        time.Advance(await time.NextTimerAsync());

        Assert.Equal(1UL, (await run.NextAsync()).Sequence);
    }

    [Fact]
    public async Task Other_exceptions_propagate()
    {
        var client = new FakeTrackingClient([ScriptStep.Fail(new InvalidOperationException("bug"))]);
        var watcher = new ShipmentWatcher(client, timeProvider: time);

        await using var run = new WatchRun(watcher, new WatchShipmentsRequest());

        await Assert.ThrowsAsync<InvalidOperationException>(() => run.Completion.WaitAsync(TestTimeouts.Generous));
    }

    [Fact]
    public async Task Backoff_doubles_up_to_the_maximum_waits_on_the_time_provider_and_resets_after_a_message()
    {
        var fail = ScriptStep.Fail(StatusCode.Unavailable);
        var client = new FakeTrackingClient([fail], [fail], [fail], [fail], [ScriptStep.Change(1), fail], [fail]);
        var options = new ShipmentWatcherOptions
        {
            InitialReconnectDelay = TimeSpan.FromMilliseconds(100),
            MaxReconnectDelay = TimeSpan.FromMilliseconds(400),
        };
        var watcher = new ShipmentWatcher(client, options, time);

        await using var run = new WatchRun(watcher, new WatchShipmentsRequest());
        var ceilings = new[] { 100, 200, 400, 400, 100, 200 };
        for (var attempt = 0; attempt < ceilings.Length; attempt++)
        {
            await client.NextCallAsync();
            var delay = await time.NextTimerAsync();
            var ceiling = TimeSpan.FromMilliseconds(ceilings[attempt]);
            Assert.InRange(delay, ceiling / 2, ceiling);

            // Nothing happens until the fake clock reaches the delay: the wait is on the injected time provider.
            time.Advance(delay - TimeSpan.FromTicks(1));
            Assert.Equal(attempt + 1, client.CallCount);
            time.Advance(TimeSpan.FromTicks(1));
        }

        await client.NextCallAsync();
        Assert.Equal(ceilings.Length + 1, client.CallCount);
    }

    [Fact]
    public async Task Caller_cancellation_while_streaming_throws_OperationCanceledException()
    {
        var client = new FakeTrackingClient([ScriptStep.Change(1)]);
        var watcher = new ShipmentWatcher(client, timeProvider: time);

        await using var run = new WatchRun(watcher, new WatchShipmentsRequest());
        await run.NextAsync();
        run.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.Completion.WaitAsync(TestTimeouts.Generous));
        Assert.Equal(1, client.CallCount);
        Assert.Equal(1, client.DisposedCalls);
    }

    [Fact]
    public async Task Caller_cancellation_during_backoff_throws_OperationCanceledException()
    {
        var client = new FakeTrackingClient([ScriptStep.Fail(StatusCode.Unavailable)]);
        var watcher = new ShipmentWatcher(client, timeProvider: time);

        await using var run = new WatchRun(watcher, new WatchShipmentsRequest());
        await time.NextTimerAsync();
        run.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.Completion.WaitAsync(TestTimeouts.Generous));
        Assert.Equal(1, client.CallCount);
    }

    [Fact]
    public async Task Breaking_out_of_the_enumeration_disposes_the_call()
    {
        var client = new FakeTrackingClient([ScriptStep.Change(1), ScriptStep.Change(2)]);
        var watcher = new ShipmentWatcher(client, timeProvider: time);

        await foreach (var update in watcher.WatchAsync(new WatchShipmentsRequest()))
        {
            Assert.Equal(1UL, update.Sequence);
            break;
        }

        Assert.Equal(1, client.DisposedCalls);
        Assert.Equal(1UL, watcher.ResumePosition);
    }

    [Fact]
    public async Task One_watcher_runs_one_watch_at_a_time()
    {
        var client = new FakeTrackingClient([ScriptStep.Change(1)]);
        var watcher = new ShipmentWatcher(client, timeProvider: time);

        await using var run = new WatchRun(watcher, new WatchShipmentsRequest());
        await run.NextAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in watcher.WatchAsync(new WatchShipmentsRequest()))
            {
            }
        });
    }
}
