using Grpc.Core;
using LogisticsLink.V1;

namespace LogisticsLink.Bench.Hosting;

/// <summary>
/// The framework's ceiling: the generated TrackingService with one trivial unary method that answers a prepared
/// <see cref="Shipment"/> (the same bytes a real lookup returns) without any work. No interceptor, no I/O.
/// </summary>
public sealed class CeilingService(Shipment reply) : TrackingService.TrackingServiceBase
{
    public override Task<Shipment> GetShipment(GetShipmentRequest request, ServerCallContext context) => Task.FromResult(reply);
}
