using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using LogisticsLink.Bench.Hosting;
using LogisticsLink.Bench.Measurement;
using LogisticsLink.Bench.Reporting;
using LogisticsLink.Bench.Seeding;
using LogisticsLink.V1;

namespace LogisticsLink.Bench.Scenarios;

/// <summary>
/// ResolveInquiry, the support desk's "where is my parcel?" answer: a buyer message naming an Amazon order id goes in,
/// the order, its shipment, the recommended action and a rendered, policy-checked reply come out — from stored state
/// (max_age unset, so no carrier call). Measured against the real server over gRPC and over HTTP/JSON (transcoding on
/// the Web endpoint), closed-loop callers, orders seeded through UpsertOrder.
/// </summary>
public sealed class InquiryScenario(BenchContext context) : IScenario
{
    private static readonly TimeSpan Target = TimeSpan.FromMilliseconds(10);

    public string Name => "inquiry";

    public string Title => "ResolveInquiry latency and throughput over gRPC and HTTP/JSON";

    public async Task RunAsync(ScenarioResult result, CancellationToken cancellationToken)
    {
        var (orders, callers, connections, warmup, duration) = context.Quick
            ? (50, 4, 2, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1))
            : (1_000, 16, 4, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));
        using var scratch = ScratchFolder.OnDisk(Name);
        await using var server = await ChildServer.StartAsync(scratch.DatabasePath, cancellationToken);
        using var grpc = GrpcChannel.ForAddress(server.GrpcAddress);
        var auth = new Metadata { { "authorization", "Bearer " + ServerSettings.ApiKey } };

        var ids = Enumerable.Range(0, orders).Select(i => $"{100 + i % 900:D3}-{5_000_000 + i:D7}-{7_000_000 + i:D7}").ToList();
        var seeding = Stopwatch.StartNew();
        var orderClient = new OrderService.OrderServiceClient(grpc);
        for (var i = 0; i < ids.Count; i++)
        {
            await orderClient.UpsertOrderAsync(Order(ids[i], SeedData.SandboxNumber(i)), auth, cancellationToken: cancellationToken);
        }
        result.Add("seed", "orders upserted", orders, "orders", $"one sandbox parcel each, in {seeding.Elapsed.TotalSeconds:N1} s over gRPC");

        var messages = ids.Select((id, i) => (Id: id, Text: Message(id, i))).ToList();
        var support = Enumerable.Range(0, connections)
            .Select(_ => GrpcChannel.ForAddress(server.GrpcAddress)).ToList();
        try
        {
            var clients = support.Select(c => new SupportService.SupportServiceClient(c)).ToList();
            async Task<bool> ViaGrpc(int caller, (string Id, string Text) m)
            {
                var answer = await clients[caller % clients.Count].ResolveInquiryAsync(
                    new ResolveInquiryRequest { MessageText = m.Text, Channel = "amazon", Language = "en-GB" }, auth, cancellationToken: cancellationToken);
                return answer.Order?.OrderId == m.Id && answer.Reply is not null;
            }
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections };
            using var http = new HttpClient(handler) { BaseAddress = server.WebAddress };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ServerSettings.ApiKey);
            async Task<bool> ViaHttp(int caller, (string Id, string Text) m)
            {
                using var body = new StringContent(JsonSerializer.Serialize(new { messageText = m.Text, channel = "amazon", language = "en-GB" }),
                    Encoding.UTF8, "application/json");
                using var response = await http.PostAsync("/v1/inquiries:resolve", body, cancellationToken);
                var json = await response.Content.ReadAsStringAsync(cancellationToken);
                return response.IsSuccessStatusCode && json.Contains(m.Id, StringComparison.Ordinal);
            }

            // Warm-up: both paths through tiered JIT in the server and here.
            await LoadAsync(messages, callers, warmup, TimeSpan.FromSeconds(0.2), ViaGrpc, server, cancellationToken);
            await LoadAsync(messages, callers, warmup, TimeSpan.FromSeconds(0.2), ViaHttp, server, cancellationToken);
            // One caller: the latency an agent sees when the desk is not saturated (what the target is about).
            var aloneGrpc = await LoadAsync(messages, 1, TimeSpan.FromSeconds(0.5), duration, ViaGrpc, server, cancellationToken);
            var aloneHttp = await LoadAsync(messages, 1, TimeSpan.FromSeconds(0.5), duration, ViaHttp, server, cancellationToken);
            // Many callers: throughput, and the latency once calls queue for the server's CPU.
            var overGrpc = await LoadAsync(messages, callers, TimeSpan.FromSeconds(0.5), duration, ViaGrpc, server, cancellationToken);
            var overHttp = await LoadAsync(messages, callers, TimeSpan.FromSeconds(0.5), duration, ViaHttp, server, cancellationToken);

            Report(result, "gRPC, 1 caller", aloneGrpc);
            Report(result, "HTTP/JSON, 1 caller", aloneHttp);
            Report(result, $"gRPC, {callers} callers", overGrpc);
            Report(result, $"HTTP/JSON, {callers} callers", overHttp);
            var worst = Math.Max(aloneGrpc.Latency.P99, aloneHttp.Latency.P99);
            result.Target("ResolveInquiry p99, one caller", $"< {Target.TotalMilliseconds:N0} ms",
                $"gRPC {ReportWriter.Format(aloneGrpc.Latency.P99)} ms, HTTP/JSON {ReportWriter.Format(aloneHttp.Latency.P99)} ms",
                worst < Target.TotalMilliseconds);
            var errors = new[] { aloneGrpc, aloneHttp, overGrpc, overHttp }.Sum(r => r.Errors);
            result.Check(errors == 0, $"{errors} inquiries failed or resolved to the wrong order");
            result.Note($"{orders:N0} Amazon FBM orders with one sandbox parcel each (registered, never polled: the scheduler is off), " +
                $"{callers} closed-loop callers over {connections} connections per protocol, {warmup.TotalSeconds:N1} s warm-up, " +
                $"{duration.TotalSeconds:N0} s measured per protocol. Each call sends a buyer message (greeting, the order id, a signature " +
                "with a phone number) for a random order; the answer must name that order. max_age unset: answered from stored state. " +
                "Server and load generator share the machine's 2 cores.");
        }
        finally
        {
            foreach (var channel in support)
            {
                channel.Dispose();
            }
        }
    }

    private static UpsertOrderRequest Order(string orderId, string number)
    {
        var now = DateTimeOffset.UtcNow;
        return new UpsertOrderRequest
        {
            Order = new Order
            {
                Channel = "amazon", OrderId = orderId, FulfillmentChannel = FulfillmentChannel.Merchant, Status = "Shipped",
                MarketplaceId = "A1F83G8C2ARO7P", BuyerLanguage = "en-GB",
                PurchasedAt = Timestamp.FromDateTimeOffset(now.AddDays(-2)),
                LatestShipDate = Timestamp.FromDateTimeOffset(now.AddDays(1)),
                LatestDeliveryDate = Timestamp.FromDateTimeOffset(now.AddDays(4)),
            },
            Shipments = { new OrderShipment { Carrier = "sandbox", TrackingNumber = number } },
        };
    }

    private static string Message(string orderId, int i) =>
        $"Hello,\nI ordered {i % 3 + 1} items last week (order {orderId}) and nothing has arrived yet. Where is my parcel?\n" +
        $"Thanks,\nSam\n07700 900{i % 1000:D3}";

    private static void Report(ScenarioResult result, string group, UnaryLoadResult r)
    {
        result.Add(group, "calls/s", r.CallsPerSecond, "calls/s");
        result.Add(group, "p50 latency", r.Latency.P50, "ms");
        result.Add(group, "p99 latency", r.Latency.P99, "ms");
        result.Add(group, "server CPU", r.ServerCores, "cores", $"load generator: {ReportWriter.Format(r.ClientCores)} cores");
        result.Add(group, "server CPU per call", r.ServerMicrosecondsPerCall, "µs");
    }

    /// <summary>Closed loop (<see cref="UnaryLoad"/>) over random messages: a wrong answer counts as an error.</summary>
    private static Task<UnaryLoadResult> LoadAsync(
        IReadOnlyList<(string Id, string Text)> messages, int callers, TimeSpan warmup, TimeSpan duration,
        Func<int, (string Id, string Text), Task<bool>> call, ChildServer server, CancellationToken cancellationToken) =>
        UnaryLoad.RunAsync(callers, warmup, duration, (caller, random) => call(caller, messages[random.Next(messages.Count)]), server, cancellationToken);
}
