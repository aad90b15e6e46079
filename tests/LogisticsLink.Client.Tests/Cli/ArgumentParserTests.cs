using LogisticsLink.Cli;

namespace LogisticsLink.Client.Tests.Cli;

public sealed class ArgumentParserTests
{
    private static readonly OptionSpec[] Specs =
    [
        new("json", OptionKind.Flag, ""),
        new("help", OptionKind.Flag, ""),
        new("url", OptionKind.Value, ""),
        new("carrier", OptionKind.Value, ""),
        new("label", OptionKind.Repeated, ""),
    ];

    [Fact]
    public void Parses_values_flags_repeats_and_interleaved_positionals()
    {
        var args = ArgumentParser.Parse(
            ["1Z999", "--carrier", "ups", "--label", "a=1", "extra", "--label=b=2", "--json"], Specs);

        Assert.Equal(["1Z999", "extra"], args.Positionals);
        Assert.Equal("ups", args.Value("carrier"));
        Assert.Equal(["a=1", "b=2"], args.Values("label"));
        Assert.True(args.Flag("json"));
        Assert.False(args.Flag("help"));
        Assert.Null(args.Value("url"));
        Assert.Empty(args.Values("missing"));
    }

    [Fact]
    public void Double_dash_ends_options_and_dash_h_means_help()
    {
        var args = ArgumentParser.Parse(["-h", "--", "--carrier", "-"], Specs);

        Assert.True(args.Flag("help"));
        Assert.Equal(["--carrier", "-"], args.Positionals);
    }

    [Theory]
    [InlineData(new[] { "--bogus" }, "unknown option --bogus")]
    [InlineData(new[] { "--bogus=1" }, "unknown option --bogus")]
    [InlineData(new[] { "-x" }, "unknown option -x")]
    [InlineData(new[] { "-carrier", "ups" }, "unknown option -carrier")]
    [InlineData(new[] { "--carrier" }, "--carrier needs a value")]
    [InlineData(new[] { "--carrier", "--json" }, "--carrier needs a value")]
    [InlineData(new[] { "--carrier", "ups", "--carrier", "dhl" }, "--carrier given more than once")]
    [InlineData(new[] { "--json=yes" }, "--json does not take a value")]
    public void Errors_name_the_flag(string[] argv, string expected)
    {
        var error = Assert.Throws<UsageException>(() => ArgumentParser.Parse(argv, Specs));

        Assert.StartsWith(expected, error.Message);
    }

    [Fact]
    public void A_value_may_start_with_a_single_dash()
    {
        var args = ArgumentParser.Parse(["--carrier", "-1"], Specs);

        Assert.Equal("-1", args.Value("carrier"));
    }

    [Theory]
    [InlineData(new[] { "list" }, "list", new string[0])]
    [InlineData(new[] { "--url", "http://x", "list", "--json" }, "list", new[] { "--url", "http://x", "--json" })]
    [InlineData(new[] { "--url=http://x", "--json", "get", "id" }, "get", new[] { "--url=http://x", "--json", "id" })]
    [InlineData(new[] { "--json" }, null, new[] { "--json" })]
    [InlineData(new[] { "--", "--weird" }, "--weird", new string[0])]
    public void The_command_is_the_first_word_that_is_not_an_option_or_its_value(
        string[] argv, string? command, string[] rest)
    {
        var (found, remaining) = ArgumentParser.SplitCommand(argv, Specs);

        Assert.Equal(command, found);
        Assert.Equal(rest, remaining);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("ten")]
    [InlineData("-5")]
    public void Integers_are_range_checked_with_the_flag_named(string value)
    {
        var args = ArgumentParser.Parse(["--carrier", value], Specs);

        var error = Assert.Throws<UsageException>(() => args.Int("carrier", 1, 1000));
        Assert.Contains("--carrier", error.Message);
        Assert.Contains(value, error.Message);
    }

    [Fact]
    public void Unsigned_integers_reject_signs_and_text()
    {
        Assert.Equal(42UL, ArgumentParser.Parse(["--carrier", "42"], Specs).ULong("carrier"));
        Assert.Throws<UsageException>(() => ArgumentParser.Parse(["--carrier", "-1"], Specs).ULong("carrier"));
    }

    [Fact]
    public void Positional_counts_are_checked()
    {
        var args = ArgumentParser.Parse(["a", "b"], Specs);

        Assert.Equal("missing <x>", Assert.Throws<UsageException>(() => args.ExpectPositionals(3, 3, "<x>")).Message);
        Assert.Equal("unexpected argument 'b'", Assert.Throws<UsageException>(() => args.ExpectPositionals(1, 1, "<x>")).Message);
    }
}
