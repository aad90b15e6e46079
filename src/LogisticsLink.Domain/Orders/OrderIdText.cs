using LogisticsLink.Domain.Support;

namespace LogisticsLink.Domain.Orders;

/// <summary>
/// An order id or order name read as the one it stands for: trimmed, its characters typed for ASCII read as it
/// (<see cref="AsciiForms"/>), so "٣٠٢-١٢٣٤٥٦٧-٧٦٥٤٣٢١" is "302-1234567-7654321" and "＃１００１" is "#1001". Orders are
/// stored and looked up exactly as this reads them: the API's order ids, a pushed <c>order_name</c> and an imported
/// order's name all come through here, so what one stores another finds, by an id or by a buyer's folded text.
/// </summary>
public static class OrderIdText
{
    public static string Plain(string raw) => AsciiForms.Fold(raw).Trim();
}
