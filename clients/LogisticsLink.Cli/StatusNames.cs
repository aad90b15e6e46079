using Google.Protobuf.Reflection;
using LogisticsLink.V1;

namespace LogisticsLink.Cli;

/// <summary>
/// Status names as people type and read them: <c>delivered</c>, <c>In_Transit</c>, <c>in-transit</c>,
/// <c>SHIPMENT_STATUS_DELIVERED</c> all parse; output uses the contract name without its prefix (<c>IN_TRANSIT</c>).
/// </summary>
internal static class StatusNames
{
    private const string Prefix = "SHIPMENT_STATUS_";

    private static readonly EnumDescriptor Descriptor =
        ShipmentReflection.Descriptor.EnumTypes.Single(e => e.ClrType == typeof(ShipmentStatus));

    /// <summary>Every name a user may give, without prefix, in contract order (UNSPECIFIED excluded).</summary>
    public static IReadOnlyList<string> All { get; } =
        Descriptor.Values.Where(v => v.Number != 0).Select(v => v.Name[Prefix.Length..]).ToArray();

    public static string Display(ShipmentStatus status) =>
        Descriptor.FindValueByNumber((int)status) is { } value && value.Name.StartsWith(Prefix, StringComparison.Ordinal)
            ? value.Name[Prefix.Length..]
            : ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out ShipmentStatus status)
    {
        var name = text.Trim().Replace('-', '_').ToUpperInvariant();
        if (name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            name = name[Prefix.Length..];
        }

        // UNSPECIFIED is never a meaningful filter (the server rejects it), so it is not a name users can give.
        var value = Descriptor.FindValueByName(Prefix + name);
        if (value is null || value.Number == 0)
        {
            status = ShipmentStatus.Unspecified;
            return false;
        }

        status = (ShipmentStatus)value.Number;
        return true;
    }

    /// <summary>
    /// Parses the values of a repeated status option; each value may also be a comma-separated list. Errors name the
    /// option and list the valid names.
    /// </summary>
    public static IReadOnlyList<ShipmentStatus> ParseOption(string optionName, IEnumerable<string> values)
    {
        var statuses = new List<ShipmentStatus>();
        foreach (var part in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!TryParse(part, out var status))
            {
                throw new UsageException(
                    $"--{optionName}: unknown status '{part}' (one of: {string.Join(", ", All.Select(n => n.ToLowerInvariant()))})");
            }

            if (!statuses.Contains(status))
            {
                statuses.Add(status);
            }
        }

        return statuses;
    }

    /// <summary>Statuses that change only on newer carrier evidence: a watch may stop waiting once it sees one.</summary>
    public static IReadOnlyList<ShipmentStatus> Terminal { get; } =
    [
        ShipmentStatus.Delivered, ShipmentStatus.Returned, ShipmentStatus.Lost, ShipmentStatus.Cancelled,
        ShipmentStatus.Expired,
    ];

    public static bool IsTerminal(ShipmentStatus status) => Terminal.Contains(status);
}
