using System.Runtime.CompilerServices;
using Grpc.Core;
using LogisticsLink.V1;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogisticsLink.Client;

/// <summary>
/// Watches shipments through <c>WatchShipments</c> and keeps watching across failures: on a transient failure it
/// reconnects with exponential backoff and resumes after the last sequence it delivered, so the caller sees every
/// matching change exactly once, in order, with no gap.
/// </summary>
/// <remarks>
/// One watcher runs one watch at a time, because <see cref="ResumePosition"/> belongs to that watch; create a watcher
/// per watch (they are cheap; the channel underneath is what should be shared).
/// </remarks>
public sealed class ShipmentWatcher
{
    private readonly TrackingService.TrackingServiceClient client;
    private readonly ShipmentWatcherOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private ResumePoint resume = ResumePoint.Start;
    private int running;

    public ShipmentWatcher(
        TrackingService.TrackingServiceClient client,
        ShipmentWatcherOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger<ShipmentWatcher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        this.client = client;
        this.options = options ?? new ShipmentWatcherOptions();
        this.options.Validate();
        this.timeProvider = timeProvider ?? TimeProvider.System;
        this.logger = logger ?? NullLogger<ShipmentWatcher>.Instance;
    }

    /// <summary>
    /// The sequence to pass as <c>resume_after_sequence</c> to continue this watch later: every matching change up to
    /// it has been yielded. It moves before an update is yielded, so read it after handling an update to persist it,
    /// together with <see cref="ResumeCommittedAt"/>. While a requested snapshot is still arriving it stays at the
    /// requested position, because a watch cannot resume halfway through one. A watch begun on an empty log stands at
    /// 0 until its first change: resume from a saved position with <c>resume_from_zero</c> set too, so that 0 means the
    /// start of the log rather than "start live".
    /// </summary>
    public ulong ResumePosition => Volatile.Read(ref resume).Sequence;

    /// <summary>
    /// When the change at <see cref="ResumePosition"/> was committed (null at 0, or when the server did not say): pass
    /// it as <c>resume_after_committed_at</c> with the position. The server then refuses (OUT_OF_RANGE) a position its
    /// log does not have, as after a database restore, instead of resuming past changes the caller never saw. Persist
    /// it with <see cref="ResumePosition"/>, at microsecond precision or better; read both after handling an update.
    /// </summary>
    public DateTimeOffset? ResumeCommittedAt => Volatile.Read(ref resume).CommittedAt;

    /// <summary>
    /// Streams the updates matching <paramref name="request"/>: changes (each at most once, in sequence order) and,
    /// unless <see cref="ShipmentWatcherOptions.IncludeHeartbeats"/> is off, heartbeats. Never completes on its own.
    /// </summary>
    /// <param name="request">
    /// The first call's request: to continue a watch, its <c>resume_after_sequence</c> and
    /// <c>resume_after_committed_at</c> are a persisted <see cref="ResumePosition"/> and <see cref="ResumeCommittedAt"/>
    /// (and <c>resume_from_zero</c> set, in case the position is 0). Reconnects reuse its filters with the resume
    /// position and its commit time (and <c>resume_from_zero</c> once the server has said where the watch stands),
    /// and <c>send_snapshot</c> = false (once the snapshot, if one was asked for, has completed).
    /// </param>
    /// <param name="cancellationToken">Ends the watch.</param>
    /// <exception cref="OperationCanceledException">
    /// <paramref name="cancellationToken"/> was cancelled: the enumeration ends by throwing this, never by completing,
    /// so a caller can tell "I stopped it" from any other end.
    /// </exception>
    /// <exception cref="RpcException">
    /// A status that retrying cannot fix: INVALID_ARGUMENT, UNAUTHENTICATED, PERMISSION_DENIED, NOT_FOUND,
    /// FAILED_PRECONDITION, OUT_OF_RANGE, UNIMPLEMENTED. OUT_OF_RANGE means the resume position is not from this
    /// server's change log (the database was restored or recreated; the server never trims its log): what the caller
    /// holds belongs to another history, so start again with position 0 and a snapshot.
    /// </exception>
    /// <exception cref="RpcException">
    /// <see cref="ShipmentWatcherOptions.MaxFirstConnectAttempts"/> calls failed and none received anything.
    /// </exception>
    /// <exception cref="InvalidOperationException">This watcher is already running a watch.</exception>
    public async IAsyncEnumerable<ShipmentUpdate> WatchAsync(
        WatchShipmentsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Interlocked.Exchange(ref running, 1) == 1)
        {
            throw new InvalidOperationException("This ShipmentWatcher is already running a watch; create one per watch.");
        }

