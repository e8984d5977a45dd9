using System.Security.Cryptography;
using PaperTrail.Errors;
using SkiaSharp;

namespace PaperTrail.Rendering;

/// <summary>
/// The theme's share card: its SVG template (<c>cards/card.svg</c>) and the font every card is drawn
/// with (<c>cards/font.ttf</c>), each from the nearest theme that has it. Shipping the font is what
/// makes a card the same bytes on every machine: no system font is ever asked for.
/// </summary>
internal sealed class ShareCardDesign
{
    public const string TemplateFile = "cards/card.svg";
    public const string FontFile = "cards/font.ttf";

    // One typeface per font, kept across builds (`serve` runs hundreds): the native object holds the
    // whole font file, and a new one per build would be freed only when a collection happens to run.
    private static (string Hash, SKTypeface Typeface)? s_typeface;
    private static readonly Lock TypefaceLock = new();

    public ShareCardTemplate Template { get; }

    /// <summary>Hex of a hash of the template's and the font's bytes: in every card's input, so a new design redraws every card.</summary>
    public string Hash { get; }

    private readonly byte[] _font;
    private readonly Lock _backgroundLock = new();
    private byte[]? _background;
    private readonly string _fontPath;

    private ShareCardDesign(ShareCardTemplate template, byte[] font, string fontPath, string hash)
    {
        Template = template;
        _font = font;
        _fontPath = fontPath;
        Hash = hash;
    }

    /// <summary>The theme's card design, or null when no theme of the chain has a card template (then pages have no og:image).</summary>
    public static ShareCardDesign? Find(ThemeFiles theme)
    {
        if (theme.Find(TemplateFile) is not { } templatePath) return null;
        var fontPath = theme.Find(FontFile)
            ?? throw UserError.At(DisplayPath.Of(templatePath), 0, $"the theme has a card template but no {FontFile} to draw its text with");
        var templateBytes = File.ReadAllBytes(templatePath);
        var font = File.ReadAllBytes(fontPath);
        var template = ShareCardTemplate.Parse(templatePath, new System.Text.UTF8Encoding(false, true).GetString(templateBytes));
        var hash = Convert.ToHexStringLower(SHA256.HashData([.. SHA256.HashData(templateBytes), .. SHA256.HashData(font)]))[..32];
        return new ShareCardDesign(template, font, fontPath, hash);
    }

    /// <summary>The font as Skia's typeface, made on first use: planning a build needs only the hash.</summary>
    public SKTypeface Typeface()
    {
        lock (TypefaceLock)
        {
            if (s_typeface is { } cached && cached.Hash == Hash) return cached.Typeface;
            using var data = SKData.CreateCopy(_font);
            var typeface = SKTypeface.FromData(data)
                ?? throw UserError.At(DisplayPath.Of(_fontPath), 0, "not a font Skia can read (TrueType or OpenType)");
            s_typeface = (Hash, typeface);
            return typeface;
        }
    }

    /// <summary>
    /// The template drawn with every placeholder empty, as <see cref="ShareCardDrawer"/>'s pixels:
    /// what every card of a template with <see cref="ShareCardTemplate.Slots"/> starts from. Drawn on
    /// first use, once a build.
    /// </summary>
    public byte[] Background()
    {
        lock (_backgroundLock)
            return _background ??= ShareCardDrawer.Pixels(this, Typeface(), new Dictionary<string, string>(StringComparer.Ordinal));
    }
}
