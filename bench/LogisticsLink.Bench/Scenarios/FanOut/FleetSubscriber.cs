using Grpc.Core;
using LogisticsLink.V1;

namespace LogisticsLink.Bench.Scenarios.FanOut;

/// <summary>
/// One WatchShipments stream of the fleet: it records every change's sequence (to audit loss and duplication) and the
/// time from the change's commit to its arrival here. A stream that fails is not reconnected: the failure is the finding.
/// </summary>
internal sealed class FleetSubscriber(int index, IReadOnlyList<string> shipmentIds)
{
    private readonly List<long> _received = [];
    private long _last;
    private int _orderViolations;

    public int Index { get; } = index;

    /// <summary>Empty: every shipment of the tenant.</summary>
    public IReadOnlyList<string> ShipmentIds { get; } = shipmentIds;

    public long LastSequence => Volatile.Read(ref _last);

    public int OrderViolations => Volatile.Read(ref _orderViolations);

    public Exception? Failure { get; private set; }

    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>A copy of the sequences received so far (updates may still be arriving).</summary>
    public long[] Received()
    {
        lock (_received)
        {
            return [.. _received];
        }
    }

    /// <summary>Opens the stream and returns once the server has answered with its headers.</summary>
    public async Task OpenAsync(TrackingService.TrackingServiceClient client, WatchFleet fleet, CancellationToken cancellationToken)
    {
        var request = new WatchShipmentsRequest();
        request.ShipmentIds.Add(ShipmentIds);
        var call = client.WatchShipments(request, cancellationToken: cancellationToken);
        try
        {
            await call.ResponseHeadersAsync;
        }
        catch
        {
            call.Dispose();
            throw;
        }
        Completion = Task.Run(() => ReadAsync(call, fleet, cancellationToken), CancellationToken.None);
    }

    private async Task ReadAsync(AsyncServerStreamingCall<ShipmentUpdate> call, WatchFleet fleet, CancellationToken cancellationToken)
    {
        using (call)
        {
            try
            {
                while (await call.ResponseStream.MoveNext(cancellationToken))
                {
                    var update = call.ResponseStream.Current;
                    if (update.UpdateCase != ShipmentUpdate.UpdateOneofCase.Change)
                    {
                        continue;
                    }
                    var arrived = DateTimeOffset.UtcNow;
                    fleet.Recorder?.Add((arrived - update.Change.CommittedAt.ToDateTimeOffset()).TotalMilliseconds);
                    if (fleet.Deliveries is { } deliveries && update.Change.Shipment.Labels.TryGetValue(ChangeDriver.RevisionLabel, out var revision))
                    {
                        deliveries.Enqueue((long.Parse(revision, System.Globalization.CultureInfo.InvariantCulture), System.Diagnostics.Stopwatch.GetTimestamp()));
                    }
                    var sequence = (long)update.Sequence;
                    if (sequence <= _last)
                    {
                        Interlocked.Increment(ref _orderViolations);
                    }
                    lock (_received)
                    {
                        _received.Add(sequence);
                    }
                    Volatile.Write(ref _last, Math.Max(_last, sequence));
                }
                Failure = new InvalidOperationException($"Stream {Index} ended without an error.");
            }
            catch (Exception e) when (cancellationToken.IsCancellationRequested && e is RpcException or OperationCanceledException)
            {
                // The fleet is closing.
            }
            catch (Exception e)
            {
                Failure = e;
            }
        }
    }
}
