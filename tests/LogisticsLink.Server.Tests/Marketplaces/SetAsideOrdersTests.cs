using LogisticsLink.Domain.Orders;
using LogisticsLink.Server.Marketplaces;

namespace LogisticsLink.Server.Tests.Marketplaces;

public sealed class SetAsideOrdersTests
{
    [Fact]
    public void An_order_set_aside_is_named_until_it_is_imported_and_only_for_its_account()
    {
        var setAside = new SetAsideOrders();
        setAside.Add("shop-a", new UnreadableOrder("5002", "'createdAt' is not a date-time"));
        setAside.Add("shop-a", new UnreadableOrder("5002", "'updatedAt' is not a date-time"));
        setAside.Add("shop-a", new UnreadableOrder("", "'id' is missing"));

        Assert.Equal(["5002: 'updatedAt' is not a date-time", ": 'id' is missing"], setAside.Of("shop-a").Select(o => $"{o.OrderId}: {o.Reason}"));
        Assert.Empty(setAside.Of("shop-b"));

        setAside.Imported("shop-a", "5002");

        Assert.Equal([""], setAside.Of("shop-a").Select(o => o.OrderId));
    }

    [Fact]
    public void Adding_an_order_already_set_aside_for_the_same_reason_is_no_news()
    {
        var setAside = new SetAsideOrders();

        Assert.True(setAside.Add("amazon-a", new UnreadableOrder("MCF-2", "'statusUpdatedDate' is not a date: 'yesterday'")));
        Assert.False(setAside.Add("amazon-a", new UnreadableOrder("MCF-2", "'statusUpdatedDate' is not a date: 'yesterday'")));
        Assert.True(setAside.Add("amazon-a", new UnreadableOrder("MCF-2", "'receivedDate' is not a date: 'soon'")));
        Assert.True(setAside.Add("amazon-b", new UnreadableOrder("MCF-2", "'receivedDate' is not a date: 'soon'")));
        setAside.Imported("amazon-a", "MCF-2");
        Assert.True(setAside.Add("amazon-a", new UnreadableOrder("MCF-2", "'receivedDate' is not a date: 'soon'")));
    }
}
