using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace LogisticsLink.Server.Support.Pdf;

/// <summary>
/// Writes lines of text down A4 pages, starting a new page when the current one is full, so a pack with hundreds of
/// events simply runs over more pages. Long text is wrapped at word boundaries (and inside words too long for a line).
/// </summary>
internal sealed class PdfPageWriter : IDisposable
{
    private const double Margin = 40;
    private const double FooterHeight = 20;

    private readonly PdfDocument _document;
    private readonly XFont _text = new(EmbeddedFontResolver.Family, 8);
    private readonly XFont _small = new(EmbeddedFontResolver.Family, 7);
    private readonly XFont _heading = new(EmbeddedFontResolver.Family, 11, XFontStyleEx.Bold);
    private readonly XFont _title = new(EmbeddedFontResolver.Family, 14, XFontStyleEx.Bold);
    private XGraphics? _graphics;
    private PdfPage? _page;
    private double _y;

    public PdfPageWriter(PdfDocument document)
    {
        _document = document;
        NewPage();
    }

    private double Width => _page!.Width.Point - 2 * Margin;

    public void Title(string text) => Write(text, _title, 0, spaceBefore: 0);

    public void Heading(string text) => Write(text, _heading, 0, spaceBefore: 8);

    public void Line(string text, double indent = 0) => Write(text, _text, indent, spaceBefore: 0);

    public void Small(string text, double indent = 0) => Write(text, _small, indent, spaceBefore: 0);

    /// <summary>A label and its value on one line (wrapped under the value when long).</summary>
    public void Field(string label, string value, double indent = 0) => Line($"{label}: {(value.Length > 0 ? value : "—")}", indent);

    public const double ColumnGap = 4;

    /// <summary>Cells at fixed x offsets (points from the left margin) on one line; each cell is cut to its column.</summary>
    public void Row(IReadOnlyList<(double X, string Text)> cells, bool bold = false)
    {
        var font = bold ? new XFont(EmbeddedFontResolver.Family, 8, XFontStyleEx.Bold) : _text;
        Reserve(font.GetHeight());
        for (var i = 0; i < cells.Count; i++)
        {
            var right = i + 1 < cells.Count ? cells[i + 1].X - ColumnGap : Width;
            var text = Fit(cells[i].Text, font, right - cells[i].X);
            _graphics!.DrawString(text, font, XBrushes.Black, Margin + cells[i].X, _y, XStringFormats.TopLeft);
        }
        _y += font.GetHeight();
    }

    /// <summary>Draws "page n of N" on every page; call once, after the last line.</summary>
    public void Footers(string label)
    {
        _graphics?.Dispose();
        _graphics = null;
        for (var i = 0; i < _document.PageCount; i++)
        {
            var page = _document.Pages[i];
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            gfx.DrawString($"{label} — page {i + 1} of {_document.PageCount}", _small, XBrushes.Gray,
                Margin, page.Height.Point - Margin / 2 - _small.GetHeight(), XStringFormats.TopLeft);
        }
    }

    public void Dispose() => _graphics?.Dispose();

    private void Write(string text, XFont font, double indent, double spaceBefore)
    {
        _y += spaceBefore;
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            foreach (var line in Wrap(paragraph, font, Width - indent))
            {
                Reserve(font.GetHeight());
                _graphics!.DrawString(line, font, XBrushes.Black, Margin + indent, _y, XStringFormats.TopLeft);
                _y += font.GetHeight();
            }
        }
    }

    private void Reserve(double height)
    {
        if (_y + height > _page!.Height.Point - Margin - FooterHeight)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        _graphics?.Dispose();
        _page = _document.AddPage();
        _page.Size = PageSize.A4;
        _graphics = XGraphics.FromPdfPage(_page);
        _y = Margin;
    }

    private IEnumerable<string> Wrap(string paragraph, XFont font, double width)
    {
        if (paragraph.Length == 0)
        {
            yield return "";
            yield break;
        }
        var line = "";
        foreach (var word in paragraph.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (Measure(candidate, font) <= width)
            {
                line = candidate;
                continue;
            }
            if (line.Length > 0)
            {
                yield return line;
            }
            line = word;
            // A word wider than the line (a URL, a hash) is cut where it reaches the margin.
            while (Measure(line, font) > width && line.Length > 1)
            {
                var cut = line.Length - 1;
                while (cut > 1 && Measure(line[..cut], font) > width)
                {
                    cut--;
                }
                yield return line[..cut];
                line = line[cut..];
            }
        }
        yield return line;
    }

    private string Fit(string text, XFont font, double width)
    {
        if (Measure(text, font) <= width)
        {
            return text;
        }
        var cut = text.Length;
        while (cut > 1 && Measure(text[..cut] + "…", font) > width)
        {
            cut--;
        }
        return text[..cut] + "…";
    }

    private double Measure(string text, XFont font) => _graphics!.MeasureString(text, font).Width;
}
