using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PaperTrail.Content;

namespace PaperTrail.Rendering;

/// <summary>
/// Renders an abstract (Markdown from an untrusted source) to safe HTML: raw HTML is shown as
/// text, only http(s) and mailto links survive, images become plain text, math is kept literal.
/// </summary>
public static partial class AbstractRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseMathematics()
        .UseReferralLinks("nofollow", "ugc", "noopener")
        .Build();

    public static string ToHtml(string markdown) => Render(markdown, 0).Html;

    /// <summary>
    /// The abstract as safe HTML, and as plain text cut at a word boundary to about
    /// <paramref name="summaryLength"/> characters (for cards and meta descriptions), from one parse.
    /// </summary>
    public static (string Html, string Summary) Render(string markdown, int summaryLength)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        Neutralise(document);
        var html = GluedMath(document.ToHtml(Pipeline).TrimEnd('\n'));
        if (summaryLength <= 0) return (html, "");
        var writer = new StringWriter();
        var plain = new Markdig.Renderers.HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        Pipeline.Setup(plain);
        plain.Render(document);
        return (html, Cut(InlineTex.Plain(writer.ToString()), summaryLength));
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

    private static void Neutralise(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage || link.Url is null || !SafeUrl.IsAllowedInAbstract(link.Url))
                Unwrap(link);
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            var url = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
            if (!SafeUrl.IsAllowedInAbstract(url)) autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }
    }

    /// <summary>
    /// Puts a link's contents (its text, an image's alt text) in its place, as they read, emphasis and
    /// code included. Markdig's ReplaceBy would also move the children after the replacement: a
    /// literal of the link's text followed by that same text ("Figure oneFigure one").
    /// </summary>
    private static void Unwrap(ContainerInline link)
    {
        // InsertAfter, not InsertBefore: Markdig's InsertBefore leaves the inserted inline without its
        // previous sibling, and inlines before it (an autolink to neutralise) were then never visited.
        Inline last = link;
        for (var child = link.FirstChild; child is not null;)
        {
            var next = child.NextSibling;
            child.Remove();
            last.InsertAfter(child);
            last = child;
            child = next;
        }
        link.Remove();
    }
}
