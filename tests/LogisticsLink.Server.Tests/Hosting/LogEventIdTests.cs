using System.Reflection;
using LogisticsLink.Server.Hosting;
using Microsoft.Extensions.Logging;

namespace LogisticsLink.Server.Tests.Hosting;

/// <summary>
/// An operator filters and alerts on a log event's id (README names some, e.g. 4814, 4815): one id must mean one
/// event, whichever part of the service logs it.
/// </summary>
public sealed class LogEventIdTests
{
    private static readonly Assembly[] ServiceAssemblies =
    [
        typeof(LogisticsLinkApp).Assembly,
        typeof(LogisticsLink.Carriers.ICarrierClient).Assembly,
        typeof(LogisticsLink.Marketplaces.Shopify.ShopifyMarketplaceClient).Assembly,
        typeof(LogisticsLink.Storage.IShipmentStore).Assembly,
        typeof(LogisticsLink.Domain.Tracking.Tracker).Assembly,
        typeof(LogisticsLink.Sandbox.SimulatorFault).Assembly,
    ];

    [Fact]
    public void No_two_log_events_of_the_service_share_an_event_id()
    {
        var events = ServiceAssemblies
            .SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(method => (Method: $"{method.DeclaringType!.FullName}.{method.Name}", Attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(e => e.Attribute is { EventId: > 0 })
            .ToList();

        var shared = events
            .GroupBy(e => e.Attribute!.EventId)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.Method))}")
            .ToList();

        Assert.True(events.Count > 50, $"found only {events.Count} [LoggerMessage] methods: the scan missed the service's logs");
        Assert.True(shared.Count == 0, "event ids used by more than one log event:\n" + string.Join("\n", shared));
    }
}
