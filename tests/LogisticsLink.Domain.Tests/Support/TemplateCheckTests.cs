using LogisticsLink.Domain.Support.Templates;

namespace LogisticsLink.Domain.Tests.Support;

/// <summary>
/// The check a tenant's template passes before it is stored covers every branch, not only the one the sample values
/// take: otherwise text behind <c>{% unless eta %}</c> reaches buyers unchecked.
/// </summary>
public sealed class TemplateCheckTests
{
    [Theory]
    [InlineData("Order {{ order_id }}.{% unless eta %} Sorry for the wait: use coupon SAVE10 at www.myshop.com{% endunless %}", "link")]
    [InlineData("Order {{ order_id }}.{% unless eta %} Sorry for the wait: use coupon SAVE10 at www.myshop.com{% endunless %}", "marketing")]
    [InlineData("Order {{ order_id }}.{% if eta %} Due {{ eta }}.{% else %} Write to help@myshop.example{% endif %}", "email_address")]
    [InlineData("Order {{ order_id }}.{% if status == 'lost' %} Call +33 6 12 34 56 78{% endif %}", "phone_number")]
    // Text printed from a string literal is text too.
    [InlineData("Order {{ order_id }}.{% unless eta %}{{ \"www.myshop.com\" }}{% endunless %}", "link")]
    [InlineData("Order {{ order_id }}.{% unless eta %} www.my{% if carrier %}{% endif %}shop.com{% endunless %}", "link")]
    public void A_breach_in_a_branch_the_sample_values_do_not_take_is_refused(string body, string code)
    {
        var problems = ReplyComposer.Problems(body, "en", "amazon");

        Assert.Contains(problems, p => p.StartsWith(code + ":", StringComparison.Ordinal));
    }

    // Liquid filters assemble text that is in no literal (replace, upcase): in a branch the full sample values skip,
    // the save-time check renders it with no values known too. At reply time the rendered text is checked whatever the
    // template: the reply is not compliant, so it is neither recorded nor rendered without findings_only.
    [Theory]
    [InlineData("Order {{ order_id }}.{% unless eta %} Please leave us a {{ \"reXiew\" | replace: \"X\", \"v\" }}.{% endunless %}", "review_request")]
    [InlineData("Order {{ order_id }}.{% unless eta %} {{ \"leave us a rXview\" | replace: \"X\", \"e\" | upcase }}{% endunless %}", "review_request")]
    [InlineData("Order {{ order_id }}.{% if eta %} Due {{ eta }}.{% else %} News on {{ \"myshopXcom\" | replace: \"X\", \".\" }}{% endif %}", "link")]
    public void Text_built_by_filters_in_a_branch_the_sample_skips_is_refused_and_flagged_when_rendered(string body, string code)
    {
        var problems = ReplyComposer.Problems(body, "en", "amazon");
        var locale = ReplyLocale.Resolve("en");
        var values = new Dictionary<string, string?>(ReplyValues.Sample(locale)) { [ReplyValues.Eta] = null };
        var reply = ReplyComposer.Compose("custom", 1, body, locale, values, "amazon");

        Assert.Contains(problems, p => p.StartsWith(code + ":", StringComparison.Ordinal));
        Assert.False(reply.Compliant);
        Assert.Contains(reply.Findings, f => f.Code == code);
    }

    [Fact]
    public void A_branch_is_not_checked_for_a_channel_without_a_policy_and_one_breach_is_reported_once()
    {
        var body = "Order {{ order_id }}: see www.myshop.com.{% unless eta %} Sorry.{% endunless %}";

        Assert.Empty(ReplyComposer.Problems(body, "en", "shopify"));
        Assert.Single(ReplyComposer.Problems(body, "en", "amazon"));
    }

    [Fact]
    public void Branches_that_exclude_each_other_are_not_too_long_together()
    {
        var branch = string.Join(" ", Enumerable.Repeat("Your parcel is on its way.", 45));
        var body = $"Order {{{{ order_id }}}}.{{% if eta %}} {branch}{{% else %}} {branch}{{% endif %}}";

        Assert.Empty(ReplyComposer.Problems(body, "en", "amazon"));
        Assert.Contains(ReplyComposer.Problems(body + " " + branch, "en", "amazon"), p => p.StartsWith("too_long:", StringComparison.Ordinal));
    }

    public static TheoryData<string, string> EveryBuiltInTemplate()
    {
        var data = new TheoryData<string, string>();
        foreach (var id in BuiltInTemplates.Default.TemplateIds)
        {
            foreach (var language in ReplyLocale.Languages)
            {
                data.Add(id, language);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryBuiltInTemplate))]
    public void Every_built_in_template_would_be_accepted_as_a_tenants(string templateId, string language)
    {
        var body = BuiltInTemplates.Default.Find(templateId, language)!;

        Assert.Empty(ReplyComposer.Problems(body, language, "amazon"));
    }
}
