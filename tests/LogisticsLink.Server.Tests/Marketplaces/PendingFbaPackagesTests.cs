using LogisticsLink.Domain.Orders;
using LogisticsLink.Server.Marketplaces;

namespace LogisticsLink.Server.Tests.Marketplaces;

/// <summary>FBA report rows kept for orders not stored yet: what is tried again with a report, and for how long.</summary>
public sealed class PendingFbaPackagesTests
{
    private const string Account = "config:0";
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Connected = Start.AddDays(-40);
    private static readonly Dictionary<string, IReadOnlyList<ImportedPackage>> NoRows = new(StringComparer.Ordinal);

    [Fact]
    public void A_kept_row_is_tried_again_until_it_is_older_than_the_initial_sync_window_then_dropped()
    {
        var pending = new PendingFbaPackages(Window);
        var shipped = Start.AddDays(-2);
        var row = Assert.Single(pending.WithKept(Account, Connected, Report(("113-1", [Parcel("TBA1", shipped)])), Start));
        Assert.False(row.FromEarlierReport);
        Assert.Equal(0, pending.Keep(Account, Connected, [row], Start));

        var now = shipped + Window;
        var again = Assert.Single(pending.WithKept(Account, Connected, NoRows, now));
        Assert.True(again.FromEarlierReport);
        Assert.Equal(0, pending.Keep(Account, Connected, [again], now));

        now += TimeSpan.FromMinutes(1);
        var last = Assert.Single(pending.WithKept(Account, Connected, NoRows, now));
        Assert.Equal(1, pending.Keep(Account, Connected, [last], now));
        Assert.Empty(pending.WithKept(Account, Connected, NoRows, now));
    }

    [Fact]
    public void A_row_without_a_ship_date_ages_from_the_report_that_first_listed_its_order()
    {
        var pending = new PendingFbaPackages(Window);
        pending.Keep(Account, Connected, pending.WithKept(Account, Connected, Report(("113-1", [Parcel("TBA1", null)])), Start), Start);

        // Listed again by a later report: still as old as the first sighting.
        var later = Start.AddDays(20);
        var relisted = Assert.Single(pending.WithKept(Account, Connected, Report(("113-1", [Parcel("TBA1", null)])), later));
        Assert.Equal(Start, relisted.Since);
        Assert.Equal(0, pending.Keep(Account, Connected, [relisted], later));

        var past = Start + Window + TimeSpan.FromMinutes(1);
        Assert.Equal(1, pending.Keep(Account, Connected, pending.WithKept(Account, Connected, NoRows, past), past));
    }

    [Fact]
    public void A_newer_report_row_replaces_the_kept_one_and_an_attached_order_is_no_longer_kept()
    {
        var pending = new PendingFbaPackages(Window);
        pending.Keep(Account, Connected, pending.WithKept(Account, Connected, Report(("113-1", [Parcel("TBA1", Start)]), ("113-2", [Parcel("TBA2", Start)])), Start), Start);

        var now = Start.AddHours(1);
        var orders = pending.WithKept(Account, Connected, Report(("113-1", [Parcel("TBA1", Start), Parcel("TBA3", now)])), now);

        Assert.Equal(2, orders.Count);
        var replaced = orders.Single(o => o.OrderId == "113-1");
        Assert.False(replaced.FromEarlierReport);
        Assert.Equal(["TBA1", "TBA3"], replaced.Packages.Select(p => p.TrackingNumber));
        Assert.True(orders.Single(o => o.OrderId == "113-2").FromEarlierReport);

        // 113-2's order was stored this time: only 113-1 stays.
        pending.Keep(Account, Connected, [replaced], now);
        Assert.Equal("113-1", Assert.Single(pending.WithKept(Account, Connected, NoRows, now)).OrderId);
    }

    [Fact]
    public void Past_the_cap_the_oldest_rows_are_given_up()
    {
        var pending = new PendingFbaPackages(Window, maxPerAccount: 2);
        var rows = pending.WithKept(Account, Connected, Report(
            ("113-1", [Parcel("TBA1", Start.AddHours(-3))]),
            ("113-2", [Parcel("TBA2", Start.AddHours(-1))]),
            ("113-3", [Parcel("TBA3", Start.AddHours(-2))])), Start);

        Assert.Equal(1, pending.Keep(Account, Connected, rows, Start));
        Assert.Equal(["113-2", "113-3"], pending.WithKept(Account, Connected, NoRows, Start).Select(o => o.OrderId).Order());
        // Accounts are kept apart.
        Assert.Empty(pending.WithKept("config:1", Connected, NoRows, Start));
    }

    [Fact]
    public void Rows_kept_for_a_connection_are_not_tried_for_the_connection_that_replaces_it_and_go_at_its_first_report()
    {
        var pending = new PendingFbaPackages(Window);
        pending.Keep(Account, Connected, pending.WithKept(Account, Connected, Report(("113-1", [Parcel("TBA1", Start)])), Start), Start);

        // Connected again (other marketplaces, maybe another seller): its first report reads the whole window itself.
        var reconnected = Start.AddHours(1);
        var now = Start.AddHours(2);
        var orders = pending.WithKept(Account, reconnected, Report(("113-2", [Parcel("TBA2", now)])), now);

        Assert.Equal("113-2", Assert.Single(orders).OrderId);
        Assert.Equal(0, pending.Keep(Account, reconnected, orders, now));
        Assert.Equal("113-2", Assert.Single(pending.WithKept(Account, reconnected, NoRows, now)).OrderId);
        // The replaced connection's rows were let go, not parked beside the new ones.
        Assert.Empty(pending.WithKept(Account, Connected, NoRows, now));
    }

    private static Dictionary<string, IReadOnlyList<ImportedPackage>> Report(params (string OrderId, ImportedPackage[] Packages)[] rows) =>
        rows.ToDictionary(r => r.OrderId, r => (IReadOnlyList<ImportedPackage>)r.Packages, StringComparer.Ordinal);

    private static ImportedPackage Parcel(string number, DateTimeOffset? shippedAt) => new("amazon", "AMZN_US", number, shippedAt);
}
