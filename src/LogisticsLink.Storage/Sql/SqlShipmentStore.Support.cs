using System.Data.Common;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Support.Evidence;

namespace LogisticsLink.Storage.Sql;

// The support desk's tables: reply_templates, replies_sent, claims; and events read with their payload hashes.
public abstract partial class SqlShipmentStore : ISupportStore
{
    public Task<ReplyTemplateRecord> SaveTemplateAsync(
        string tenantId, string templateId, string language, string channel, string body, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async session =>
        {
            var command = session.Command("""
                INSERT INTO reply_templates (tenant_id, template_id, language, channel, version, body, updated_at)
                SELECT @tenant, @template, @language, @channel, COALESCE(MAX(version), 0) + 1, @body, @updated
                FROM reply_templates WHERE tenant_id = @tenant AND template_id = @template AND language = @language AND channel = @channel
                RETURNING version
                """);
            command.Bind("@tenant", tenantId);
            command.Bind("@template", templateId);
            command.Bind("@language", language);
            command.Bind("@channel", channel);
            command.Bind("@body", body);
            command.Bind("@updated", RowValues.Instant(now));
            var version = Convert.ToInt32(await command.ExecuteScalarAsync(CancellationToken.None), System.Globalization.CultureInfo.InvariantCulture);
            return new ReplyTemplateRecord(templateId, language, channel, version, body, now);
        }, cancellationToken);

