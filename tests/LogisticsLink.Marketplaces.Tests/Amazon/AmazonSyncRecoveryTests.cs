using LogisticsLink.Domain.Orders;
using LogisticsLink.Marketplaces.Amazon;
using LogisticsLink.Sandbox.Marketplaces.Amazon;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Marketplaces.Tests.Amazon;

/// <summary>
/// A sync that must not stall: a paging token that outlived Amazon's 24 h (or that Amazon refuses for any reason), or a
/// server clock that runs a little ahead of Amazon's, would otherwise earn the same 400 every round until the seller
/// reconnects.
/// </summary>
public sealed class AmazonSyncRecoveryTests
{
    private static readonly DateTimeOffset From = AmazonTestBed.Start.AddDays(-7);

    /// <summary>The US marketplace alone: one region (NA), 7 demo orders, 3 pages of 3.</summary>
    private static readonly MarketplaceAccount UsAccount = AmazonTestBed.Account(marketplaces: [AmazonDemoCatalogue.Us]);

    private static async Task<List<ImportedOrder>> RestOfRoundAsync(AmazonMarketplaceClient client, string cursor)
    {
        var orders = new List<ImportedOrder>();
        for (var pages = 0; pages < 20; pages++)
        {
            var page = await client.FetchChangedOrdersAsync(UsAccount, cursor, From, CancellationToken.None);
            Assert.True(page.IsSuccess, page.FailureReason);
            orders.AddRange(page.Orders);
            cursor = page.NextCursor;
            if (!page.HasMore)
            {
                return orders;
            }
        }
        throw new Xunit.Sdk.XunitException("the round never ended");
    }

    private static HashSet<string> UsOrderIds(AmazonTestBed bed) =>
        bed.Simulator.Catalogue.Orders.Where(o => o.MarketplaceId == AmazonDemoCatalogue.Us).Select(o => o.OrderId).ToHashSet();

    [Fact]
    public async Task A_paging_token_past_its_lifetime_is_not_sent_and_the_window_is_read_again_from_its_start()
    {
        await using var bed = await AmazonTestBed.StartAsync();
        var client = bed.Client(pageSize: 3);
        var first = await client.FetchChangedOrdersAsync(UsAccount, "", From, CancellationToken.None);
        Assert.True(first.HasMore);

        // The server was down for a day: the token in the saved cursor is older than Amazon's 24 h.
        bed.FakeClock.Advance(TimeSpan.FromHours(25));
        var rest = await RestOfRoundAsync(client, first.NextCursor);

        Assert.Equal(UsOrderIds(bed), rest.Select(o => o.OrderId).ToHashSet());
        // One first page, then the three pages of the window again: the stale token was never sent.
        Assert.Equal(4, bed.Simulator.CallsTo("searchOrders"));
    }

    [Fact]
    public async Task A_400_for_a_request_carrying_a_paging_token_is_retried_once_without_it()
    {
        // Amazon refuses this token sooner than we expect (its clock, or a token it no longer knows).
        await using var bed = await AmazonTestBed.StartAsync(paginationTokenLifetime: TimeSpan.FromHours(1));
        var client = bed.Client(pageSize: 3);
        var first = await client.FetchChangedOrdersAsync(UsAccount, "", From, CancellationToken.None);
        Assert.True(first.HasMore);

        bed.FakeClock.Advance(TimeSpan.FromHours(2));
        var rest = await RestOfRoundAsync(client, first.NextCursor);

        Assert.Equal(UsOrderIds(bed), rest.Select(o => o.OrderId).ToHashSet());
        // First page, the refused one, then the window's three pages again.
        Assert.Equal(5, bed.Simulator.CallsTo("searchOrders"));
    }

    [Fact]
    public async Task A_400_without_a_paging_token_is_still_a_permanent_failure_asked_once()
    {
        // Amazon's clock ten minutes behind ours: the window's end is too late for it, and no retry changes that.
        await using var bed = await AmazonTestBed.StartAsync(new FakeTimeProvider(AmazonTestBed.Start.AddMinutes(-10)));
        var client = bed.Client(new FakeTimeProvider(AmazonTestBed.Start), pageSize: 3);

        var page = await client.FetchChangedOrdersAsync(UsAccount, "", From, CancellationToken.None);

        Assert.False(page.IsSuccess);
        Assert.False(page.Transient);
        Assert.Contains("searchOrders HTTP 400", page.FailureReason);
        Assert.Equal(1, bed.Simulator.CallsTo("searchOrders"));
    }

    [Fact]
    public async Task A_server_clock_one_second_ahead_of_Amazons_still_syncs()
    {
        var amazonClock = new FakeTimeProvider(AmazonTestBed.Start.AddSeconds(-1));
        await using var bed = await AmazonTestBed.StartAsync(amazonClock);
        var ours = new FakeTimeProvider(AmazonTestBed.Start);

        var page = await bed.Client(ours).FetchChangedOrdersAsync(UsAccount, "", From, CancellationToken.None);

        Assert.True(page.IsSuccess, page.FailureReason);
        Assert.NotEmpty(page.Orders);
    }
}
