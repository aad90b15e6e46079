using Grpc.Core;
using Grpc.Core.Interceptors;
using LogisticsLink.Client.Tests.Fakes;
using LogisticsLink.V1;

namespace LogisticsLink.Client.Tests;

public sealed class ApiKeyInterceptorTests
{
    [Fact]
    public async Task Every_call_carries_the_bearer_key_once_and_keeps_the_callers_headers()
    {
        var invoker = new CapturingCallInvoker(new Shipment { Id = "shp_1" });
        var client = new TrackingService.TrackingServiceClient(invoker.Intercept(new ApiKeyInterceptor("k-123")));
        var callerHeaders = new Metadata { { "x-request-id", "r1" }, { "Authorization", "Bearer stale" } };

        await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = "shp_1" }, callerHeaders);
        await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = "shp_1" }, callerHeaders);
        client.GetShipment(new GetShipmentRequest { ShipmentId = "shp_1" });

        Assert.Equal(3, invoker.Calls.Count);
        foreach (var call in invoker.Calls)
        {
            var authorization = Assert.Single(call.Headers!, h => h.Key == "authorization");
            Assert.Equal("Bearer k-123", authorization.Value);
        }

        Assert.Equal("r1", invoker.Calls[1].Headers!.GetValue("x-request-id"));
        Assert.Equal(2, callerHeaders.Count);
    }
}
