using System.Collections.Concurrent;
using SkiaSharp;
using Svg.Skia;
using Svg.Skia.TypefaceProviders;

namespace PaperTrail.Rendering;

/// <summary>
/// Draws a share card: the theme's SVG template filled with the card's text, at 1200×630, encoded
/// as PNG (<see cref="PngWriter"/>). Every text is drawn with the design's font whatever family the
/// template names (<see cref="ShippedFont"/>), and only with characters that font has
/// (<see cref="ShareCardText"/>), so no font of the machine is used and the bytes are the same everywhere.
/// </summary>
/// <remarks>
/// A template whose texts are plain (<see cref="ShareCardTemplate.Slots"/>, the default theme's) is
/// read by Svg.Skia once: each card copies the picture of the template without its texts and draws
/// the texts on it with Skia, about 0.1 ms. Any other is filled and read by Svg.Skia card by card
/// (<see cref="ShareCardTemplate.Fill"/>): some 2 ms more a card.
/// </remarks>
internal static class ShareCardDrawer
{
    public const int Width = 1200;
    public const int Height = 630;

    // Skia's own pixel order, whose blitters draw text some three times faster than into Rgb888x.
    private static readonly SKImageInfo Info = new(Width, Height, SKColorType.Bgra8888, SKAlphaType.Opaque);

    // Canvases to draw cards on, one per thread drawing at once: a new 3 MB bitmap per card costs
    // more processor time (fresh pages) than drawing the card's texts.
    private static readonly ConcurrentBag<SKBitmap> Canvases = [];

    public static byte[] Draw(ShareCardDesign design, string site, ShareCard card)
    {
        var typeface = design.Typeface();
        using var font = Font(typeface, design.Template.TitleSize);
        var title = TitleWrap.Lines(ShareCardText.Drawable(card.Title, font), font, design.Template.TitleWidth);
        font.Size = design.Template.SubtitleSize;
        var subtitle = TitleWrap.Lines(ShareCardText.Drawable(card.Subtitle, font), font, design.Template.TitleWidth, maxLines: 1);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["site"] = ShareCardText.Drawable(site, font),
            ["title_1"] = title.ElementAtOrDefault(0) ?? "",
            ["title_2"] = title.ElementAtOrDefault(1) ?? "",
            ["title_3"] = title.ElementAtOrDefault(2) ?? "",
            ["subtitle"] = subtitle.ElementAtOrDefault(0) ?? "",
        };
        if (design.Template.Slots is not { } slots)
            return PngWriter.Encode(Pixels(design, typeface, values), Width, Height, Info.RowBytes);

        if (!Canvases.TryTake(out var bitmap)) bitmap = new SKBitmap(Info);
        try
        {
            design.Background().CopyTo(bitmap.GetPixelSpan());
            using (var canvas = new SKCanvas(bitmap))
            using (var paint = new SKPaint { IsAntialias = true })
            {
                foreach (var slot in slots)
                {
                    if (values.GetValueOrDefault(slot.Name, "") is not { Length: > 0 } text) continue;
                    font.Size = slot.Size;
                    paint.Color = slot.Color;
                    canvas.DrawText(text, slot.X, slot.Y, slot.Align, font, paint);
                }
            }
            return PngWriter.Encode(bitmap.GetPixelSpan(), Width, Height, bitmap.RowBytes);
        }
        finally
        {
            Canvases.Add(bitmap);
        }
    }

    /// <summary>The template filled with <paramref name="values"/> (XML-escaped), read and drawn by Svg.Skia: <see cref="Info"/>'s pixels.</summary>
    internal static byte[] Pixels(ShareCardDesign design, SKTypeface typeface, IReadOnlyDictionary<string, string> values)
    {
        using var svg = new SKSvg();
        svg.Settings.TypefaceProviders = [new ShippedFont(typeface)];
        var picture = svg.FromSvg(design.Template.Fill(values)); // the SKSvg's own, disposed with it
        using var bitmap = new SKBitmap(Info);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            if (picture is not null) canvas.DrawPicture(picture);
        }
        return bitmap.GetPixelSpan().ToArray();
    }

    /// <summary>The card's font at <paramref name="size"/>: unhinted, whole-pixel positions, greyscale edges, as on every machine.</summary>
    private static SKFont Font(SKTypeface typeface, float size) =>
        new(typeface, size) { Subpixel = false, Hinting = SKFontHinting.None, Edging = SKFontEdging.Antialias };

    /// <summary>The one font every text of a card is drawn with, whatever family, weight or slant it asks for.</summary>
    private sealed class ShippedFont(SKTypeface typeface) : ITypefaceProvider
    {
        public SKTypeface? FromFamilyName(string fontFamily, SKFontStyleWeight fontWeight, SKFontStyleWidth fontWidth, SKFontStyleSlant fontStyle) => typeface;
    }
}
