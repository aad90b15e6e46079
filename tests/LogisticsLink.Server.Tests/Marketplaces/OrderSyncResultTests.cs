using LogisticsLink.Server.Marketplaces;

namespace LogisticsLink.Server.Tests.Marketplaces;

/// <summary>A notification answered from several accounts' results: a retry is never hidden by another account's "no".</summary>
public sealed class OrderSyncResultTests
{
    private static readonly OrderSyncResult ForNow = OrderSyncResult.Failed("HTTP 503", transient: true);
    private static readonly OrderSyncResult ForGood = OrderSyncResult.Failed("order not found", transient: false);

    [Fact]
    public void A_transient_failure_on_one_account_outweighs_a_permanent_one_on_another_in_either_order()
    {
        Assert.Same(ForNow, ForNow.OrWorse(ForGood));
        Assert.Same(ForNow, ForGood.OrWorse(ForNow));
        Assert.Same(ForGood, OrderSyncResult.NotConnected.OrWorse(ForGood));
        Assert.Same(ForNow, OrderSyncResult.NotConnected.OrWorse(ForNow));
    }
}
