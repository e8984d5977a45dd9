using SkiaSharp;
using Svg.Skia;
using Svg.Skia.TypefaceProviders;

namespace PaperTrail.Rendering;

/// <summary>
/// Draws a share card: the theme's SVG template filled with the card's text (<see cref="ShareCardTemplate"/>),
/// rendered by Svg.Skia at 1200×630 and encoded as PNG. Every text is drawn with the design's font
/// whatever family the template names (<see cref="ShippedFont"/>), and only with characters that font
/// has (<see cref="ShareCardText"/>), so no font of the machine is used and the bytes are the same everywhere.
/// </summary>
internal static class ShareCardDrawer
{
    public const int Width = 1200;
    public const int Height = 630;

    // Pinned, not the encoder's defaults, which a newer Skia may change: the bytes are part of the output.
    // An opaque RGB canvas, no row filter and zlib level 3: a card (flat colour and text) takes about
    // 4 ms of processor time to draw and encode, and some 29 KB. Skia's defaults (premultiplied RGBA,
    // every filter tried, level 6) took 25 ms for 28 KB: 40 s of a cold build's processor time at
    // 10,000 papers (1,566 cards). Level 4 and up: 20 KB for 2.5 ms more per card.
    private static readonly SKPngEncoderOptions Png = new(SKPngEncoderFilterFlags.None, 3);

    public static byte[] Draw(ShareCardDesign design, string site, ShareCard card)
    {
        var typeface = design.Typeface();
        using var font = new SKFont(typeface, design.Template.TitleSize) { Subpixel = false, Hinting = SKFontHinting.None, Edging = SKFontEdging.Antialias };
        var title = TitleWrap.Lines(ShareCardText.Drawable(card.Title, font), font, design.Template.TitleWidth);
        font.Size = design.Template.SubtitleSize;
        var subtitle = TitleWrap.Lines(ShareCardText.Drawable(card.Subtitle, font), font, design.Template.TitleWidth, maxLines: 1);
        var svgText = design.Template.Fill(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["site"] = ShareCardText.Drawable(site, font),
            ["title_1"] = title.ElementAtOrDefault(0) ?? "",
            ["title_2"] = title.ElementAtOrDefault(1) ?? "",
            ["title_3"] = title.ElementAtOrDefault(2) ?? "",
            ["subtitle"] = subtitle.ElementAtOrDefault(0) ?? "",
        });

        using var svg = new SKSvg();
        svg.Settings.TypefaceProviders = [new ShippedFont(typeface)];
        var picture = svg.FromSvg(svgText); // the SKSvg's own, disposed with it
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgb888x, SKAlphaType.Opaque));
        surface.Canvas.Clear(SKColors.White);
        if (picture is not null) surface.Canvas.DrawPicture(picture);
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels() ?? throw new InvalidOperationException("a raster surface has pixels");
        using var png = pixels.Encode(Png) ?? throw new InvalidOperationException("Skia could not encode the card as PNG");
        return png.ToArray();
    }

    /// <summary>The one font every text of a card is drawn with, whatever family, weight or slant it asks for.</summary>
    private sealed class ShippedFont(SKTypeface typeface) : ITypefaceProvider
    {
        public SKTypeface? FromFamilyName(string fontFamily, SKFontStyleWeight fontWeight, SKFontStyleWidth fontWidth, SKFontStyleSlant fontStyle) => typeface;
    }
}
