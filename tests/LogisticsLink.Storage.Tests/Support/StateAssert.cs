using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Storage.Tests.Support;

internal static class StateAssert
{
    /// <summary>
    /// Field-by-field equality of two states. Records compare <see cref="ShipmentState.Labels"/> by reference, so the
    /// labels are compared by content and the rest through record equality.
    /// </summary>
    public static void Equal(ShipmentState expected, ShipmentState? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(
            expected.Labels.OrderBy(l => l.Key, StringComparer.Ordinal),
            actual.Labels.OrderBy(l => l.Key, StringComparer.Ordinal));
        Assert.Equal(expected with { Labels = ShipmentState.EmptyLabels }, actual with { Labels = ShipmentState.EmptyLabels });
    }

    public static void Ids(IEnumerable<ShipmentState> expected, IEnumerable<ShipmentState> actual) =>
        Assert.Equal(expected.Select(s => s.Id), actual.Select(s => s.Id));
}
