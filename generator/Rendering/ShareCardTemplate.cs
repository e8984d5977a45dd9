using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using PaperTrail.Errors;

namespace PaperTrail.Rendering;

/// <summary>
/// The theme's card template (<c>cards/card.svg</c>): an SVG whose text holds the placeholders
/// <c>{{site}}</c>, <c>{{title_1}}</c> to <c>{{title_3}}</c> and <c>{{subtitle}}</c>. Filling it is a plain
/// replacement of those names by XML-escaped text: a card shows scraped titles, which are data, never
/// a template. The template is checked when read: a placeholder of another name, or an SVG that is not
/// well-formed XML once filled, fails the build naming the file and line.
/// </summary>
internal sealed partial class ShareCardTemplate
{
    public static readonly string[] Names = ["site", "title_1", "title_2", "title_3", "subtitle"];

    private readonly string _text;

    /// <summary>
    /// The title's font size and the width it is wrapped to, and the subtitle's size (cut to the same
    /// width), in the template's pixels: the root's data-title-size, data-title-width and data-subtitle-size.
    /// </summary>
    public float TitleSize { get; }

    public float TitleWidth { get; }

    public float SubtitleSize { get; }

    /// <summary>Where the texts go when the template allows drawing them over a picture of the rest, else null (<see cref="ShareCardSlot.Read"/>).</summary>
    public IReadOnlyList<ShareCardSlot>? Slots { get; }

    private ShareCardTemplate(string text, float titleSize, float titleWidth, float subtitleSize)
    {
        _text = text;
        Slots = ShareCardSlot.Read(text, ShareCardDrawer.Width, ShareCardDrawer.Height);
        TitleSize = titleSize;
        TitleWidth = titleWidth;
        SubtitleSize = subtitleSize;
    }

    [GeneratedRegex(@"\{\{\s*([^}\s]*)\s*\}\}")]
    private static partial Regex Placeholder();

    /// <summary>Reads and checks the template at <paramref name="path"/> from its <paramref name="text"/>.</summary>
    public static ShareCardTemplate Parse(string path, string text)
    {
        foreach (Match match in Placeholder().Matches(text))
            if (!Names.Contains(match.Groups[1].Value, StringComparer.Ordinal))
                throw UserError.At(DisplayPath.Of(path), TextLines.LineAt(text, match.Index),
                    $"unknown placeholder '{match.Value}' in the card template; it knows {string.Join(", ", Names.Select(n => "{{" + n + "}}"))}");
        var sample = Fill(text, Names.ToDictionary(n => n, n => n, StringComparer.Ordinal));
        float size = 64, width = 1040, subtitle = 30;
        try
        {
            using var reader = XmlReader.Create(new StringReader(sample), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (reader.LocalName != "svg")
                    throw UserError.At(DisplayPath.Of(path), ((IXmlLineInfo)reader).LineNumber, "the card template's root element must be <svg>");
                size = Number(reader, "data-title-size", size, path);
                width = Number(reader, "data-title-width", width, path);
                subtitle = Number(reader, "data-subtitle-size", subtitle, path);
                reader.Skip();
                while (reader.Read()) { }
                break;
            }
        }
        catch (XmlException e)
        {
            throw UserError.At(DisplayPath.Of(path), e.LineNumber, $"the card template is not well-formed XML: {e.Message}");
        }
        return new ShareCardTemplate(text, size, width, subtitle);
    }

    /// <summary>The SVG with each placeholder replaced by its value, XML-escaped; a name not given is left empty.</summary>
    public string Fill(IReadOnlyDictionary<string, string> values) =>
        Fill(_text, values);

    private static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => Escape(values.GetValueOrDefault(m.Groups[1].Value, "")));

    /// <summary>Text as XML character data and attribute value alike: &amp; &lt; &gt; " ' escaped, characters XML cannot carry dropped.</summary>
    public static string Escape(string value)
    {
        var clean = XmlText.Clean(value);
        var sb = new StringBuilder(clean.Length + 16);
        foreach (var c in clean)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&apos;"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    private static float Number(XmlReader reader, string name, float fallback, string path)
    {
        var value = reader.GetAttribute(name);
        if (value is null) return fallback;
        if (float.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 && n < 10_000) return n;
        throw UserError.At(DisplayPath.Of(path), ((IXmlLineInfo)reader).LineNumber, $"{name}=\"{value}\" must be a number of pixels above 0");
    }

}
