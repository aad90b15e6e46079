using LogisticsLink.Domain.Shipments;
using LogisticsLink.Marketplaces.Amazon;

namespace LogisticsLink.Marketplaces.Tests.Amazon;

/// <summary>FBA parcels from the FBA Amazon Fulfilled Shipments report: request, poll, download, decompress, parse.</summary>
public sealed class AmazonFbaReportTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_report_gives_each_FBA_order_its_Amazon_Logistics_parcel(bool gzip)
    {
        await using var bed = await AmazonTestBed.StartAsync(TimeProvider.System, compressReports: gzip);

        var result = await bed.Client(TimeProvider.System).FetchFbaShipmentsAsync(AmazonTestBed.Account(), DateTimeOffset.UtcNow.AddDays(-3), CancellationToken.None);

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(["026-5550010-0000000", "113-5550009-0000000", "302-5550011-0000000"], result.PackagesByOrderId.Keys.Order(StringComparer.Ordinal));
        // Two items in one parcel: two report rows, one parcel.
        var us = Assert.Single(result.PackagesByOrderId["113-5550009-0000000"]);
        Assert.Equal("TBA301555000901", us.TrackingNumber);
        Assert.Equal("AMZN_US", us.CarrierName);
        Assert.Equal("amazon", us.Carrier);
        Assert.Equal(TrackingStatus.InTransit, us.AmazonStatus);
        Assert.Equal("Shipped by Amazon from fulfillment center LEX1", us.AmazonStatusText);
        Assert.NotNull(us.ShippedAt);
        Assert.Equal(20, us.EstimatedArrival!.Value.Hour);
        Assert.Equal("amazon", Assert.Single(result.PackagesByOrderId["026-5550010-0000000"]).Carrier);
        Assert.Equal(4, bed.Simulator.CallsTo("getReport")); // per region: IN_QUEUE, then DONE
        Assert.Equal(2, bed.Simulator.CallsTo("createReport")); // NA, then EU
    }

    [Fact]
    public async Task A_region_whose_report_fails_does_not_drop_the_other_regions_parcels()
    {
        await using var bed = await AmazonTestBed.StartAsync(TimeProvider.System);
        using var outage = new RegionOutageHandler(bed.Host.BaseUrlOf(bed.Simulator), "sellingpartnerapi-eu.amazon.com");
        using var http = new HttpClient(outage);

        var result = await bed.Client(TimeProvider.System, http: http, regionalHosts: true, maxRetries: 0)
            .FetchFbaShipmentsAsync(AmazonTestBed.Account(), DateTimeOffset.UtcNow.AddDays(-3), CancellationToken.None);

        // EU's failure is reported, and NA's parcels are there all the same.
        Assert.False(result.IsSuccess);
        Assert.Contains("HTTP 503", result.FailureReason);
        Assert.Equal(["113-5550009-0000000"], result.PackagesByOrderId.Keys);
        Assert.Equal(["NA"], result.ReadRegions);
        Assert.Equal(1, outage.Refused);
    }

    [Fact]
    public async Task A_report_Amazon_cancels_for_lack_of_data_is_an_empty_success()
    {
        await using var bed = await AmazonTestBed.StartAsync(TimeProvider.System);

        var result = await bed.Client(TimeProvider.System).FetchFbaShipmentsAsync(AmazonTestBed.Account(marketplaces: ["ATVPDKIKX0DER"]), DateTimeOffset.UtcNow.AddMinutes(-1), CancellationToken.None);

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Empty(result.PackagesByOrderId);
        Assert.Equal(0, bed.Simulator.CallsTo("getReportDocument"));
    }

    [Fact]
    public void The_parser_reads_rows_by_column_name_and_keeps_one_parcel_per_tracking_number()
    {
        // The documented header (JP's extra column in the middle, columns by name), rows like the reference's
        // examples: SMARTPOST from LEX1, YAMATO, Amazon Logistics, an MCF-style S01 id and an item repeated.
        var header = "amazon-order-id\tmerchant-order-id\tshipment-id\tshipment-date\tpoints-granted\tsku\tquantity-shipped\tcarrier\ttracking-number\testimated-arrival-date\tfulfillment-center-id\tfulfillment-channel";
        var tsv = string.Join("\r\n",
            header,
            "102-4381956-0831403\t\tDVNMK1YLx\t2013-10-23T07:00:00+00:00\t\tSKU-A\t1\tSMARTPOST\t9102901001301798807420\t2013-10-31T07:00:00+00:00\tLEX1\tAmazon",
            "102-4381956-0831403\t\tDVNMK1YLx\t2013-10-23T07:00:00+00:00\t\tSKU-B\t1\tSMARTPOST\t9102901001301798807420\t2013-10-31T07:00:00+00:00\tLEX1\tAmazon",
            "503-1111111-2222222\t\tD1\t2019-03-18T15:00:00+09:00\t12\tSKU-J\t1\tYAMATO\t369012345678\t2019-03-20T00:00:00+09:00\tNRT5\tAmazon",
            "S01-3718414-0463502\tshop-1001\tD2\t2019-03-18T15:00:00-07:00\t\tSKU-C\t1\tAmazon Logistics\tTBA123456789000\tnot a date\tSEA8\tAmazon",
            "114-0000000-0000000\t\tD3\t2019-03-18T15:00:00-07:00\t\tSKU-D\t1\t\t\t\t\tAmazon",
            "");

        var packages = AmazonFbaShipmentsReport.Parse(tsv);

        Assert.Equal(3, packages.Count);
        var smartpost = Assert.Single(packages["102-4381956-0831403"]);
        Assert.Equal("fedex", smartpost.Carrier);
        Assert.Equal(new DateTimeOffset(2013, 10, 31, 7, 0, 0, TimeSpan.Zero), smartpost.EstimatedArrival);
        Assert.Equal(new DateTimeOffset(2013, 10, 23, 7, 0, 0, TimeSpan.Zero), smartpost.ShippedAt);
        var yamato = Assert.Single(packages["503-1111111-2222222"]);
        Assert.Equal("", yamato.Carrier); // not one of ours: detection decides
        Assert.Equal("YAMATO", yamato.CarrierName);
        Assert.Equal(new DateTimeOffset(2019, 3, 19, 15, 0, 0, TimeSpan.Zero), yamato.EstimatedArrival);
        var logistics = Assert.Single(packages["S01-3718414-0463502"]);
        Assert.Equal("amazon", logistics.Carrier);
        Assert.Null(logistics.EstimatedArrival);
        Assert.False(packages.ContainsKey("114-0000000-0000000")); // no tracking number yet
    }

    [Fact]
    public void A_report_without_a_tracking_number_column_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => AmazonFbaShipmentsReport.Parse("amazon-order-id\tcarrier\n114-1\tUPS\n"));
        Assert.Equal("the shipments report has no 'tracking-number' column", error.Message);
    }
}
