using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using LogisticsLink.Cli;
using LogisticsLink.Client.Tests.Fakes;
using LogisticsLink.V1;

namespace LogisticsLink.Client.Tests.Cli;

/// <summary>The whole CLI against a fake client: dispatch, output and exit codes.</summary>
public sealed class CliAppTests
{
    private readonly StringWriter stdout = new();
    private readonly StringWriter stderr = new();
    private readonly Dictionary<string, string> environment = new() { ["LOGISTICSLINK_API_KEY"] = "k-env" };
    private readonly SignallingTimeProvider time = new();
    private readonly List<(Uri Url, string Key)> connections = [];
    private FakeTrackingClient client = new();

    [Fact]
    public async Task Help_prints_usage_and_succeeds()
    {
        Assert.Equal(0, await Run("--help"));
        Assert.Contains("Commands:", stdout.ToString());

        Assert.Equal(0, await Run("help", "watch"));
        Assert.Contains("--until-final", stdout.ToString());

        Assert.Equal(0, await Run("list", "-h"));
        Assert.Empty(connections);
    }

    [Fact]
    public async Task No_command_is_a_usage_error()
    {
        Assert.Equal(2, await Run());
        Assert.Contains("Usage:", stderr.ToString());
    }

    [Theory]
    [InlineData(new[] { "frobnicate" }, "unknown command 'frobnicate'")]
    [InlineData(new[] { "get", "shp_1", "--verbose" }, "unknown option --verbose")]
    [InlineData(new[] { "get", "shp_1", "--url", "ftp://x" }, "--url must be an http:// or https:// URL")]
    [InlineData(new[] { "help", "frobnicate" }, "unknown command 'frobnicate'")]
    public async Task Usage_errors_exit_2_and_name_the_problem(string[] argv, string message)
    {
        Assert.Equal(2, await Run(argv));
        Assert.Contains(message, stderr.ToString());
        Assert.Empty(connections);
    }

    [Theory]
    [InlineData("99999999999d")]
    [InlineData("nan")]
    public async Task An_out_of_range_duration_is_a_usage_error_naming_the_flag(string maxAge)
    {
        Assert.Equal(2, await Run("get", "shp_1", "--max-age", maxAge));
        Assert.Contains("--max-age", stderr.ToString());
        Assert.Empty(connections);
    }

    [Fact]
    public async Task An_unexpected_failure_prints_one_line_without_a_stack_trace_and_exits_1()
    {
        client.OnGet = _ => throw new InvalidOperationException("boom");

        Assert.Equal(1, await Run("get", "shp_1"));
        var lines = stderr.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("boom", Assert.Single(lines));
    }

    [Fact]
    public async Task A_missing_key_is_a_usage_error_naming_the_flag()
    {
        environment.Clear();

        Assert.Equal(2, await Run("get", "shp_1"));
        Assert.Contains("--key", stderr.ToString());
    }

    [Fact]
    public async Task Url_and_key_come_from_flags_then_environment_then_default()
    {
        client.OnGet = r => new Shipment { Id = r.ShipmentId };
        await Run("get", "shp_1");
        environment["LOGISTICSLINK_URL"] = "http://env:5080";
        await Run("get", "shp_1");
        await Run("--url", "https://flag:443", "--key", "k-flag", "get", "shp_1");

        Assert.Equal(
            [(new Uri("http://localhost:5080"), "k-env"), (new Uri("http://env:5080"), "k-env"), (new Uri("https://flag:443"), "k-flag")],
            connections);
    }

    [Fact]
    public async Task Plain_http_to_a_remote_host_warns_on_stderr()
    {
        client.OnGet = r => new Shipment { Id = r.ShipmentId };

        Assert.Equal(0, await Run("--url", "http://tracking.example:5080", "get", "shp_1"));

        var warning = Assert.Single(stderr.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("unencrypted", warning);
        Assert.Contains("tracking.example", warning);
    }

    [Theory]
    [InlineData("http://localhost:5080")]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://[::1]:5080")]
    [InlineData("https://tracking.example")]
    public async Task Loopback_or_https_does_not_warn(string url)
    {
        client.OnGet = r => new Shipment { Id = r.ShipmentId };

        Assert.Equal(0, await Run("--url", url, "get", "shp_1"));

        Assert.Equal("", stderr.ToString());
    }

    public static TheoryData<StatusCode, int> StatusExitCodes => new()
    {
        { StatusCode.NotFound, 3 },
        { StatusCode.Unauthenticated, 4 },
        { StatusCode.PermissionDenied, 4 },
        { StatusCode.InvalidArgument, 5 },
        { StatusCode.Unavailable, 6 },
        { StatusCode.Internal, 1 },
    };

    [Theory]
    [MemberData(nameof(StatusExitCodes))]
    public async Task Server_statuses_map_to_exit_codes(StatusCode code, int exitCode)
    {
        client.OnGet = _ => throw new RpcException(new Grpc.Core.Status(code, "scripted"));

        Assert.Equal(exitCode, await Run("get", "shp_1"));
        Assert.Contains("scripted", stderr.ToString());
    }

    [Fact]
    public async Task Invalid_argument_shows_the_fields_the_server_named()
    {
        client.OnTrack = _ => throw new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = "bad request",
            Details =
            {
                Any.Pack(new BadRequest
                {
                    FieldViolations = { new BadRequest.Types.FieldViolation { Field = "carrier", Description = "unknown carrier 'upz'" } },
                }),
            },
        }.ToRpcException();

        Assert.Equal(5, await Run("track", "1Z999", "--carrier", "upz"));
        Assert.Contains("carrier: unknown carrier 'upz'", stderr.ToString());
    }

