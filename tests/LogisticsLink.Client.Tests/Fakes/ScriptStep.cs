using Grpc.Core;
using LogisticsLink.V1;

namespace LogisticsLink.Client.Tests.Fakes;

/// <summary>One scripted step of a fake WatchShipments response stream.</summary>
public abstract record ScriptStep
{
    public static ScriptStep Update(ShipmentUpdate update) => new Yield(update);

    public static ScriptStep Change(ulong sequence, string shipmentId = "shp_1", ulong version = 1,
        ShipmentStatus status = ShipmentStatus.InTransit, ChangeKind kind = ChangeKind.StatusChanged) =>
        new Yield(Updates.Change(sequence, shipmentId, version, status, kind));

    public static ScriptStep Heartbeat(ulong latestSequence) => new Yield(Updates.Heartbeat(latestSequence));

    public static ScriptStep Fail(StatusCode code) => new Throw(new RpcException(new Status(code, $"scripted {code}")));

    public static ScriptStep Fail(Exception exception) => new Throw(exception);

    /// <summary>The server ends the call with OK.</summary>
    public static ScriptStep End { get; } = new Complete();

    /// <summary>The stream stays open until the call is cancelled, as a live watch does.</summary>
    public static ScriptStep Hang { get; } = new Wait();

    public sealed record Yield(ShipmentUpdate Value) : ScriptStep;

    public sealed record Throw(Exception Exception) : ScriptStep;

    public sealed record Complete : ScriptStep;

    public sealed record Wait : ScriptStep;
}
