using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Support.Templates;

namespace LogisticsLink.Server.Api;

/// <summary>Validation of SupportService requests. Nothing is written before these pass.</summary>
public static partial class SupportRequests
{
    public const int MaxMessageLength = 20_000;
    public const int MaxTemplateLength = 10_000;
    public static readonly TimeSpan MaxDeadline = TimeSpan.FromSeconds(60);
    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    /// <summary>
    /// A sales channel, spelled like an order's (OrderService takes any such slug), so every stored order can get its
    /// replies, evidence and claims; "amazon" is the one whose messaging policy is checked.
    /// </summary>
    public static string Channel(Violations violations, string field, string raw, bool required = false)
    {
        var channel = raw.Trim().ToLowerInvariant();
        if (channel.Length == 0)
        {
            if (required)
            {
                violations.Add(field, "is required");
            }
        }
        else if (!OrderRequests.IsChannel(channel))
        {
            violations.Add(field, $"'{raw}' is not a channel: 1 to 32 letters, digits, '_' or '-' (e.g. amazon, shopify, ebay, manual)");
        }
        return channel;
    }

    /// <summary>
    /// A <c>shipment_id</c> given with an order must be one of that order's parcels: an answer about one order must not
    /// be built from another's parcel, or a caller who mistyped either id gets a valid answer about the wrong buyer.
    /// Without <paramref name="orderId"/> there is nothing to compare.
    /// </summary>
    public static void CheckShipmentOfOrder(string shipmentId, OrderLink link, string channel, string orderId)
    {
        if (orderId.Length > 0 && (link.Channel != channel || link.OrderId != orderId))
        {
            throw Violations.Single("shipment_id", link.IsNone
                ? $"shipment '{shipmentId}' is not linked to any order, not to {channel} order '{orderId}'"
                : $"shipment '{shipmentId}' belongs to {link.Channel} order '{link.OrderId}', not to {channel} order '{orderId}'");
        }
    }

    /// <summary>
    /// A <c>channel</c> given with a <c>shipment_id</c> is the parcel's order's marketplace and picks the reply's template
    /// and policy: one that contradicts it would answer an Amazon buyer from another channel's template, unchecked.
    /// A parcel linked to no order has nothing to compare.
    /// </summary>
    public static void CheckChannelOfShipment(string shipmentId, OrderLink link, string channel)
    {
        if (channel.Length > 0 && !link.IsNone && link.Channel != channel)
        {
            throw Violations.Single("channel",
                $"'{channel}' is not the channel of shipment '{shipmentId}': it belongs to {link.Channel} order '{link.OrderId}'");
        }
    }

    public static TimeSpan? Deadline(Violations violations, Duration? value)
    {
        var deadline = RequestTimes.Span(violations, "deadline", value);
        if (deadline is { } d && (d <= TimeSpan.Zero || d > MaxDeadline))
        {
            violations.Add("deadline", $"must be more than 0 and at most {MaxDeadline.TotalSeconds:0} seconds");
            return null;
        }
        return deadline;
    }

    public static string? TimeZone(Violations violations, string field, string raw)
    {
        var zone = raw.Trim();
        if (zone.Length > 0 && ReplyLocale.FindZone(zone) is null)
        {
            violations.Add(field, $"'{raw}' is not an IANA time zone (e.g. Europe/Paris)");
            return null;
        }
        return zone.Length == 0 ? null : zone;
    }

    public static void Language(Violations violations, string field, string raw, bool required = false)
    {
        if (raw.Trim().Length == 0)
        {
            if (required)
            {
                violations.Add(field, $"is required (one of {string.Join(", ", ReplyLocale.Languages)})");
            }
        }
        else if (!ReplyLocale.IsSupported(raw))
        {
            violations.Add(field, $"'{raw}' is not a supported language (one of {string.Join(", ", ReplyLocale.Languages)}, BCP 47 such as fr-FR)");
        }
    }

    public static string Identifier(Violations violations, string field, string raw, bool required)
    {
        var value = raw.Trim();
        if (value.Length == 0)
        {
            if (required)
            {
                violations.Add(field, "is required");
            }
        }
        else if (!Identifier().IsMatch(value))
        {
            violations.Add(field, "must be 1 to 64 letters, digits, '_' or '-'");
        }
        return value;
    }
}
