using PdfSharp.Fonts;

namespace LogisticsLink.Server.Support.Pdf;

/// <summary>
/// Gives PDFsharp the one font evidence PDFs use, DejaVu Sans Condensed, from this assembly's resources: a server on
/// Linux or in a container may have no fonts at all. Bold is simulated, so one face file is enough.
/// </summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    public const string Family = "LogisticsLink Sans";
    private const string FaceName = "DejaVuSansCondensed";
    private const string ResourceName = "LogisticsLink.Server.Support.Pdf.DejaVuSansCondensed.ttf";

    // PDFsharp's resolver is process-wide and must always be given the same instance: this one, set before first use.
    private static readonly EmbeddedFontResolver Instance = new();
    private static readonly Lazy<byte[]> Face = new(Load);

    public static void Install() => GlobalFontSettings.FontResolver = Instance;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(FaceName, mustSimulateBold: bold, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => faceName == FaceName ? Face.Value : null;

    private static byte[] Load()
    {
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded font {ResourceName} is missing from the server assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
