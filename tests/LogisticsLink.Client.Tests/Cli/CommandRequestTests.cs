using LogisticsLink.Cli;
using LogisticsLink.Cli.Commands;
using Google.Protobuf.WellKnownTypes;
using LogisticsLink.V1;

namespace LogisticsLink.Client.Tests.Cli;

/// <summary>Each command's translation of a command line into a request, before anything connects.</summary>
public sealed class CommandRequestTests
{
    [Fact]
    public void Track_builds_number_carrier_order_and_labels()
    {
        var request = TrackCommand.BuildRequest(Parse(new TrackCommand(),
            "1Z 999", "--carrier", "ups", "--order-channel", "amazon", "--order-id", "113-1", "--label", "warehouse=lyon",
            "--label", "note="));

        Assert.Equal("1Z 999", request.TrackingNumber);
        Assert.Equal("ups", request.Carrier);
        Assert.Equal("amazon", request.Order.Channel);
        Assert.Equal("113-1", request.Order.OrderId);
        Assert.Equal("lyon", request.Labels["warehouse"]);
        Assert.Equal("", request.Labels["note"]);
    }

    [Theory]
    [InlineData(new string[0], "missing <tracking-number>")]
    [InlineData(new[] { "a", "b" }, "unexpected argument 'b'")]
    [InlineData(new[] { "a", "--order-id", "1" }, "--order-id needs --order-channel")]
    [InlineData(new[] { "a", "--order-channel", "x" }, "--order-channel needs --order-id")]
    [InlineData(new[] { "a", "--label", "novalue" }, "--label must be key=value (got 'novalue')")]
    [InlineData(new[] { "a", "--label", "=v" }, "--label must be key=value (got '=v')")]
    [InlineData(new[] { "a", "--label", "k=1", "--label", "k=2" }, "--label 'k' given more than once")]
    public void Track_usage_errors(string[] argv, string expected)
    {
        Assert.Equal(expected, Assert.Throws<UsageException>(() => TrackCommand.BuildRequest(Parse(new TrackCommand(), argv))).Message);
    }

    [Fact]
    public void Get_by_id_or_by_carrier_and_number_with_max_age()
    {
        var byId = GetCommand.BuildRequest(Parse(new GetCommand(), "shp_1", "--max-age", "30s"));
        var byNumber = GetCommand.BuildRequest(Parse(new GetCommand(), "--carrier", "dhl", "--number", "123"));

        Assert.Equal("shp_1", byId.ShipmentId);
        Assert.Equal(TimeSpan.FromSeconds(30), byId.MaxAge.ToTimeSpan());
        Assert.Equal("dhl", byNumber.Carrier);
        Assert.Equal("123", byNumber.TrackingNumber);
        Assert.Null(byNumber.MaxAge);
    }

    [Theory]
    [InlineData((object)new string[0])]
    [InlineData((object)new[] { "--carrier", "dhl" })]
    [InlineData((object)new[] { "shp_1", "--number", "123" })]
    [InlineData((object)new[] { "shp_1", "--max-age", "soon" })]
    public void Get_usage_errors(string[] argv)
    {
        Assert.Throws<UsageException>(() => GetCommand.BuildRequest(Parse(new GetCommand(), argv)));
    }