    public async Task<ReplyTemplateRecord?> FindTemplateAsync(
        string tenantId, string templateId, string language, string channel, CancellationToken cancellationToken)
    {
        await using var session = await OpenReaderAsync(cancellationToken);
        // The channel's own template first, then the one for every channel; the latest version of it.
        var command = session.Command("""
            SELECT template_id, language, channel, version, body, updated_at FROM reply_templates
            WHERE tenant_id = @tenant AND template_id = @template AND language = @language AND (channel = @channel OR channel = '')
            ORDER BY CASE WHEN channel = '' THEN 1 ELSE 0 END, version DESC
            LIMIT 1
            """);
        command.Bind("@tenant", tenantId);
        command.Bind("@template", templateId);
        command.Bind("@language", language);
        command.Bind("@channel", channel);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ReplyTemplateRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                Convert.ToInt32(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture), reader.GetString(4), RowValues.ReadInstant(reader, 5))
            : null;
    }

    public Task RecordReplyAsync(string tenantId, string channel, string orderId, ReplyRecord reply, CancellationToken cancellationToken) =>
        WriteAsync(async session =>
        {
            if (reply.InquiryReceivedAt is { } received)
            {
                // The same text for the same buyer message is the same reply, recorded already (a retried call). Writes
                // are serialized: nothing can record it between this read and the insert.
                var recorded = session.Command("""
                    SELECT COUNT(*) FROM replies_sent
                    WHERE tenant_id = @tenant AND channel = @channel AND order_id = @order AND inquiry_received_at = @received AND text = @text
                    """);
                recorded.Bind("@tenant", tenantId);
                recorded.Bind("@channel", channel);
                recorded.Bind("@order", orderId);
                recorded.Bind("@received", RowValues.Instant(received));
                recorded.Bind("@text", reply.Text);
                if (Convert.ToInt64(await recorded.ExecuteScalarAsync(CancellationToken.None), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    return 0;
                }
            }
            var command = session.Command("""
                INSERT INTO replies_sent (tenant_id, channel, order_id, template_id, template_version, language, reply_channel, text,
                                          compliant, rendered_at, inquiry_received_at)
                VALUES (@tenant, @channel, @order, @template, @version, @language, @reply_channel, @text, @compliant, @rendered, @received)
                """);
            command.Bind("@tenant", tenantId);
            command.Bind("@channel", channel);
            command.Bind("@order", orderId);
            command.Bind("@template", reply.TemplateId);
            command.Bind("@version", reply.TemplateVersion);
            command.Bind("@language", reply.Language);
            command.Bind("@reply_channel", reply.Channel);
            command.Bind("@text", reply.Text);
            command.Bind("@compliant", reply.Compliant ? 1 : 0);
            command.Bind("@rendered", RowValues.Instant(reply.RenderedAt));
            command.Bind("@received", RowValues.Instant(reply.InquiryReceivedAt));
            return await command.ExecuteNonQueryAsync(CancellationToken.None);
        }, cancellationToken);

    public async Task<IReadOnlyList<ReplyRecord>> ListRepliesAsync(string tenantId, string channel, string orderId, CancellationToken cancellationToken)
    {
        await using var session = await OpenReaderAsync(cancellationToken);
        var command = session.Command("""
            SELECT template_id, template_version, language, reply_channel, text, compliant, rendered_at, inquiry_received_at
            FROM replies_sent WHERE tenant_id = @tenant AND channel = @channel AND order_id = @order ORDER BY pk
            """);
        command.Bind("@tenant", tenantId);
        command.Bind("@channel", channel);
        command.Bind("@order", orderId);
        var replies = new List<ReplyRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            replies.Add(new ReplyRecord(
                reader.GetString(0), Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture),
                reader.GetString(2), reader.GetString(3), reader.GetString(4),
                Convert.ToInt32(reader.GetValue(5), System.Globalization.CultureInfo.InvariantCulture) != 0,
                RowValues.ReadInstant(reader, 6), RowValues.ReadOptionalInstant(reader, 7)));
        }
        return replies;
    }

    public Task<ClaimRecord> SaveClaimAsync(string tenantId, ClaimRecord claim, CancellationToken cancellationToken) =>
        WriteAsync(async session =>
        {
            // Writes are serialized: no other claim of the kind can be stored between this read and the insert.
            var open = session.Command($"""
                SELECT {ClaimColumns} FROM claims
                WHERE tenant_id = @tenant AND channel = @channel AND order_id = @order AND kind = @kind
                ORDER BY opened_at, claim_id LIMIT 1
                """);
            open.Bind("@tenant", tenantId);
            open.Bind("@channel", claim.Channel);
            open.Bind("@order", claim.OrderId);
            open.Bind("@kind", claim.Kind);
            await using (var reader = await open.ExecuteReaderAsync(CancellationToken.None))
            {
                if (await reader.ReadAsync(CancellationToken.None))
                {
                    return ReadClaim(reader);
                }
            }
            var command = session.Command("""
                INSERT INTO claims (claim_id, tenant_id, channel, order_id, kind, opened_at, respond_by, registered_at)
                VALUES (@id, @tenant, @channel, @order, @kind, @opened, @respond, @registered)
                """);
            command.Bind("@id", claim.ClaimId);
            command.Bind("@tenant", tenantId);
            command.Bind("@channel", claim.Channel);
            command.Bind("@order", claim.OrderId);
            command.Bind("@kind", claim.Kind);
            command.Bind("@opened", RowValues.Instant(claim.OpenedAt));
            command.Bind("@respond", RowValues.Instant(claim.RespondBy));
            command.Bind("@registered", RowValues.Instant(claim.RegisteredAt));
            await command.ExecuteNonQueryAsync(CancellationToken.None);
            // Flagging the order (CLAIM_OPEN) is its judgement's work: marked here, the sweep does it if nothing else does.
            await MarkForReviewAsync(session, tenantId, new OrderLink(claim.Channel, claim.OrderId));
            return claim;
        }, cancellationToken);

    private const string ClaimColumns = "claim_id, channel, order_id, kind, opened_at, respond_by, registered_at";

    private static ClaimRecord ReadClaim(DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
            RowValues.ReadInstant(reader, 4), RowValues.ReadInstant(reader, 5), RowValues.ReadInstant(reader, 6));

    public async Task<IReadOnlyList<ClaimRecord>> ListClaimsAsync(string tenantId, string channel, string orderId, CancellationToken cancellationToken)
    {
        await using var session = await OpenReaderAsync(cancellationToken);
        var command = session.Command($"""
            SELECT {ClaimColumns}
            FROM claims WHERE tenant_id = @tenant AND channel = @channel AND order_id = @order ORDER BY opened_at, claim_id
            """);
        command.Bind("@tenant", tenantId);
        command.Bind("@channel", channel);
        command.Bind("@order", orderId);
        var claims = new List<ClaimRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claims.Add(ReadClaim(reader));
        }
        return claims;
    }

    public async Task<IReadOnlyList<EvidenceEvent>> GetEvidenceEventsAsync(string shipmentId, CancellationToken cancellationToken)
    {
        await using var session = await OpenReaderAsync(cancellationToken);
        var command = session.Command($"""
            SELECT occurred_at, status, status_detail, description, raw_code, city, region, postal_code, country_code,
                   source, ingested_at, payload_sha256, dedup_key
            FROM tracking_events WHERE shipment_id = @id ORDER BY occurred_at, ingested_at, dedup_key{BytewiseCollation}
            """);
        command.Bind("@id", shipmentId);
        var events = new List<EvidenceEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new EvidenceEvent(ReadEvent(reader), reader.GetString(11), reader.GetString(12)));
        }
        return events;
    }
}
