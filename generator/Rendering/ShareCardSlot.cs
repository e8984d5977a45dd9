using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using SkiaSharp;

namespace PaperTrail.Rendering;

/// <summary>
/// One text of the card template that is nothing but a placeholder (<c>&lt;text x="80" y="250"&gt;{{title_1}}&lt;/text&gt;</c>):
/// where and how the card's text goes, so a card can be drawn as the template's picture without
/// its texts, drawn once a build, plus these texts (<see cref="ShareCardDrawer"/>).
/// </summary>
internal sealed partial record ShareCardSlot(string Name, float X, float Y, float Size, SKColor Color, SKTextAlign Align)
{
    // What a slot and the groups around it may say: anything else (a transform, a style, an opacity,
    // a class a stylesheet could match, letter spacing...) is drawn only by Svg.Skia, card by card.
    private static readonly HashSet<string> Inherited = new(StringComparer.Ordinal) { "font-family", "font-weight", "font-size", "fill", "text-anchor" };
    private static readonly HashSet<string> OnText = new(StringComparer.Ordinal) { "x", "y", "id" };
    private static readonly HashSet<string> OnRoot = new(StringComparer.Ordinal) { "width", "height", "viewBox", "version" };

    [GeneratedRegex(@"^\s*\{\{\s*([^}\s]*)\s*\}\}\s*$")]
    private static partial Regex OnlyPlaceholder();

    [GeneratedRegex(@"\{\{")]
    private static partial Regex AnyPlaceholder();

    /// <summary>
    /// The template's slots, when its texts can be drawn over a picture of the rest: every
    /// placeholder is the whole text of a plain &lt;text&gt; (positioned by x and y, styled only by
    /// font size, fill colour and anchor, itself or through plain groups) and nothing is drawn
    /// after the first of them but such texts. Otherwise null: every card is then drawn from the
    /// whole SVG, which any template can be, only some 2 ms slower.
    /// </summary>
    public static IReadOnlyList<ShareCardSlot>? Read(string template, int width, int height)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(template), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null; // ShareCardTemplate.Parse reports it
        }
        var root = document.Root!;
        if (root.Name.LocalName != "svg" || !Plain(root, OnRoot, root: true)) return null;
        if (Pixels(root.Attribute("width")?.Value) != width || Pixels(root.Attribute("height")?.Value) != height) return null;
        if (root.Attribute("viewBox")?.Value is { } box && box.Trim() != $"0 0 {width} {height}") return null;

        var slots = new List<ShareCardSlot>();
        foreach (var element in root.Descendants())
        {
            if (element.Name.LocalName == "g") continue; // a group draws only what it holds, each checked on its own
            if (element.Name.LocalName == "text" && Slot(element) is { } slot)
            {
                slots.Add(slot);
                continue;
            }
            // A placeholder elsewhere, a stylesheet, or anything drawn after a slot (it could cover the text).
            if (slots.Count > 0 || element.Name.LocalName == "style" || (element.Name.LocalName == "text" && element.Value.Contains("{{", StringComparison.Ordinal)))
                return null;
        }
        // A placeholder anywhere else (an attribute, a title) is filled only when the whole SVG is (a comment's is no matter).
        var placeholders = root.DescendantNodesAndSelf().OfType<XText>().Count(t => AnyPlaceholder().IsMatch(t.Value))
            + root.DescendantsAndSelf().SelectMany(e => e.Attributes()).Count(a => AnyPlaceholder().IsMatch(a.Value));
        return placeholders == slots.Count ? slots : null;
    }

    private static ShareCardSlot? Slot(XElement text)
    {
        if (text.Nodes().Count() != 1 || text.FirstNode is not XText content) return null;
        var match = OnlyPlaceholder().Match(content.Value);
        if (!match.Success || !Plain(text, OnText, root: false)) return null;
        for (var parent = text.Parent; parent is not null && parent != text.Document!.Root; parent = parent.Parent)
            if (parent.Name.LocalName != "g" || !Plain(parent, ["id"], root: false)) return null;

        float? x = Number(text.Attribute("x")?.Value ?? "0"), y = Number(text.Attribute("y")?.Value ?? "0"), size = Pixels(Nearest(text, "font-size"));
        if (x is null || y is null || size is not > 0) return null;
        if (!Colour(Nearest(text, "fill") ?? "#000000", out var colour)) return null;
        SKTextAlign? align = (Nearest(text, "text-anchor") ?? "start") switch
        {
            "start" => SKTextAlign.Left,
            "middle" => SKTextAlign.Center,
            "end" => SKTextAlign.Right,
            _ => null,
        };
        return align is { } a ? new ShareCardSlot(match.Groups[1].Value, x.Value, y.Value, size.Value, colour, a) : null;
    }

    /// <summary>Whether an element says nothing but what a slot can honour: no namespaced attribute but xmlns and the root's data-*.</summary>
    private static bool Plain(XElement element, IEnumerable<string> own, bool root) =>
        element.Attributes().All(a => a.IsNamespaceDeclaration
            || (a.Name.Namespace == XNamespace.None && (Inherited.Contains(a.Name.LocalName) || own.Contains(a.Name.LocalName)
                || (root && a.Name.LocalName.StartsWith("data-", StringComparison.Ordinal)))));

    /// <summary>A presentation attribute as inherited: the text's own, else the nearest group's.</summary>
    private static string? Nearest(XElement element, string name)
    {
        for (var e = element; e is not null; e = e.Parent)
            if (e.Attribute(name)?.Value is { } value) return value.Trim();
        return null;
    }

    private static float? Number(string? value) =>
        float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && float.IsFinite(n) ? n : null;

    private static float? Pixels(string? value) =>
        value is null ? null : Number(value.EndsWith("px", StringComparison.Ordinal) ? value[..^2] : value);

    /// <summary>#rgb or #rrggbb only (SKColor would read #aarrggbb, which SVG reads as #rrggbbaa).</summary>
    private static bool Colour(string value, out SKColor colour)
    {
        colour = default;
        return value.StartsWith('#') && value.Length is 4 or 7 && value.Skip(1).All(char.IsAsciiHexDigit) && SKColor.TryParse(value, out colour);
    }
}
