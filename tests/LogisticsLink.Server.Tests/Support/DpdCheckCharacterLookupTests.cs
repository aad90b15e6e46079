using LogisticsLink.Carriers;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;
using Microsoft.Extensions.DependencyInjection;
using static LogisticsLink.Server.Tests.Support.SupportFixtures;

namespace LogisticsLink.Server.Tests.Support;

/// <summary>
/// A DPD parcel is stored under its 14-digit parcel number, while a buyer often copies it with the check character its
/// label prints after it (a digit or a letter), or scans the label's barcode: the parcel is found either way.
/// </summary>
public sealed class DpdCheckCharacterLookupTests
{
    private const string Parcel = "05308801410058";

    [Theory]
    [InlineData("Colis DPD : 0530 8801 4100 58 4, rien depuis lundi", "")]
    [InlineData("Paket 053088014100584 ist weg", "")]
    [InlineData("Where is 01505678901234Q please?", "")]
    [InlineData("", "053088014100584")]
    [InlineData("", "01505678901234Q")]
    // The label's 28-character barcode: ZIP 7, the parcel number, service 3, country 3, check character.
    [InlineData("", "0001234053088014100581012761")]
    public async Task A_dpd_number_quoted_with_its_check_character_finds_the_parcel_stored_under_its_14_digits(string message, string field)
    {
        await using var server = await DpdTestServer.StartAsync();
        var orderId = AmazonId();
        var parcel = message.Contains("0150", StringComparison.Ordinal) || field.StartsWith("0150", StringComparison.Ordinal) ? "01505678901234" : Parcel;
        var order = Order(orderId, FulfillmentChannel.Amazon, DateTimeOffset.UtcNow.AddDays(5), "en-GB");
        order.Shipments.Add(new OrderShipment { Carrier = "dpd", TrackingNumber = parcel });
        await server.Orders().UpsertOrderAsync(order);

        var answer = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest
        {
            Channel = "amazon", MessageText = message, TrackingNumber = field,
        });

        Assert.Equal(orderId, answer.Order?.OrderId);
    }

    // The match says which parcel the number names: the 14 digits it is stored and found under, where it was written.
    [Theory]
    [InlineData("Colis DPD : 0530 8801 4100 58 4, rien depuis lundi", "0530 8801 4100 58 4", Parcel)]
    [InlineData("Paket 053088014100584 ist weg", "053088014100584", Parcel)]
    [InlineData("Where is 01505678901234Q please?", "01505678901234Q", "01505678901234")]
    [InlineData("Barcode 0001234053088014100581012761", "0001234053088014100581012761", Parcel)]
    public async Task The_match_of_a_dpd_number_quoted_with_its_check_character_is_the_14_digits_the_parcel_is_stored_under(
        string message, string written, string parcel)
    {
        await using var server = await DpdTestServer.StartAsync();
        var order = Order(AmazonId(), FulfillmentChannel.Amazon, DateTimeOffset.UtcNow.AddDays(5), "en-GB");
        order.Shipments.Add(new OrderShipment { Carrier = "dpd", TrackingNumber = parcel });
        await server.Orders().UpsertOrderAsync(order);

        var answer = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest { Channel = "amazon", MessageText = message });

        var match = Assert.Single(answer.Matches, m => m.Kind == "tracking_number");
        Assert.Equal((parcel, written), (match.Value, message.Substring(match.Start, match.Length)));
        Assert.Equal(parcel, Assert.Single(answer.Shipments).TrackingNumber);
    }

    [Theory]
    [InlineData("053088014100584", Parcel)]
    [InlineData("01505678901234Q", "01505678901234")]
    public async Task The_match_of_a_dpd_number_given_with_its_check_character_is_the_14_digits_the_parcel_is_stored_under(string field, string parcel)
    {
        await using var server = await DpdTestServer.StartAsync();
        var order = Order(AmazonId(), FulfillmentChannel.Amazon, DateTimeOffset.UtcNow.AddDays(5), "en-GB");
        order.Shipments.Add(new OrderShipment { Carrier = "dpd", TrackingNumber = parcel });
        await server.Orders().UpsertOrderAsync(order);

        var answer = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest { Channel = "amazon", TrackingNumber = field });

        var match = Assert.Single(answer.Matches, m => m.Kind == "tracking_number");
        Assert.Equal((parcel, 0, 0), (match.Value, match.Start, match.Length));
    }

    // A check character that does not verify is no DPD number's: its first 14 digits name nothing.
    [Fact]
    public async Task A_number_whose_last_character_is_not_the_check_character_does_not_find_the_parcel()
    {
        await using var server = await DpdTestServer.StartAsync();
        var order = Order(AmazonId(), FulfillmentChannel.Amazon, DateTimeOffset.UtcNow.AddDays(5), "en-GB");
        order.Shipments.Add(new OrderShipment { Carrier = "dpd", TrackingNumber = Parcel });
        await server.Orders().UpsertOrderAsync(order);

        var answer = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest { Channel = "amazon", TrackingNumber = "05308801410058Q" });

        Assert.Null(answer.Order);
    }
}
