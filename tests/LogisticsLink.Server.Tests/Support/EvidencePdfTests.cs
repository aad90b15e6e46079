using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using LogisticsLink.Server.Support.Pdf;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using static LogisticsLink.Server.Tests.Support.SupportFixtures;

namespace LogisticsLink.Server.Tests.Support;

/// <summary>Evidence packs as PDF: over gRPC (HttpBody) and as a plain HTTP download; read back with PDFsharp.</summary>
public sealed class EvidencePdfTests
{
    [Fact]
    public async Task The_pdf_of_an_order_comes_over_grpc_and_as_an_http_download()
    {
        await using var server = await TestServer.StartAsync();
        var orderId = AmazonId();
        var number = Numbers.Sandbox(0);
        var order = await server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "fr-FR", number));
        await Eventually.UntilAsync(async () => (await server.Client().GetShipmentAsync(new GetShipmentRequest { ShipmentId = order.Shipments[0].Id })).Events.Count >= 2,
            "the parcel has scans");

        var overGrpc = await server.Support().GetEvidencePdfAsync(new GetEvidenceRequest { Channel = "amazon", OrderId = orderId });
        using var http = Http(server);
        using var response = await http.GetAsync($"/v1/orders/{orderId}/evidence.pdf?channel=amazon");
        var download = await response.Content.ReadAsByteArrayAsync();
        using var anonymous = Http(server, key: null);
        using var refused = await anonymous.GetAsync($"/v1/orders/{orderId}/evidence.pdf");
        using var unknown = await http.GetAsync("/v1/orders/111-0000000-0000000/evidence.pdf");

        Assert.Equal("application/pdf", overGrpc.ContentType);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(orderId, response.Content.Headers.ContentDisposition?.FileName ?? "");
        foreach (var bytes in new[] { overGrpc.Data.ToByteArray(), download })
        {
            Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
            using var document = Read(bytes);
            Assert.True(document.PageCount >= 1);
            Assert.Contains(orderId, document.Info.Title);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_pdf_without_an_order_or_shipment_is_refused_naming_the_field()
    {
        await using var server = await TestServer.StartAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Support().GetEvidencePdfAsync(new GetEvidenceRequest()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("order_id", error.Status.Detail);
    }

    [Fact]
    public void Hundreds_of_events_run_over_several_pages_with_every_hash_and_the_chain_head()
    {
        var pack = Pack("113-5550001-5550001", events: 400);

        var bytes = EvidencePdf.Render(pack);

        using var document = Read(bytes);
        Assert.True(document.PageCount >= 5, $"{document.PageCount} pages");
        Assert.Equal("Evidence pack — amazon order 113-5550001-5550001", document.Info.Title);
        Assert.Contains(pack.ChainHead, document.Info.Subject);
    }

    [Fact]
    public void Accents_long_replies_and_empty_fields_render()
    {
        var pack = Pack("113-5550002-5550002", events: 3);
        pack.Entries.Add(new EvidenceEntry
        {
            Kind = "reply", Key = "r1",
            Fields =
            {
                ["rendered_at"] = "2026-11-20T10:00:00Z", ["template_id"] = "fbm_delivered", ["template_version"] = "0", ["language"] = "fr",
                ["channel"] = "amazon", ["inquiry_received_at"] = "", ["compliant"] = "true",
                ["text"] = string.Concat(Enumerable.Repeat("Votre colis a été livré à la boîte aux lettres, signé « Müller ». ", 40)) + new string('x', 300),
            },
        });

        using var document = Read(EvidencePdf.Render(pack));

        Assert.True(document.PageCount >= 1);
    }

    [Fact]
    public void The_timeline_prints_both_instants_whole()
    {
        EmbeddedFontResolver.Install();
        using var document = new PdfDocument();
        using var graphics = XGraphics.FromPdfPage(document.AddPage());
        var width = graphics.MeasureString("2026-11-20T10:00:00Z", new XFont(EmbeddedFontResolver.Family, 8)).Width;

        Assert.True(width <= EvidencePdf.Columns[1] - PdfPageWriter.ColumnGap, $"an instant is {width:F1} points, its column {EvidencePdf.Columns[1] - PdfPageWriter.ColumnGap}");
        Assert.True(width <= EvidencePdf.Columns[2] - EvidencePdf.Columns[1] - PdfPageWriter.ColumnGap);
    }

    private static PdfDocument Read(byte[] bytes) => PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);

    private static EvidencePack Pack(string orderId, int events)
    {
        var pack = new EvidencePack
        {
            Tenant = "tenant-a", Channel = "amazon", OrderId = orderId, GeneratedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)),
            Algorithm = "SHA-256 chain, HMAC-SHA256 signature", ChainHead = new string('a', 64), Signature = new string('b', 64),
        };
        pack.Entries.Add(new EvidenceEntry { Kind = "order", Key = $"amazon:{orderId}", Fields = { ["order_id"] = orderId, ["channel"] = "amazon" } });
        pack.Entries.Add(new EvidenceEntry { Kind = "shipment", Key = "shp_1", Fields = { ["carrier"] = "ups", ["tracking_number"] = "1Z999AA10123456784" } });
        for (var i = 0; i < events; i++)
        {
            pack.Entries.Add(new EvidenceEntry
            {
                Kind = "tracking_event", Key = $"shp_1|e{i}",
                Fields =
                {
                    ["occurred_at"] = $"2026-11-{1 + i % 28:00}T08:00:00Z", ["ingested_at"] = "2026-11-20T08:01:00Z", ["source"] = "poll",
                    ["raw_code"] = "I", ["status"] = "InTransit", ["status_detail"] = "", ["description"] = $"Arrivé au centre de tri {i}",
                    ["location"] = "Lyon, FR", ["payload_sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i))),
                },
            });
        }
        pack.Entries.Add(new EvidenceEntry { Kind = "proof_of_delivery", Key = "shp_1", Fields = { ["signed_by"] = "MÜLLER", ["location"] = "Front door" } });
        pack.Entries.Add(new EvidenceEntry { Kind = "check", Key = "valid_tracking", Fields = { ["result"] = "true" } });
        pack.Entries.Add(new EvidenceEntry { Kind = "claim", Key = "clm_1", Fields = { ["kind"] = "a_to_z_not_received", ["opened_at"] = "2026-11-21T09:00:00Z" } });
        return pack;
    }
}