        try
        {
            var cursor = new WatchCursor(request);
            Volatile.Write(ref resume, ResumePoint.Of(cursor));
            var backoff = new ReconnectBackoff(options.InitialReconnectDelay, options.MaxReconnectDelay);
            var receivedAnything = false;
            var failedFirstAttempts = 0;

            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var callRequest = cursor.NextRequest();
                logger.Connecting(callRequest.ResumeAfterSequence, callRequest.SendSnapshot);
                Exception? failure = null;

                // Disposing the call (also when the caller stops enumerating) cancels it on the server.
                using (var call = client.WatchShipments(callRequest, new CallOptions(cancellationToken: cancellationToken)))
                {
                    while (true)
                    {
                        ShipmentUpdate update;
                        try
                        {
                            if (!await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
                            {
                                break;
                            }

                            update = call.ResponseStream.Current;
                        }
                        catch (RpcException ex) when (cancellationToken.IsCancellationRequested)
                        {
                            // Grpc.Net.Client reports the caller's own cancellation as CANCELLED unless the channel opts
                            // into OperationCanceledException; normalize so callers see one documented behaviour.
                            throw new OperationCanceledException("The shipment watch was cancelled.", ex, cancellationToken);
                        }
                        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && WatchFailures.IsTransient(ex))
                        {
                            failure = ex;
                            break;
                        }

                        backoff.Reset();
                        receivedAnything = true;
                        if (!cursor.Accept(update))
                        {
                            logger.DroppedDuplicate(update.Sequence, cursor.Position);
                            continue;
                        }

                        Volatile.Write(ref resume, ResumePoint.Of(cursor));
                        if (update.UpdateCase == ShipmentUpdate.UpdateOneofCase.Heartbeat && !options.IncludeHeartbeats)
                        {
                            continue;
                        }

                        yield return update;
                    }
                }

                // A stream that ended without error is also retried: the contract says it stays live, so an end means
                // something between us and the server closed it. The backoff keeps an instantly-closing server from
                // turning this into a busy loop.
                if (!receivedAnything && ++failedFirstAttempts >= options.MaxFirstConnectAttempts)
                {
                    throw FirstConnectFailed(failure);
                }

                var delay = backoff.Next();
                logger.Reconnecting(ShipmentWatcherLog.Describe(failure), delay.TotalMilliseconds, cursor.Position, failure);
                await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Volatile.Write(ref running, 0);
        }
    }

    /// <summary>A position and its change's commit time, published together so a reader never pairs one with the other's neighbour.</summary>
    private sealed record ResumePoint(ulong Sequence, DateTimeOffset? CommittedAt)
    {
        public static readonly ResumePoint Start = new(0, null);

        public static ResumePoint Of(WatchCursor cursor) => new(cursor.Position, cursor.CommittedAt?.ToDateTimeOffset());
    }

    /// <summary>The documented exception for an unreachable server: an RpcException, UNAVAILABLE unless it had a status.</summary>
    private static RpcException FirstConnectFailed(Exception? failure) => failure switch
    {
        RpcException rpc => rpc,
        null => new RpcException(new Status(StatusCode.Unavailable, "The server ended every watch before sending anything.")),
        _ => new RpcException(new Status(StatusCode.Unavailable, $"Could not reach the server: {failure.Message}", failure)),
    };
}
