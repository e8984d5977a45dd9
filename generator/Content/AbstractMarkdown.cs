using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PaperTrail.Content;

/// <summary>
/// An abstract's Markdown (from an untrusted source) as the site reads it: raw HTML is text, math is
/// kept literal, links are marked nofollow; only http(s) and mailto links survive, and images become
/// their text (<see cref="SafeUrl"/>). The page's renderer (<c>Rendering/AbstractRenderer</c>) and the
/// reader's depth check (<see cref="AbstractNesting"/>) both parse an abstract here, so they agree.
/// </summary>
internal static class AbstractMarkdown
{
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseMathematics()
        .UseReferralLinks("nofollow", "ugc", "noopener")
        .Build();

    /// <summary>The abstract's document, its unsafe links and images already taken out.</summary>
    public static MarkdownDocument Parse(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        Neutralise(document);
        return document;
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
