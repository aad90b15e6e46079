using LogisticsLink.Domain.Support.Templates;

namespace LogisticsLink.Domain.Tests.Support;

/// <summary>
/// A tenant's template is code the server runs: loops, doubling strings and huge ranges must stop after a bounded
/// amount of work, and be refused when the template is saved, naming the limit.
/// </summary>
public sealed class TemplateLimitTests
{
    private static readonly IReadOnlyDictionary<string, string?> Values = ReplyValues.Sample(ReplyLocale.Resolve("en"));

    [Theory]
    // A million iterations: far past the step limit, yet quick enough to finish where nothing stops it.
    [InlineData("{% for a in (1..1000) %}{% for b in (1..1000) %}{% endfor %}{% endfor %}Order {{ order_id }}", "steps")]
    // Ten million characters from twenty doublings.
    [InlineData("{% assign s = \"xxxxxxxxxx\" %}{% for i in (1..20) %}{% assign s = s | append: s %}{% endfor %}Order {{ order_id }}", "characters")]
    // Growth within one expression: a filter's result is bounded too.
    [InlineData("{% assign s = \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" %}Order {{ order_id }}{{ s | replace: \"x\", \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" | replace: \"x\", \"xxxxxxxxxx\" | replace: \"x\", \"xx\" | size }}", "characters")]
    // The printed text itself.
    [InlineData("Order {{ order_id }}{% for a in (1..1000) %}{{ tracking_url }}{% endfor %}", "characters")]
    // A range is an array the engine builds before the first step: its size is refused before it is built.
    [InlineData("Order {{ order_id }}{% for a in (1..5000000) %}{% break %}{% endfor %}", "range")]
    [InlineData("{% assign n = 5000000 %}Order {{ order_id }}{% for a in (1..n) %}{% break %}{% endfor %}", "range")]
    // A capture collects text out of sight of the output bound.
    [InlineData("{% capture s %}{% for a in (1..100) %}{{ tracking_url }}{% endfor %}{% endcapture %}Order {{ order_id }}", "capture")]
    public void A_template_that_would_run_away_is_refused_at_save_naming_the_limit(string body, string limit)
    {
        var problems = ReplyComposer.Problems(body, "en", "shopify");

        Assert.Contains(problems, p => p.Contains(limit, StringComparison.Ordinal) && p.Contains("limit", StringComparison.Ordinal));
    }

    [Theory]
    // Arithmetic that overflows, or divides by zero.
    [InlineData("Order {{ order_id }} {{ 99999999999999999999999 | times: 99999999999999999999999 }}")]
    [InlineData("Order {{ order_id }} {{ 79228162514264337593543950335 | plus: 1 }}")]
    [InlineData("Order {{ order_id }} {{ -79228162514264337593543950335 | minus: 1 }}")]
    [InlineData("Order {{ order_id }} {{ 10 | divided_by: 0.0000000000000000000000000001 }}")]
    [InlineData("Order {{ order_id }} {{ 7 | divided_by: 0 }}")]
    [InlineData("Order {{ order_id }} {{ 7 | modulo: 0 }}")]
    // Number arguments the filters cannot take.
    [InlineData("Order {{ order_id }} {{ 1.5 | round: 99999999999 }}")]
    [InlineData("Order {{ order_id }} {{ order_id | slice: 99999999999999 }}")]
    [InlineData("Order {{ order_id }} {{ order_id | truncate: 99999999999999 }}")]
    [InlineData("Order {{ order_id }} {{ 1.5 | round: 50 }}")]
    // A tag's number argument.
    [InlineData("Order {{ order_id }}{% for i in (1..3) limit: 99999999999999 %}{{ i }}{% endfor %}")]
    public void A_template_whose_numbers_go_out_of_range_is_refused_at_save_naming_the_problem(string body)
    {
        var problems = ReplyComposer.Problems(body, "en", "shopify");

        Assert.Contains(problems, p => p.StartsWith("filter error: ", StringComparison.Ordinal) && p.Contains("number", StringComparison.Ordinal));
    }

    [Theory]
    // A literal past decimal's range does not parse (nor does a range bound past long's).
    [InlineData("Order {{ order_id }}{% for i in (0..79228162514264337593543950335) %}{% break %}{% endfor %}", "not a valid template")]
    // Within long's range, the subtraction that counts the range's numbers does not overflow.
    [InlineData("Order {{ order_id }}{% for i in (-9223372036854775807..9223372036854775807) %}{% break %}{% endfor %}", "range limit is 1000")]
    [InlineData("Order {{ order_id }} {{ 99999999999999999999999999999999999 }}", "not a valid template")]
    [InlineData("Order {{ order_id }} {{ 1 | times: 99999999999999999999999999999999999 }}", "not a valid template")]
    public void A_template_with_numbers_past_decimals_range_is_refused_at_save(string body, string problem)
    {
        var problems = ReplyComposer.Problems(body, "en", "shopify");

        Assert.Contains(problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void Arithmetic_that_fails_only_with_a_replys_values_is_an_arithmetic_error_not_a_crash()
    {
        // Passes the save check (the sample tracking number is no number), fails with a numeric one.
        const string body = "Order {{ order_id }} {{ tracking_number | times: 9999999999999999999999 }}";
        var values = new Dictionary<string, string?>(Values, StringComparer.Ordinal) { ["tracking_number"] = "123456789012" };

        Assert.Empty(ReplyComposer.Problems(body, "en", "shopify"));
        var error = Assert.Throws<TemplateFilterException>(() => ReplyComposer.Compose("custom", 1, body, ReplyLocale.Resolve("en"), values, "shopify"));
        Assert.Contains("'times'", error.Message);
    }

    [Fact]
    public void A_filter_that_cannot_read_a_replys_value_is_a_filter_error_not_a_crash()
    {
        // The sample order id decodes; a real one that is no base-64 text does not.
        const string body = "Order {{ order_id }} {{ order_id | base64_decode }}";
        var values = new Dictionary<string, string?>(Values, StringComparer.Ordinal) { ["order_id"] = "113-5550001-0000010" };

        var error = Assert.Throws<TemplateFilterException>(() => ReplyComposer.Compose("custom", 1, body, ReplyLocale.Resolve("en"), values, "shopify"));
        Assert.Contains("'base64_decode' cannot read its input", error.Message);
    }

    [Fact]
    public void A_template_longer_than_the_limit_is_refused_before_it_is_parsed()
    {
        var body = "Order {{ order_id }}. " + new string('a', TemplateLimits.MaxTemplateLength);

        var problems = ReplyComposer.Problems(body, "en", "shopify");

        Assert.Contains(problems, p => p.Contains(TemplateLimits.MaxTemplateLength.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Fact]
    public void A_runaway_template_stopped_at_reply_time_is_a_limit_error_not_a_reply()
    {
        var body = "{% assign s = \"xxxxxxxxxx\" %}{% for i in (1..20) %}{% assign s = s | append: s %}{% endfor %}Order {{ order_id }}";

        Assert.Throws<TemplateLimitException>(() => ReplyComposer.Compose("custom", 1, body, ReplyLocale.Resolve("en"), Values, "shopify"));
    }

    [Fact]
    public void Rendering_stops_when_the_call_is_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            ReplyTemplateEngine.Render(ReplyTemplateEngine.Parse("Order {{ order_id | upcase }}"), Values, cancelled.Token));
    }

    [Theory]
    [InlineData("{% for i in (1..3) %}{{ i }}{% endfor %} {{ order_id | upcase }}{% assign c = carrier | append: \"!\" %} {{ c }}", "123 123-1234567-1234567 UPS!")]
    [InlineData("{% if eta %}Due {{ eta }}{% else %}Soon{% endif %}", "Due Tuesday 4 March 2025")]
    public void Small_loops_filters_and_assignments_still_render(string body, string expected)
    {
        var render = ReplyTemplateEngine.Render(ReplyTemplateEngine.Parse(body), Values);

        Assert.Equal(expected, render.Text);
    }
}
