using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using LogisticsLink.V1;

namespace LogisticsLink.Cli.Output;

/// <summary>
/// Everything the CLI prints on stdout: aligned text for people, or with <c>--json</c> one protobuf-JSON object per
/// line (the contract's own JSON mapping, so scripts can parse it with any JSON tool).
/// </summary>
internal sealed class ShipmentOutput(TextWriter writer, bool json)
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    public bool Json => json;

    public TextWriter Writer => writer;

    public void WriteJson(IMessage message) => writer.WriteLine(JsonFormatter.Default.Format(message));

    /// <summary>One shipment: its header and, when it has any, its event timeline (newest first).</summary>
    public void WriteShipment(Shipment shipment)
    {
        if (json)
        {
            WriteJson(shipment);
            return;
        }

        var header = new TextTable();
        header.Add("Shipment", shipment.Id);
        header.Add("Carrier", shipment.Carrier);
        header.Add("Tracking number", shipment.TrackingNumber);
        header.Add("Status", StatusWithDetail(shipment) + (shipment.Stale ? "  (stale: last refresh failed)" : ""));
        AddIfSet(header, "Description", shipment.StatusDescription);
        AddIfSet(header, "Estimated delivery", Time(shipment.EstimatedDelivery, ""));
        AddIfSet(header, "Delivered at", Time(shipment.DeliveredAt, ""));
        AddIfSet(header, "Last event", Time(shipment.LastEventAt, ""));
        AddIfSet(header, "Last checked", Time(shipment.LastCheckedAt, ""));
        if (shipment.Order is { } order && (order.Channel.Length > 0 || order.OrderId.Length > 0))
        {
            header.Add("Order", $"{order.Channel} {order.OrderId}".Trim());
        }

        AddIfSet(header, "Labels", string.Join(", ", shipment.Labels.OrderBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => $"{l.Key}={l.Value}")));
        AddIfSet(header, "Tracking URL", shipment.TrackingUrl);
        header.Add("Version", shipment.Version.ToString(CultureInfo.InvariantCulture));
        AddIfSet(header, "Created", Time(shipment.CreatedAt, ""));
        AddIfSet(header, "Updated", Time(shipment.UpdatedAt, ""));
        header.Write(writer);

        if (shipment.Events.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        var events = new TextTable("OCCURRED (UTC)", "STATUS", "DETAIL", "LOCATION", "DESCRIPTION");
        foreach (var e in shipment.Events)
        {
            events.Add(Time(e.OccurredAt), StatusNames.Display(e.Status), e.StatusDetail, Location(e.Location), e.Description);
        }

        events.Write(writer);
    }

    /// <summary>A list page: JSON lines are written at once; text rows go to <paramref name="table"/>.</summary>
    public void AddShipments(IEnumerable<Shipment> shipments, TextTable table)
    {
        foreach (var s in shipments)
        {
            if (json)
            {
                WriteJson(s);
                continue;
            }

            table.Add(s.Id, s.Carrier, s.TrackingNumber, StatusNames.Display(s.Status) + (s.Stale ? " (stale)" : ""),
                s.StatusDetail, Time(s.UpdatedAt), Order(s.Order));
        }
    }

    public static TextTable NewShipmentTable() =>
        new("ID", "CARRIER", "TRACKING NUMBER", "STATUS", "DETAIL", "UPDATED (UTC)", "ORDER");

    /// <summary>Column titles for <see cref="WriteUpdate"/>'s text lines.</summary>
    public void WriteUpdateHeader()
    {
        if (!json)
        {
            writer.WriteLine(UpdateLine("SEQUENCE", "TIME (UTC)", "KIND", "CARRIER", "TRACKING NUMBER", "STATUS", "DETAIL"));
        }
    }

    /// <summary>One watch update on one line.</summary>
    public void WriteUpdate(ShipmentUpdate update)
    {
        if (json)
        {
            WriteJson(update);
            return;
        }

        if (update.UpdateCase == ShipmentUpdate.UpdateOneofCase.Heartbeat)
        {
            var beat = update.Heartbeat;
            // The whole position, in the form `watch` takes it back: the time lets the server verify the sequence. An
            // empty log's position is 0 with no time, and `--from-sequence 0` resumes from it.
            var position = beat.LatestCommittedAt is { } committedAt
                ? $" (--from-sequence {beat.LatestSequence} --from-committed-at {JsonFormatter.Default.Format(committedAt).Trim('"')})"
                : $" (--from-sequence {beat.LatestSequence})";
            writer.WriteLine(UpdateLine("-", Time(beat.ServerTime), "heartbeat", "", "", "",
                $"latest sequence {beat.LatestSequence}{position}"));
            return;
        }

        var change = update.Change;
        var shipment = change.Shipment ?? new Shipment();
        var status = StatusNames.Display(shipment.Status);
        if (change.PreviousStatus != ShipmentStatus.Unspecified && change.PreviousStatus != shipment.Status)
        {
            status = $"{StatusNames.Display(change.PreviousStatus)} -> {status}";
        }

        var detail = string.Join(" - ", new[] { shipment.StatusDetail, shipment.StatusDescription }.Where(t => t.Length > 0));
        writer.WriteLine(UpdateLine(update.Sequence.ToString(CultureInfo.InvariantCulture), Time(change.CommittedAt),
            KindName(change.Kind), shipment.Carrier, shipment.TrackingNumber, status, detail));
    }

    private static string UpdateLine(
        string sequence, string time, string kind, string carrier, string number, string status, string detail) =>
        $"{sequence,8}  {time,-19}  {kind,-9}  {carrier,-9}  {number,-22}  {status,-34}  {detail}".TrimEnd();

    private static string KindName(ChangeKind kind) => kind switch
    {
        ChangeKind.Created => "created",
        ChangeKind.StatusChanged => "status",
        ChangeKind.EventsAdded => "events",
        ChangeKind.EtaChanged => "eta",
        ChangeKind.StaleChanged => "stale",
        ChangeKind.DetailsChanged => "details",
        ChangeKind.Snapshot => "snapshot",
        _ => "change",
    };

    private static string StatusWithDetail(Shipment s) =>
        s.StatusDetail.Length > 0 ? $"{StatusNames.Display(s.Status)} ({s.StatusDetail})" : StatusNames.Display(s.Status);

    private static string Order(OrderReference? order) =>
        order is null ? "" : $"{order.Channel} {order.OrderId}".Trim();

    private static string Location(Location? location) =>
        location is null
            ? ""
            : string.Join(", ", new[] { location.City, location.Region, location.PostalCode, location.CountryCode }
                .Where(p => p.Length > 0));

    private static string Time(Timestamp? timestamp, string missing = "-") =>
        timestamp is null ? missing : timestamp.ToDateTime().ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static void AddIfSet(TextTable table, string name, string value)
    {
        if (value.Length > 0)
        {
            table.Add(name, value);
        }
    }
}