    [Fact]
    public async Task Get_prints_the_header_and_event_timeline()
    {
        client.OnGet = _ => new Shipment
        {
            Id = "shp_1",
            Carrier = "ups",
            TrackingNumber = "1Z999",
            Status = ShipmentStatus.Delivered,
            StatusDetail = "delivered.locker",
            Version = 4,
            Events =
            {
                new TrackingEvent
                {
                    OccurredAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 3, 2, 9, 30, 0, TimeSpan.Zero)),
                    Status = ShipmentStatus.Delivered,
                    Description = "Delivered to locker",
                    Location = new Location { City = "Lyon", CountryCode = "FR" },
                },
            },
        };

        Assert.Equal(0, await Run("get", "shp_1", "--max-age", "30s"));

        var output = stdout.ToString();
        Assert.Contains("DELIVERED (delivered.locker)", output);
        Assert.Contains("2025-03-02 09:30:00  DELIVERED", output);
        Assert.Contains("Lyon, FR", output);
        var request = Assert.IsType<GetShipmentRequest>(Assert.Single(client.UnaryRequests));
        Assert.Equal(30, request.MaxAge.Seconds);
    }

    [Fact]
    public async Task List_all_follows_pages_and_prints_one_json_object_per_shipment()
    {
        client.OnList = r => r.PageToken == ""
            ? new ListShipmentsResponse { Shipments = { new Shipment { Id = "shp_1" } }, NextPageToken = "p2" }
            : new ListShipmentsResponse { Shipments = { new Shipment { Id = "shp_2" } } };

        Assert.Equal(0, await Run("list", "--all", "--json", "--status", "delivered"));

        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["shp_1", "shp_2"], lines.Select(l => JsonParser.Default.Parse<Shipment>(l).Id));
        Assert.Equal(["", "p2"], client.UnaryRequests.Cast<ListShipmentsRequest>().Select(r => r.PageToken));
    }

    [Fact]
    public async Task List_without_all_prints_one_aligned_page_and_the_next_token()
    {
        client.OnList = _ => new ListShipmentsResponse
        {
            Shipments =
            {
                new Shipment { Id = "shp_1", Carrier = "ups", Status = ShipmentStatus.InTransit },
                new Shipment { Id = "shp_22", Carrier = "dhl", Status = ShipmentStatus.Delivered },
            },
            NextPageToken = "p2",
        };

        Assert.Equal(0, await Run("list"));

        var lines = stdout.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("ID      CARRIER", lines[0]);
        Assert.StartsWith("shp_1   ups", lines[1]);
        Assert.Contains("--page-token p2", stderr.ToString());
    }

    [Fact]
    public async Task Watch_until_final_exits_0_when_every_shipment_is_terminal()
    {
        client = new FakeTrackingClient(
        [
            ScriptStep.Change(5, "shp_1", 1, ShipmentStatus.InTransit, ChangeKind.Snapshot),
            ScriptStep.Change(4, "shp_2", 3, ShipmentStatus.Delivered, ChangeKind.Snapshot),
            ScriptStep.Change(6, "shp_1", 2, ShipmentStatus.OutForDelivery),
            ScriptStep.Fail(StatusCode.Unavailable),
        ],
        [
            ScriptStep.Change(7, "shp_1", 3, ShipmentStatus.Delivered),
        ]);
        client.OnGet = r => new Shipment { Id = r.ShipmentId, Status = ShipmentStatus.InTransit, Version = 1 };

        var exit = Run("watch", "shp_1", "shp_2", "--until-final");
        time.Advance(await time.NextTimerAsync());

        Assert.Equal(0, await exit.WaitAsync(TestTimeouts.Generous));
        var lines = stdout.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("SEQUENCE", lines[0].Trim());
        Assert.StartsWith("6  ", lines[1].Trim());
        Assert.Contains("INFO_RECEIVED -> OUT_FOR_DELIVERY", lines[1]);
        Assert.StartsWith("7  ", lines[2].Trim());
        Assert.True(client.Requests[0].SendSnapshot);
        Assert.Equal(6UL, client.Requests[1].ResumeAfterSequence);
        Assert.Contains("reconnecting", stderr.ToString());
        Assert.Contains("reached a final status", stderr.ToString());
    }

    [Fact]
    public async Task Watch_until_final_with_status_exits_when_a_shipment_ends_outside_the_filter()
    {
        // The fake filters like the server: before the fix the LOST change never arrived and the command hung.
        client = new FakeTrackingClient(
        [
            ScriptStep.Heartbeat(4),
            ScriptStep.Change(5, "shp_1", 2, ShipmentStatus.Lost),
        ]) { AppliesStatusFilter = true };
        client.OnGet = r => new Shipment { Id = r.ShipmentId, Status = ShipmentStatus.InTransit, Version = 1 };

        Assert.Equal(0, await Run("watch", "shp_1", "--until-final", "--status", "delivered").WaitAsync(TestTimeouts.Generous));

        Assert.DoesNotContain("LOST", stdout.ToString());
        Assert.Contains("reached a final status", stderr.ToString());
    }

    [Fact]
    public async Task Watch_snapshot_until_final_with_status_counts_but_does_not_print_final_shipments_outside_the_filter()
    {
        client = new FakeTrackingClient(
        [
            ScriptStep.Change(3, "shp_1", 1, ShipmentStatus.InTransit, ChangeKind.Snapshot),
            ScriptStep.Change(2, "shp_2", 4, ShipmentStatus.Lost, ChangeKind.Snapshot),
            ScriptStep.Heartbeat(4),
            ScriptStep.Change(5, "shp_1", 2, ShipmentStatus.Returned),
        ]) { AppliesStatusFilter = true };

        var exit = Run("watch", "--snapshot", "--until-final", "--status", "in_transit,delivered");

        Assert.Equal(0, await exit.WaitAsync(TestTimeouts.Generous));
        var lines = stdout.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("1ZSHP_1", lines[1]);
        Assert.Contains("IN_TRANSIT", lines[1]);
        Assert.Contains("All 2 watched shipment(s) reached a final status", stderr.ToString());
    }

    [Fact]
    public async Task Watch_prints_json_lines_and_ctrl_c_exits_130()
    {
        client = new FakeTrackingClient([ScriptStep.Change(1), ScriptStep.Heartbeat(1)]);
        using var interrupt = new CancellationTokenSource();

        var exit = Run(interrupt.Token, "watch", "--json");
        await client.IdleAsync();
        interrupt.Cancel();

        Assert.Equal(130, await exit.WaitAsync(TestTimeouts.Generous));
        var update = JsonParser.Default.Parse<ShipmentUpdate>(stdout.ToString().Trim());
        Assert.Equal(1UL, update.Sequence);
        Assert.Equal("", stderr.ToString());
    }

    [Fact]
    public async Task A_url_that_answers_only_HTTP_1_1_exits_6_and_says_it_is_no_gRPC_endpoint()
    {
        // What Grpc.Net.Client reports when --url names the server's Web endpoint (HTTP/1.1) instead of its Grpc one.
        var refused = new HttpRequestException("The HTTP/2 server closed the connection. HTTP/2 error code 'HTTP_1_1_REQUIRED' (0xd).",
            new System.Net.Http.HttpProtocolException(0xd, "The HTTP/2 server closed the connection. HTTP/2 error code 'HTTP_1_1_REQUIRED' (0xd).", null));
        client.OnGet = _ => throw new RpcException(new Grpc.Core.Status(StatusCode.Internal, "Error starting gRPC call. " + refused.Message, refused));

        Assert.Equal(6, await Run("--url", "http://127.0.0.1:5081", "get", "shp_1"));
        var error = stderr.ToString();
        Assert.Contains("http://127.0.0.1:5081", error);
        Assert.Contains("HTTP/1.1", error);
        Assert.Contains("gRPC endpoint", error);
        Assert.DoesNotContain("HttpRequestException", error);
    }

    [Fact]
    public async Task Watch_exits_6_when_the_server_is_never_reached()
    {
        client = new FakeTrackingClient(Enumerable.Range(0, 10)
            .Select(_ => (IReadOnlyList<ScriptStep>)[ScriptStep.Fail(StatusCode.Unavailable)]).ToArray());

        var exit = Run("--url", "https://typo:5080", "watch");
        for (var i = 0; i < 10; i++)
        {
            var timer = time.NextTimerAsync();
            if (await Task.WhenAny(exit, timer) == exit)
            {
                break;
            }

            time.Advance(await timer);
        }

        Assert.Equal(6, await exit.WaitAsync(TestTimeouts.Generous));
        Assert.True(client.CallCount < 10, $"gave up only after {client.CallCount} attempts");
        Assert.Contains("server unavailable at https://typo:5080", stderr.ToString());
    }

    [Fact]
    public async Task Watch_until_final_fails_fast_on_an_unknown_id()
    {
        Assert.Equal(3, await Run("watch", "shp_missing", "--until-final"));
        Assert.Equal(0, client.CallCount);
    }

    private Task<int> Run(params string[] argv) => Run(CancellationToken.None, argv);

    private Task<int> Run(CancellationToken cancellationToken, params string[] argv)
    {
        var app = new CliApp(stdout, stderr, name => environment.GetValueOrDefault(name), Connect, time);
        return Task.Run(() => app.RunAsync(argv, cancellationToken));
    }

    private CliConnection Connect(Uri url, string key)
    {
        connections.Add((url, key));
        return new CliConnection(client, null);
    }
}
