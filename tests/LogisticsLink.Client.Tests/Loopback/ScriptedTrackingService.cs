using System.Collections.Concurrent;
using Grpc.Core;
using LogisticsLink.Client.Tests.Fakes;
using LogisticsLink.V1;

namespace LogisticsLink.Client.Tests.Loopback;

/// <summary>
/// A real gRPC service with scripted answers: the n-th WatchShipments call writes the n-th batch and then either fails
/// with UNAVAILABLE (like a server shutting down) or, for the last batch, stays open until the client leaves.
/// </summary>
public sealed class ScriptedTrackingService(params ulong[][] watchBatches) : TrackingService.TrackingServiceBase
{
    private int watchCalls;

    public ConcurrentQueue<string?> AuthorizationHeaders { get; } = new();

    public ConcurrentQueue<WatchShipmentsRequest> WatchRequests { get; } = new();

    public override Task<Shipment> GetShipment(GetShipmentRequest request, ServerCallContext context)
    {
        AuthorizationHeaders.Enqueue(context.RequestHeaders.GetValue("authorization"));
        return Task.FromResult(new Shipment { Id = request.ShipmentId });
    }

    public override async Task WatchShipments(
        WatchShipmentsRequest request, IServerStreamWriter<ShipmentUpdate> responseStream, ServerCallContext context)
    {
        AuthorizationHeaders.Enqueue(context.RequestHeaders.GetValue("authorization"));
        WatchRequests.Enqueue(request);
        var call = Interlocked.Increment(ref watchCalls) - 1;
        var batch = call < watchBatches.Length ? watchBatches[call] : [];
        foreach (var sequence in batch)
        {
            await responseStream.WriteAsync(Updates.Change(sequence), context.CancellationToken);
        }

        if (call < watchBatches.Length - 1)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"shutting down after {batch.LastOrDefault()}"));
        }

        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The client went away: the normal end of a live watch.
        }
    }
}
