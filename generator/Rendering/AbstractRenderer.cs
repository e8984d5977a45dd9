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
public static class AbstractRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseMathematics()
        .UseReferralLinks("nofollow", "ugc", "noopener")
        .Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        Neutralise(document);
        return document.ToHtml(Pipeline).TrimEnd('\n');
    }

    /// <summary>Plain text of the abstract cut at a word boundary, for cards and meta descriptions.</summary>
    public static string Summary(string markdown, int maxLength)
    {
        var plain = Markdown.ToPlainText(markdown, Pipeline);
        var text = string.Join(' ', plain.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= maxLength) return text;
        var cut = text.LastIndexOf(' ', maxLength - 1);
        return text[..(cut > maxLength / 2 ? cut : maxLength - 1)].TrimEnd(',', ';', ':', '.', ' ') + "…";
    }

    private static void Neutralise(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage || link.Url is null || !SafeUrl.IsAllowedInAbstract(link.Url))
                link.ReplaceBy(new LiteralInline(TextOf(link)));
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            var url = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
            if (!SafeUrl.IsAllowedInAbstract(url)) autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }
    }

    private static string TextOf(ContainerInline container)
    {
        var sb = new StringBuilder();
        foreach (var inline in container.Descendants<Inline>())
        {
            switch (inline)
            {
                case LiteralInline literal: sb.Append(literal.Content); break;
                case CodeInline code: sb.Append(code.Content); break;
            }
        }
        return sb.ToString();
    }
}
