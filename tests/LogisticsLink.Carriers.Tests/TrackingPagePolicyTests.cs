using LogisticsLink.Carriers.Amazon;
using LogisticsLink.Carriers.Dhl;
using LogisticsLink.Carriers.Dpd;
using LogisticsLink.Carriers.FedEx;
using LogisticsLink.Carriers.LaPoste;
using LogisticsLink.Carriers.RoyalMail;
using LogisticsLink.Carriers.Ups;
using LogisticsLink.Carriers.Usps;
using LogisticsLink.Domain.Support.Policy;

namespace LogisticsLink.Carriers.Tests;

/// <summary>
/// Every reply template prints the shipment's tracking link, and Amazon's messaging policy allows links only to a
/// known carrier's tracking page: each adapter's page must be one the policy knows, or no reply about that carrier
/// could be sent.
/// </summary>
public sealed class TrackingPagePolicyTests
{
    public static TheoryData<string, string> Pages() => new()
    {
        { "ups", UpsTrackResponseParser.TrackingUrl("1Z999AA10123456784") },
        { "fedex", FedExTrackResultMapper.TrackingUrl("123456789012") },
        { "usps", UspsDefaults.TrackingUrl("9400100000000000000000") },
        { "dhl", DhlDefaults.TrackingUrl("00340434161094015902") },
        { "dpd", DpdTrackingParser.TrackingUrl("05212345678901") },
        { "dpd (nl)", DpdTrackingParser.TrackingUrl("05212345678901", "nl") },
        { "laposte", LaPosteDefaults.TrackingUrl("6A12345678901") },
        { "royalmail", RoyalMailDefaults.TrackingUrl("AB123456789GB") },
        { "amazon", AmazonTrackingParser.TrackingUrl("TBA123456789000") },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void A_reply_carrying_the_carriers_tracking_page_passes_the_messaging_policy(string carrier, string url)
    {
        var findings = MessagingPolicy.Check($"You can follow your parcel here: {url}");

        Assert.True(findings.Count == 0, $"{carrier}: {string.Join("; ", findings.Select(f => f.Message))}");
    }
}
