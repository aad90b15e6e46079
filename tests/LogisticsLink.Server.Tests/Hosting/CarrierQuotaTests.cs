using LogisticsLink.Carriers.Http;
using LogisticsLink.Server.Hosting;

namespace LogisticsLink.Server.Tests.Hosting;

public sealed class CarrierQuotaTests
{
    private static readonly TimeSpan DefaultWindow = new CarrierOptions().RateLimitWindow;
    private static readonly (int, TimeSpan) UspsPublished = (60, TimeSpan.FromHours(1));

    [Fact]
    public void Nothing_configured_is_the_published_quota_and_no_quota_at_all_is_none()
    {
        Assert.Equal(new CarrierQuota(60, TimeSpan.FromHours(1)), CarrierQuota.Of(0, null, UspsPublished, DefaultWindow));
        Assert.Null(CarrierQuota.Of(0, null, null, DefaultWindow));
    }

    [Fact]
    public void A_configured_key_wins_alone_and_the_published_quota_fills_in_the_other()
    {
        // 60 for USPS is 60 an hour, its window, not 60 every 10 s.
        Assert.Equal(new CarrierQuota(30, TimeSpan.FromHours(1)), CarrierQuota.Of(30, null, UspsPublished, DefaultWindow));
        Assert.Equal(new CarrierQuota(60, TimeSpan.FromMinutes(30)), CarrierQuota.Of(0, TimeSpan.FromMinutes(30), UspsPublished, DefaultWindow));
        Assert.Equal(new CarrierQuota(5, TimeSpan.FromSeconds(2)), CarrierQuota.Of(5, TimeSpan.FromSeconds(2), UspsPublished, DefaultWindow));
        Assert.Equal(new CarrierQuota(5, DefaultWindow), CarrierQuota.Of(5, null, null, DefaultWindow));
    }

    [Fact]
    public void Nodes_share_the_quota_and_one_smaller_than_the_cluster_is_spread_over_a_longer_window()
    {
        Assert.Equal(new CarrierQuota(20, TimeSpan.FromHours(1)), new CarrierQuota(60, TimeSpan.FromHours(1)).ShareOf(3));
        // DHL's 1 call per 5 s on two nodes: 1 per 10 s each, never 2 per 5 s together.
        Assert.Equal(new CarrierQuota(1, TimeSpan.FromSeconds(10)), new CarrierQuota(1, TimeSpan.FromSeconds(5)).ShareOf(2));
        Assert.Equal(new CarrierQuota(1, TimeSpan.FromSeconds(20)), new CarrierQuota(3, TimeSpan.FromSeconds(15)).ShareOf(4));
    }

    [Theory]
    [InlineData("FedEx", 100_000)] // carriers.md l.170: PCPP default for Track, 100K requests/day
    [InlineData("Dhl", 250)]       // carriers.md l.238: the starter plan's 250 calls per day
    [InlineData("Ups", null)]      // l.108: not published
    [InlineData("Usps", null)]     // l.211: an hourly quota only
    [InlineData("RoyalMail", null)] // l.280: no numeric limit
    [InlineData("LaPoste", null)]  // l.302: 10 calls a second, no daily figure
    [InlineData("Dpd", null)]      // l.254: none documented
    [InlineData("Amazon", null)]   // l.310: 80 rps, burst 100, no daily figure
    public void A_carriers_published_daily_quota_is_its_default_daily_budget(string carrier, int? published)
    {
        Assert.Equal(published, CarrierRegistration.PublishedDailyQuota(carrier));
        Assert.Equal(published ?? 0, CarrierQuota.DailyShare(null, CarrierRegistration.PublishedDailyQuota(carrier), 1));
    }

    [Fact]
    public void Values_a_carriers_pipeline_cannot_run_with_are_refused_naming_the_key()
    {
        var bad = new CarrierOptions
        {
            AttemptTimeout = TimeSpan.Zero, MaxRetries = -1, RateLimitPermits = -5, RateLimitWindow = TimeSpan.Zero,
            CircuitFailureRatio = 1.5, CircuitBreakDuration = TimeSpan.FromMilliseconds(100),
        };

        var errors = CarrierOptionsCheck.Errors(bad, "Carriers:Dhl").ToList();

        Assert.Equal(6, errors.Count);
        Assert.All(errors, e => Assert.StartsWith("Carriers:Dhl:", e));
        Assert.Contains("Carriers:Dhl:MaxRetries must be between 0 and 10 (got -1).", errors);
        Assert.Empty(CarrierOptionsCheck.Errors(new CarrierOptions(), "Carriers:Dhl"));
    }

    [Fact]
    public void The_daily_quota_is_the_configured_one_else_the_published_one_shared_among_nodes()
    {
        Assert.Equal(250, CarrierQuota.DailyShare(null, 250, 1)); // DHL's starter plan, carriers.md l.238
        Assert.Equal(125, CarrierQuota.DailyShare(null, 250, 2));
        Assert.Equal(1000, CarrierQuota.DailyShare(1000, 250, 1));
        Assert.Equal(0, CarrierQuota.DailyShare(0, 250, 1));    // 0: no daily cap
        Assert.Equal(0, CarrierQuota.DailyShare(null, null, 1)); // a carrier without one (or a simulated one)
        Assert.Equal(1, CarrierQuota.DailyShare(2, null, 3));    // a cap stays a cap on every node
    }

    [Fact]
    public void A_negative_daily_quota_is_refused_naming_the_key()
    {
        var errors = CarrierOptionsCheck.Errors(new CarrierOptions { DailyQuota = -1 }, "Carriers:Dhl").ToList();

        Assert.Equal(["Carriers:Dhl:DailyQuota must be 0 (no daily cap) or more (got -1)."], errors);
        Assert.Empty(CarrierOptionsCheck.Errors(new CarrierOptions { DailyQuota = 0 }, "Carriers:Dhl"));
    }
}
