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

    [Fact]
    public async Task A_region_that_keeps_failing_does_not_stop_the_other_regions()
    {
        await using var bed = await AmazonTestBed.StartAsync();
        using var outage = new RegionOutageHandler(bed.Host.BaseUrlOf(bed.Simulator), "sellingpartnerapi-eu.amazon.com");
        using var http = new HttpClient(outage);
        var client = bed.Client(http: http, regionalHosts: true, maxRetries: 0);
        var account = AmazonTestBed.Account(marketplaces: [AmazonDemoCatalogue.Us, AmazonDemoCatalogue.Uk]);

        var (_, firstFailures, cursor) = await SyncRoundAsync(client, account, "");
        Assert.Contains(firstFailures, f => f.Contains("HTTP 503", StringComparison.Ordinal));

        // EU stays down; a US order changes after the first round.
        bed.FakeClock.Advance(TimeSpan.FromMinutes(30));
        var changed = bed.Simulator.Catalogue.Orders.First(o => o.MarketplaceId == AmazonDemoCatalogue.Us) with
        {
            OrderId = "113-5550099-0000001",
            LastUpdatedAt = bed.FakeClock.GetUtcNow().AddMinutes(-10),
        };
        bed.Simulator.Catalogue.Upsert(changed);
        var (second, secondFailures, afterSecond) = await SyncRoundAsync(client, account, cursor);

        Assert.Contains(second, o => o.OrderId == changed.OrderId);
        Assert.Contains(secondFailures, f => f.Contains("HTTP 503", StringComparison.Ordinal));

        // EU answers again: it reads the window it could not, so the UK orders of before the outage still arrive.
        outage.Down = false;
        var (third, thirdFailures, _) = await SyncRoundAsync(client, account, afterSecond);

        Assert.Empty(thirdFailures);
        Assert.Contains(third, o => o.OrderId == "026-5550002-0000024");
    }

    [Fact]
    public async Task A_cursor_stored_before_regions_could_be_set_aside_goes_on_from_where_it_was()
    {
        await using var bed = await AmazonTestBed.StartAsync();
        var windowEnd = AmazonTestBed.Start.AddMinutes(-3);
        // As stored in sync_cursor by the previous version: the NA window read to its end, no "f" field.
        var json = "{\"r\":{\"NA\":{\"a\":\"" + From.ToString("O") + "\",\"b\":\"" + windowEnd.ToString("O") +
            "\",\"v\":\"2026-01-01\",\"p\":null,\"t\":null,\"d\":true}}}";
        var stored = "amz1." + System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(json));
        bed.FakeClock.Advance(TimeSpan.FromMinutes(30));

        var page = await bed.Client().FetchChangedOrdersAsync(UsAccount, stored, From, CancellationToken.None);

        // Read as a cursor, not started again from the beginning: the next window begins where the stored one ended.
        Assert.True(page.IsSuccess, page.FailureReason);
        Assert.Empty(page.Orders);
        Assert.Equal(windowEnd, AmazonSyncCursor.Decode(page.NextCursor)!.Regions["NA"].After);
    }

    /// <summary>
    /// One sync round as MarketplaceSync runs it: pages until there are no more, keeping the cursor of every page that
    /// brings one (a failure page may: the part of the account that failed keeps its place, the rest moves on).
    /// </summary>
    private static async Task<(List<ImportedOrder> Orders, List<string> Failures, string Cursor)> SyncRoundAsync(
        AmazonMarketplaceClient client, MarketplaceAccount account, string cursor)
    {
        var orders = new List<ImportedOrder>();
        var failures = new List<string>();
        for (var pages = 0; pages < 10; pages++)
        {
            var page = await client.FetchChangedOrdersAsync(account, cursor, From, CancellationToken.None);
            orders.AddRange(page.Orders);
            if (!page.IsSuccess)
            {
                failures.Add(page.FailureReason!);
            }
            if (page.NextCursor.Length > 0)
            {
                cursor = page.NextCursor;
            }
            if (!page.HasMore)
            {
                return (orders, failures, cursor);
            }
        }
        throw new Xunit.Sdk.XunitException("the round never ended");
    }
}
