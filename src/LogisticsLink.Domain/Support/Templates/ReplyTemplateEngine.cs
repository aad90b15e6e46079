using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;

namespace LogisticsLink.Domain.Support.Templates;

/// <summary>
/// Renders reply macros written in Liquid (the Fluid engine). Fails closed: printing a placeholder whose value is not
/// known, or one that does not exist, is reported by name instead of leaving a blank in the text.
/// </summary>
public static class ReplyTemplateEngine
{
    private static readonly FluidParser Parser = new();

    /// <summary>Parses a template body; a syntax error is a <see cref="TemplateSyntaxException"/> saying where.</summary>
    /// <exception cref="TemplateLimitException">The body is too long, or holds work the rendering bounds cannot stop.</exception>
    public static IFluidTemplate Parse(string body)
    {
        if (body.Length > TemplateLimits.MaxTemplateLength)
        {
            throw new TemplateLimitException(
                $"the template has {body.Length} characters: the template length limit is {TemplateLimits.MaxTemplateLength}");
        }
        var template = Parser.TryParse(body, out var parsed, out var error) ? parsed : throw new TemplateSyntaxException(error);
        TemplateShape.Check(template);
        return template;
    }

    /// <exception cref="TemplateLimitException">The rendering went past one of <see cref="TemplateLimits"/>, and was stopped there.</exception>
    /// <exception cref="TemplateFilterException">The template's arithmetic failed (overflow, division by zero).</exception>
    public static TemplateRender Render(IFluidTemplate template, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var missing = new List<string>();
        var unknown = new List<string>();
        var options = new TemplateOptions { CultureInfo = CultureInfo.InvariantCulture, MaxSteps = TemplateLimits.MaxSteps };
        var budget = new RenderBudget(cancellationToken);
        budget.Guard(options);
        options.Undefined = name =>
        {
            if (!unknown.Contains(name))
            {
                unknown.Add(name);
            }
            return ValueTask.FromResult<FluidValue>(NilValue.Instance);
        };
        var context = new TemplateContext(options);
        foreach (var (name, value) in values)
        {
            context.SetValue(name, value is null ? new MissingValue(name, missing) : new StringValue(value));
        }
        var writer = budget.Writer();
        try
        {
            // Everything it awaits is in memory and completes at once, as in Fluid's own synchronous Render.
            template.RenderAsync(writer, NullEncoder.Default, context).AsTask().GetAwaiter().GetResult();
        }
        // Fluid says "maximum level of recursion" for its step limit and for its nesting limit alike.
        catch (InvalidOperationException e) when (e.Message.Contains("maximum", StringComparison.OrdinalIgnoreCase))
        {
            throw new TemplateLimitException(
                $"rendering it takes more than {TemplateLimits.MaxSteps} steps (loop iterations and tags): the steps limit is {TemplateLimits.MaxSteps}");
        }
        // A tag's number the engine converts, checked, to a count (a for loop's limit or offset).
        catch (Exception e) when (e is ArithmeticException or ArgumentException)
        {
            throw new TemplateFilterException($"a tag's number is out of range ({e.Message})", e);
        }
        return new TemplateRender(writer.ToString() ?? "", missing, unknown);
    }

    /// <summary>A placeholder without a value: false in a condition, an error when printed.</summary>
    private sealed class MissingValue(string name, List<string> printed) : FluidValue
    {
        public override FluidValues Type => FluidValues.Nil;

        public override bool Equals(FluidValue other) => other.IsNil();

        public override bool IsNil() => true;

        public override bool ToBooleanValue() => false;

        public override decimal ToNumberValue() => 0;

        public override object ToObjectValue() => null!;

        public override string ToStringValue()
        {
            Note();
            return "";
        }

        public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
        {
            Note();
            return ValueTask.CompletedTask;
        }

        public override int GetHashCode() => name.GetHashCode(StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is FluidValue other && Equals(other);

        private void Note()
        {
            if (!printed.Contains(name))
            {
                printed.Add(name);
            }
        }
    }
}

/// <summary>The rendered text and what kept it from being complete.</summary>
/// <param name="Missing">Placeholders printed without a value.</param>
/// <param name="Unknown">Names used that are not placeholders at all.</param>
public sealed record TemplateRender(string Text, IReadOnlyList<string> Missing, IReadOnlyList<string> Unknown)
{
    public bool IsComplete => Missing.Count == 0 && Unknown.Count == 0;
}

public sealed class TemplateSyntaxException(string message) : Exception(message);

/// <summary>
/// A template's filter failed on its values: arithmetic (a number out of decimal's range, a division by zero, a number a
/// filter or a tag cannot take, such as a count past <see cref="int.MaxValue"/>) or a decoding filter given text it
/// cannot decode (<c>base64_decode</c>). The message says where.
/// </summary>
public sealed class TemplateFilterException(string message, Exception inner) : TemplateRenderException("filter error", message, inner);
