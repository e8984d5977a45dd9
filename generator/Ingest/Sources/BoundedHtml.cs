using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Text;
using PaperTrail.Content;

namespace PaperTrail.Ingest.Sources;

/// <summary>
/// Parses an HTML page with AngleSharp, stopped as soon as the tree it builds is deeper than
/// <see cref="InputLimits.MaxHtmlDepth"/> or larger than <see cref="InputLimits.MaxElements"/>.
/// The parser's work for each tag grows with the number of elements still open (it scans them to
/// find what a tag closes, and checks its list of open formatting elements against them), so a page
/// of unclosed tags costs the square of its size: 800 KB of <c>&lt;b&gt;</c> took two minutes.
/// Every such page builds a deep tree, and a real one is about 20 deep; so the depth is watched as
/// the tree grows (each element is measured when the next one is made) and the parse ends there.
/// </summary>
internal static class BoundedHtml
{
    private sealed class OverLimit(TextPosition at, string why) : Exception(why)
    {
        public TextPosition At { get; } = at;
    }

    /// <summary>The page's document; refused, naming the line, when it is over a limit.</summary>
    public static IDocument Parse(string sourceFile, string html)
    {
        var elements = 0;
        IElement? previous = null;
        var options = new HtmlParserOptions
        {
            OnCreated = (element, position) =>
            {
                // The element made before this one has its place in the tree by now.
                if (previous is not null && DepthOf(previous) > InputLimits.MaxHtmlDepth)
                    throw new OverLimit(position, $"elements nested more than {InputLimits.MaxHtmlDepth} deep (unclosed tags?), where a Hugging Face page nests about 20 deep");
                if (++elements > InputLimits.MaxElements)
                    throw new OverLimit(position, $"more than {InputLimits.MaxElements.ToString("N0", CultureInfo.InvariantCulture)} elements, where a day's papers page has about 650");
                previous = element;
            },
        };
        try
        {
            return new HtmlParser(options).ParseDocument(html);
        }
        catch (OverLimit e)
        {
            throw new ContentException(new ContentProblem(sourceFile, e.At.Line, e.Message + "; nothing was written"));
        }
    }

    private static int DepthOf(IElement element)
    {
        var depth = 1;
        for (var parent = element.ParentElement; parent is not null && depth <= InputLimits.MaxHtmlDepth; parent = parent.ParentElement) depth++;
        return depth;
    }
}
