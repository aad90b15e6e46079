using System.Text;

namespace LogisticsLink.Domain.Shipments;

/// <summary>
/// Text as every store keeps it: PostgreSQL refuses a NUL character and text that is not valid Unicode (a lone
/// surrogate, from text cut in the middle of a character upstream), so both become U+FFFD, in every store alike.
/// The domain builds keys with the same rule, so a key computed from a carrier's text equals the key stored for it.
/// </summary>
public static class ValidText
{
    /// <summary><paramref name="value"/> itself when it is valid, else a copy with each bad character replaced.</summary>
    public static string Repair(string value) =>
        value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0 && !value.Contains('\0')
            ? value
            : Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value.Replace('\0', '\uFFFD')));
}
