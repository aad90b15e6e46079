using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;

namespace LogisticsLink.Server.Tests.Support;

/// <summary>
/// The carriers ResolveInquiry's match lists for a tracking number are the ones it plausibly belongs to, whether the
/// number came in <c>tracking_number</c> or in the message: a carrier whose check digit fails on it is none of them.
/// </summary>
public sealed class GivenNumberCandidatesTests
{
    [Theory]
    // DPD's parcel number with its check character; as 15 digits it is also FedEx's shape, whose check digit fails.
    [InlineData("053088014100584", new[] { "dpd" })]
    [InlineData("01505678901234Q", new[] { "dpd" })]
    [InlineData("1Z999AA10123456784", new[] { "ups" })]
    // Both check digits verify: the layout alone cannot tell, so both stay.
    [InlineData("9261292700768711948021", new[] { "fedex", "usps" })]
    public async Task A_given_number_lists_the_plausible_carriers_the_same_number_in_the_message_lists(string number, string[] plausible)
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });
        var support = server.Support();

        var given = await support.ResolveInquiryAsync(new ResolveInquiryRequest { Channel = "amazon", TrackingNumber = number });
        var quoted = await support.ResolveInquiryAsync(new ResolveInquiryRequest { Channel = "amazon", MessageText = $"Where is my parcel {number}?" });

        var fromField = Assert.Single(given.Matches);
        var fromText = Assert.Single(quoted.Matches);
        Assert.Equal(plausible.Order(), fromField.Candidates.Order());
        Assert.Equal(fromText.Candidates, fromField.Candidates);
    }

    // A UPS number with one digit mistyped: its check fails, so no carrier plausibly issued it (the message's reader
    // does not take it for a number at all). Given, it is still looked up and reported, naming no carrier.
    [Fact]
    public async Task A_given_number_whose_check_digit_fails_lists_no_carrier()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });

        var given = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest { Channel = "amazon", TrackingNumber = "1Z5R89390357567128" });

        var match = Assert.Single(given.Matches);
        Assert.Equal("1Z5R89390357567128", match.Value);
        Assert.Empty(match.Candidates);
    }
}