    [Fact]
    public void List_builds_filters_and_paging()
    {
        var request = ListCommand.BuildRequest(Parse(new ListCommand(),
            "--status", "delivered,in_transit", "--status", "lost", "--order-id", "113-1", "--page-size", "50",
            "--page-token", "p2", "--updated-since", "2025-03-01T12:00:00Z"));

        Assert.Equal([ShipmentStatus.Delivered, ShipmentStatus.InTransit, ShipmentStatus.Lost], request.Statuses);
        Assert.Equal("113-1", request.OrderId);
        Assert.Equal(50, request.PageSize);
        Assert.Equal("p2", request.PageToken);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero), request.UpdatedSince.ToDateTimeOffset());
    }

    [Theory]
    [InlineData(new[] { "--page-size", "0" }, "--page-size")]
    [InlineData(new[] { "--status", "nope" }, "--status")]
    [InlineData(new[] { "--updated-since", "yesterday" }, "--updated-since")]
    [InlineData(new[] { "stray" }, "stray")]
    public void List_usage_errors_name_the_flag(string[] argv, string named)
    {
        var error = Assert.Throws<UsageException>(() => ListCommand.BuildRequest(Parse(new ListCommand(), argv)));
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void Watch_builds_ids_statuses_and_resume_point()
    {
        var plan = WatchCommand.BuildPlan(Parse(new WatchCommand(),
            "shp_1", "shp_2", "shp_1", "--status", "delivered", "--from-sequence", "42"));

        Assert.Equal(["shp_1", "shp_2"], plan.Request.ShipmentIds);
        Assert.Equal([ShipmentStatus.Delivered], plan.Request.Statuses);
        Assert.Equal(42UL, plan.Request.ResumeAfterSequence);
        Assert.False(plan.Request.SendSnapshot);
        Assert.False(plan.UntilFinal);
    }

    [Fact]
    public void Watch_until_final_on_ids_asks_for_a_snapshot_it_does_not_print()
    {
        var plan = WatchCommand.BuildPlan(Parse(new WatchCommand(), "shp_1", "--until-final"));

        Assert.True(plan.Request.SendSnapshot);
        Assert.False(plan.PrintSnapshot);
        Assert.True(plan.UntilFinal);
    }

    [Fact]
    public void Watch_until_final_with_statuses_also_asks_for_every_final_status()
    {
        // The server sends only changes into the requested statuses; without the final ones a parcel that ends LOST
        // while the user asked for "delivered" would never send the change that lets the command exit.
        var plan = WatchCommand.BuildPlan(Parse(new WatchCommand(), "shp_1", "--until-final", "--status", "in_transit,delivered"));

        Assert.Equal(
            [ShipmentStatus.InTransit, ShipmentStatus.Delivered, ShipmentStatus.Returned, ShipmentStatus.Lost,
             ShipmentStatus.Cancelled, ShipmentStatus.Expired],
            plan.Request.Statuses);
    }

    [Fact]
    public void Watch_until_final_without_statuses_asks_for_every_status()
    {
        var plan = WatchCommand.BuildPlan(Parse(new WatchCommand(), "shp_1", "--until-final"));

        Assert.Empty(plan.Request.Statuses);
    }

    [Fact]
    public void Watch_until_final_from_a_sequence_replays_instead_of_a_snapshot()
    {
        var plan = WatchCommand.BuildPlan(Parse(new WatchCommand(), "shp_1", "--until-final", "--from-sequence", "9"));

        Assert.False(plan.Request.SendSnapshot);
        Assert.Equal(9UL, plan.Request.ResumeAfterSequence);
    }

    // 0 alone asks the server to start live; the position 0 it hands out on an empty log means its first change.
    [Theory]
    [InlineData(new string[0], 0UL, false)]
    [InlineData(new[] { "--from-sequence", "0" }, 0UL, true)]
    [InlineData(new[] { "--from-sequence", "7" }, 7UL, false)]
    public void Watch_from_sequence_0_replays_from_the_start_of_the_log(string[] argv, ulong after, bool fromZero)
    {
        var plan = WatchCommand.BuildPlan(Parse(new WatchCommand(), argv));

        Assert.Equal((after, fromZero), (plan.Request.ResumeAfterSequence, plan.Request.ResumeFromZero));
    }

    [Fact]
    public void Watch_until_final_from_sequence_0_replays_instead_of_a_snapshot()
    {
        var plan = WatchCommand.BuildPlan(Parse(new WatchCommand(), "shp_1", "--until-final", "--from-sequence", "0"));

        Assert.False(plan.Request.SendSnapshot);
        Assert.True(plan.Request.ResumeFromZero);
    }

    [Fact]
    public void Watch_a_snapshot_from_a_sequence_asks_for_both()
    {
        var plan = WatchCommand.BuildPlan(Parse(new WatchCommand(), "--snapshot", "--from-sequence", "3"));

        Assert.True(plan.Request.SendSnapshot);
        Assert.Equal(3UL, plan.Request.ResumeAfterSequence);
    }

    [Fact]
    public void Watch_from_a_sequence_and_its_commit_time_sends_both_for_the_server_to_verify()
    {
        var plan = WatchCommand.BuildPlan(Parse(new WatchCommand(),
            "--from-sequence", "42", "--from-committed-at", "2026-11-27T16:40:26.203631670Z"));

        Assert.Equal(42UL, plan.Request.ResumeAfterSequence);
        Assert.Equal(new Timestamp { Seconds = 1_795_797_626, Nanos = 203_631_670 }, plan.Request.ResumeAfterCommittedAt);
    }

    [Theory]
    [InlineData(new[] { "--from-committed-at", "2026-11-27T16:40:26Z" }, "--from-committed-at needs --from-sequence")]
    [InlineData(new[] { "--from-sequence", "0", "--from-committed-at", "2026-11-27T16:40:26Z" }, "--from-committed-at needs --from-sequence above 0")]
    [InlineData(new[] { "--from-sequence", "3", "--from-committed-at", "yesterday" }, "--from-committed-at must be an RFC 3339 time")]
    [InlineData(new[] { "--until-final" }, "--until-final needs shipment ids or --snapshot")]
    [InlineData(new[] { "shp_1", "--until-final", "--status", "in_transit" }, "--until-final needs --status to include a final status")]
    [InlineData(new[] { "--from-sequence", "-1" }, "--from-sequence must be a non-negative whole number")]
    public void Watch_usage_errors(string[] argv, string expected)
    {
        var error = Assert.Throws<UsageException>(() => WatchCommand.BuildPlan(Parse(new WatchCommand(), argv)));
        Assert.StartsWith(expected, error.Message);
    }

    private static ParsedArguments Parse(ICommand command, params string[] argv) =>
        ArgumentParser.Parse(argv, [.. GlobalOptions.Specs, .. command.Options]);
}
