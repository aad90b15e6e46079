using System.Text;
using Fluid;
using Fluid.Values;

namespace LogisticsLink.Domain.Support.Templates;

/// <summary>
/// The work one rendering has left (<see cref="TemplateLimits"/>), and the call's cancellation: every filter call,
/// assignment and write passes through here, so a rendering stops as soon as it goes past a bound or the caller
/// gives up, not when it is done.
/// </summary>
internal sealed class RenderBudget(CancellationToken cancellationToken)
{
    private readonly CancellationToken _cancellation = cancellationToken;
    private long _filterWork;

    /// <summary>Replaces every filter of <paramref name="options"/> with one that is charged to the budget first.</summary>
    public void Guard(TemplateOptions options)
    {
        foreach (var (name, filter) in options.Filters.ToList())
        {
            options.Filters.AddFilter(name, (input, arguments, context) => Run(name, filter, input, arguments, context));
        }
        options.Assigned = (name, value, _) =>
        {
            _cancellation.ThrowIfCancellationRequested();
            CheckLength($"'{name}'", Length(value));
            return ValueTask.FromResult(value);
        };
    }

    public TextWriter Writer() => new BoundedWriter(this);

    private async ValueTask<FluidValue> Run(string name, FilterDelegate filter, FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        _cancellation.ThrowIfCancellationRequested();
        var longestArgument = Enumerable.Range(0, arguments.Count).Select(i => Length(arguments.At(i))).DefaultIfEmpty(0).Max();
        _filterWork += Math.Max(1L, Length(input)) * Math.Max(1L, longestArgument);
        if (_filterWork > TemplateLimits.MaxFilterWork)
        {
            throw new TemplateLimitException(
                $"its filters handle more than {TemplateLimits.MaxFilterWork} characters (at '{name}'): the filter work limit is {TemplateLimits.MaxFilterWork}");
        }
        FluidValue result;
        try
        {
            result = await filter(input, arguments, context);
        }
        // Fluid's number filters compute in decimal and convert counts to int, both checked, and its decoding filters
        // refuse what they cannot decode: the template's numbers or a reply's values, not a fault.
        catch (Exception e) when (e is ArithmeticException or ArgumentException or FormatException)
        {
            throw new TemplateFilterException(e switch
            {
                DivideByZeroException => $"'{name}' divides a number by zero",
                OverflowException => $"'{name}' makes or takes a number out of range ({e.Message})",
                FormatException => $"'{name}' cannot read its input ({e.Message})",
                _ => $"'{name}' cannot take its number argument ({e.Message})",
            }, e);
        }
        CheckLength($"the result of '{name}'", Length(result));
        return result;
    }

    private static void CheckLength(string what, long length)
    {
        if (length > TemplateLimits.MaxTextLength)
        {
            throw new TemplateLimitException(
                $"{what} is longer than {TemplateLimits.MaxTextLength} characters: the text limit is {TemplateLimits.MaxTextLength}");
        }
    }

    // Never the text of a value that is not known: reading it would count as printing it.
    private static long Length(FluidValue value) => value switch
    {
        StringValue text => text.ToStringValue().Length,
        ArrayValue array => array.Values.Sum(Length),
        NumberValue or BooleanValue => value.ToStringValue().Length,
        _ => 0,
    };

    /// <summary>The reply as it is written, refused once it passes the text limit.</summary>
    private sealed class BoundedWriter(RenderBudget budget) : TextWriter
    {
        private readonly StringBuilder _text = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Write([value]);

        public override void Write(string? value) => Write(value.AsSpan());

        public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

        public override void Write(ReadOnlySpan<char> buffer)
        {
            budget._cancellation.ThrowIfCancellationRequested();
            CheckLength("the rendered text", (long)_text.Length + buffer.Length);
            _text.Append(buffer);
        }

        public override Task WriteAsync(char value)
        {
            Write(value);
            return Task.CompletedTask;
        }

        public override Task WriteAsync(string? value)
        {
            Write(value);
            return Task.CompletedTask;
        }

        public override Task WriteAsync(char[] buffer, int index, int count)
        {
            Write(buffer, index, count);
            return Task.CompletedTask;
        }

        public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return Task.CompletedTask;
        }

        public override string ToString() => _text.ToString();
    }
}
