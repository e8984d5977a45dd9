using System.Globalization;
using SkiaSharp;

namespace PaperTrail.Rendering;

/// <summary>
/// A title broken into lines that fit a width, measured with the card's font: between words, or
/// inside a word longer than a line. Past <see cref="MaxLines"/> lines, the last one is cut and ends
/// in "…". A subtitle is one such line.
/// </summary>
internal static class TitleWrap
{
    public const int MaxLines = 3;
    private const string Ellipsis = "…";

    public static IReadOnlyList<string> Lines(string title, SKFont font, float width, int maxLines = MaxLines)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var joined = line.Length == 0 ? word : line + " " + word;
            if (font.MeasureText(joined) <= width)
            {
                line = joined;
                continue;
            }
            if (line.Length > 0) lines.Add(line);
            line = word;
            // A word wider than a line alone ("Pneumonoultramicroscopic…", a URL) is broken where it reaches the edge.
            while (font.MeasureText(line) > width)
            {
                var fits = Fitting(line, font, width);
                lines.Add(line[..fits]);
                line = line[fits..];
            }
        }
        if (line.Length > 0) lines.Add(line);
        if (lines.Count <= maxLines) return lines;
        var last = lines[maxLines - 1] + " " + lines[maxLines];
        return [.. lines.Take(maxLines - 1), WithEllipsis(last, font, width)];
    }

    /// <summary>The text cut to fit the width with "…" after it, at a space when there is one near the end.</summary>
    private static string WithEllipsis(string text, SKFont font, float width)
    {
        var fits = Fitting(text, font, width - font.MeasureText(Ellipsis));
        var cut = text[..fits];
        var space = cut.LastIndexOf(' ');
        if (space > cut.Length * 2 / 3) cut = cut[..space];
        return cut.TrimEnd(' ', ',', ';', ':') + Ellipsis;
    }

    /// <summary>How many chars of <paramref name="text"/> (whole text elements, at least one) fit the width.</summary>
    private static int Fitting(string text, SKFont font, float width)
    {
        var fits = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var end = elements.ElementIndex + ((string)elements.Current).Length;
            if (font.MeasureText(text.AsSpan(0, end)) > width) break;
            fits = end;
        }
        return fits > 0 ? fits : StringInfo.GetNextTextElementLength(text);
    }
}
