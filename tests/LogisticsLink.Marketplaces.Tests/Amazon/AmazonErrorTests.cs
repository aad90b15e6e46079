using LogisticsLink.Marketplaces.Amazon;
using LogisticsLink.Sandbox.Marketplaces.Amazon;

namespace LogisticsLink.Marketplaces.Tests.Amazon;

/// <summary>SP-API error bodies become clear failure reasons; what cannot work is said before calling anyone.</summary>
public sealed class AmazonErrorTests
{
    [Fact]
    public async Task An_unknown_order_is_a_permanent_failure_with_Amazons_error_and_request_id()
    {
        await using var bed = await AmazonTestBed.StartAsync();
        var page = await bed.Client().FetchOrderAsync(AmazonTestBed.Account(marketplaces: [AmazonDemoCatalogue.Us]), "111-0000000-0000000", CancellationToken.None);

        Assert.False(page.IsSuccess);
        Assert.False(page.Transient);
        Assert.Equal("amazon: getOrder: order 111-0000000-0000000 not found (NA)", page.FailureReason);
        // v2026 did not know it, so v0 was asked too; neither knowing it is not a reason to leave v2026.
        Assert.Equal(1, bed.Simulator.CallsTo("getOrderV0"));
        Assert.True((await bed.Client().FetchOrderAsync(AmazonTestBed.Account(), "113-5550001-0000010", CancellationToken.None)).IsSuccess);
        Assert.Equal(2, bed.Simulator.CallsTo("getOrder"));
    }

    [Fact]
    public async Task A_403_about_a_missing_role_is_surfaced_with_its_details_and_not_retried()
    {
        await using var bed = await AmazonTestBed.StartAsync(TimeProvider.System);
        bed.Simulator.RefuseReports = true;

        var result = await bed.Client(TimeProvider.System).FetchFbaShipmentsAsync(AmazonTestBed.Account(), DateTimeOffset.UtcNow.AddDays(-3), CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.False(result.Transient);
        Assert.StartsWith(
            "amazon: createReport HTTP 403 Unauthorized: Access to requested resource is denied. (The application lacks the role needed for this report type.) [x-amzn-RequestId ",
            result.FailureReason);
        Assert.Equal(1, bed.Simulator.Faults.TokenCalls);
        // Once per region (NA, EU), never retried: one region's refusal does not keep the other from being asked.
        Assert.Equal(2, bed.Simulator.CallsTo("createReport"));
    }

    [Fact]
    public async Task An_unknown_marketplace_id_is_named()
    {
        await using var bed = await AmazonTestBed.StartAsync();

        var page = await bed.Client().FetchChangedOrdersAsync(AmazonTestBed.Account(marketplaces: ["ATVPDKIKX0DER", "XX-NOT-A-MARKETPLACE"]), "", AmazonTestBed.Start, CancellationToken.None);

        Assert.Equal("amazon: unknown marketplace id 'XX-NOT-A-MARKETPLACE'", page.FailureReason);
        Assert.False(page.Transient);
    }

    [Fact]
    public void Error_lists_render_code_message_and_details()
    {
        const string body = """{"errors":[{"code":"InvalidInput","message":"Invalid Input","details":"lastUpdatedBefore is too late"},{"code":"QuotaExceeded","message":"You exceeded your quota for the requested resource."}]}""";

        Assert.Equal("InvalidInput: Invalid Input (lastUpdatedBefore is too late); QuotaExceeded: You exceeded your quota for the requested resource.",
            AmazonErrors.Describe(body));
        Assert.Equal("", AmazonErrors.Describe("<html>Bad gateway</html>"));
    }

    [Theory]
    [InlineData("""{"errors":[{"code":"Unauthorized","message":"Access to requested resource is denied.","details":"The access token you provided is revoked, malformed or invalid."}]}""", true)]
    [InlineData("""{"errors":[{"code":"Unauthorized","message":"Access to requested resource is denied.","details":"Access token is missing in the request header."}]}""", true)]
    [InlineData("""{"errors":[{"code":"Unauthorized","message":"Access to requested resource is denied.","details":""}]}""", false)]
    [InlineData("""{"errors":[{"code":"InvalidInput","message":"Bad token value in paginationToken"}]}""", false)]
    public void Only_403s_about_the_access_token_earn_a_new_token(string body, bool tokenRefusal) =>
        Assert.Equal(tokenRefusal, AmazonErrors.IsTokenRefusal(body));

    [Fact]
    public void Marketplaces_map_to_their_regional_endpoints()
    {
        Assert.Equal(AmazonMarketplaces.NorthAmerica, AmazonMarketplaces.Find("A2Q3Y263D00KWC")!.Region);
        Assert.Equal(AmazonMarketplaces.Europe, AmazonMarketplaces.Find("A21TJRUUN4KGV")!.Region);
        Assert.Equal(AmazonMarketplaces.FarEast, AmazonMarketplaces.Find("A1VC38T7YXB528")!.Region);
        Assert.Equal(new Uri("https://sellingpartnerapi-eu.amazon.com"), AmazonMarketplaces.EndpointOf(AmazonMarketplaces.Europe));
        Assert.Equal(new Uri("https://sellingpartnerapi-fe.amazon.com"), AmazonMarketplaces.EndpointOf(AmazonMarketplaces.FarEast));
        Assert.Null(AmazonMarketplaces.Find("A1234"));
    }
}
