using System.Text;
using Markdig;
using PaperTrail.Content;

namespace PaperTrail.Rendering;

/// <summary>
/// Renders an abstract (Markdown from an untrusted source) to safe HTML, read as
/// <see cref="AbstractMarkdown"/> reads it (raw HTML shown as text, only http(s) and mailto links,
/// images as plain text, math kept literal), and to a plain-text summary.
/// </summary>
internal static partial class AbstractRenderer
{
    public static string ToHtml(string markdown) => Render(markdown, 0).Html;

    /// <summary>
    /// The abstract as safe HTML, and as plain text cut at a word boundary to about
    /// <paramref name="summaryLength"/> characters (for cards and meta descriptions), from one parse.
    /// </summary>
    public static (string Html, string Summary) Render(string markdown, int summaryLength)
    {
        var document = AbstractMarkdown.Parse(markdown);
        var html = GluedMath(document.ToHtml(AbstractMarkdown.Pipeline).TrimEnd('\n'));
        if (summaryLength <= 0) return (html, "");
        return (html, Cut(PlainOf(document), summaryLength));
    }

    /// <summary>
    /// The whole abstract as plain text on one line, its formulas as readable text: what
    /// <c>citation_abstract</c> gives reference managers, which show it as text.
    /// </summary>
    public static string PlainText(string markdown) => CollapseWhitespace(PlainOf(AbstractMarkdown.Parse(markdown)), int.MaxValue);

    private static string PlainOf(Markdig.Syntax.MarkdownDocument document)
    {
        var writer = new StringWriter();
        var plain = new Markdig.Renderers.HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        AbstractMarkdown.Pipeline.Setup(plain);
        plain.Render(document);
        return InlineTex.Plain(writer.ToString());
    }

    // Markdig takes no "$" right after a letter or digit for the start of a formula (so that
    // "costs 5$ or 6$" stays text), which leaves "2-4$\times$" raw. A formula so glued that starts
    // with a command is TeX, never money: it is marked up as Markdig marks up math.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[\p{L}\p{N})])\$(?<tex>\\[A-Za-z][^$<>""\n]{0,100}?)\$")]
    private static partial System.Text.RegularExpressions.Regex GluedFormula();

    private static string GluedMath(string html) =>
        !html.Contains("$\\", StringComparison.Ordinal) ? html
            : GluedFormula().Replace(html, m => "<span class=\"math\">\\(" + m.Groups["tex"].Value + "\\)</span>");

    private static string Cut(string plain, int maxLength)
    {
        var text = CollapseWhitespace(plain, maxLength + 1);
        if (text.Length <= maxLength) return text;
        var cut = text.LastIndexOf(' ', maxLength - 1);
        return text[..(cut > maxLength / 2 ? cut : maxLength - 1)].TrimEnd(',', ';', ':', '.', ' ') + "…";
    }

    /// <summary>The words of <paramref name="text"/> joined by single spaces, stopping once <paramref name="limit"/> characters are made.</summary>
    private static string CollapseWhitespace(string text, int limit)
    {
        var sb = new StringBuilder(Math.Min(text.Length, limit));
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                if (sb.Length + 1 >= limit) { sb.Append(' '); break; }
                sb.Append(' ');
                pendingSpace = false;
            }
            sb.Append(c);
            if (sb.Length >= limit) break;
        }
        return sb.ToString();
    }
}
