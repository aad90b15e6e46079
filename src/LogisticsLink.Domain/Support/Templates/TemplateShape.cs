using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace LogisticsLink.Domain.Support.Templates;

/// <summary>
/// What a parsed template may contain, checked before it runs: work the rendering bounds cannot see is refused here.
/// A range is built whole before its loop counts a step, so its bounds must be numbers written in the template and
/// few; a <c>capture</c> gathers text out of sight of the output bound.
/// </summary>
internal sealed class TemplateShape : AstVisitor
{
    public static void Check(IFluidTemplate template) => new TemplateShape().VisitTemplate(template);

    protected override Expression VisitRangeExpression(RangeExpression range)
    {
        if (Number(range.From) is not { } from || Number(range.To) is not { } to)
        {
            throw new TemplateLimitException(
                $"a range's bounds must be whole numbers written in the template, e.g. (1..3): the range limit is {TemplateLimits.MaxRangeLength} numbers");
        }
        if (to - from + 1 > TemplateLimits.MaxRangeLength)
        {
            throw new TemplateLimitException(
                $"the range ({from}..{to}) has {to - from + 1} numbers: the range limit is {TemplateLimits.MaxRangeLength}");
        }
        return base.VisitRangeExpression(range);
    }

    protected override Statement VisitCaptureStatement(CaptureStatement capture) =>
        throw new TemplateLimitException(
            $"capture is not allowed in reply templates: its text escapes the limit of {TemplateLimits.MaxTextLength} characters on the reply; use assign");

    private static decimal? Number(Expression bound) =>
        bound is LiteralExpression { Value: NumberValue number } ? decimal.Truncate(number.ToNumberValue()) : null;
}
