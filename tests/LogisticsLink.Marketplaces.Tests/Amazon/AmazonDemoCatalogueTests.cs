using System.Globalization;
using System.Text.RegularExpressions;
using LogisticsLink.Sandbox.Marketplaces.Amazon;

namespace LogisticsLink.Marketplaces.Tests.Amazon;

/// <summary>
/// The demo seller's orders are what a user first tries the support desk on: each FBM parcel must follow the sandbox
/// lifecycle its order is described with, which the last digit of its number chooses (README, sandbox numbers).
/// </summary>
public sealed partial class AmazonDemoCatalogueTests
{
    [GeneratedRegex(@"\(scenario (\d)\)", RegexOptions.CultureInvariant)]
    private static partial Regex ScenarioNote();

    [Fact]
    public void Every_demo_parcel_follows_the_sandbox_scenario_its_order_is_described_with()
    {
        var catalogue = AmazonDemoCatalogue.Create(TimeProvider.System);
        var described = catalogue.Orders
            .Select(o => (Order: o, Note: ScenarioNote().Match(o.Note)))
            .Where(d => d.Note.Success)
            .ToList();

        Assert.NotEmpty(described);
        Assert.All(described, d => Assert.Equal(
            d.Note.Groups[1].Value,
            Assert.Single(d.Order.Packages).TrackingNumber[^1..]));
        // The returned-to-sender lifecycle (digit 5) is among them, so the demo shows a parcel coming back.
        Assert.Contains(described, d => d.Note.Groups[1].Value == 5.ToString(CultureInfo.InvariantCulture));
    }
}
