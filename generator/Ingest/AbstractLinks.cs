using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PaperTrail.Ingest;

/// <summary>
/// Takes chosen links out of an abstract's Markdown, keeping their text: <c>[our demo](url)</c>
/// becomes <c>our demo</c>, <c>&lt;url&gt;</c> becomes the address as plain text, and a reference
/// definition (<c>[ref]: url</c>) goes. Links are found by parsing, as the page's renderer
/// (Rendering/AbstractRenderer) finds them, so text that only looks like a link (in math, in code,
/// escaped) is left as written.
/// </summary>
internal static class AbstractLinks
{
    // The renderer's parsing (raw HTML off, math kept whole), with the source position of every inline.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseMathematics()
        .UsePreciseSourceLocation()
        .Build();

    /// <summary>
    /// The abstract without the links whose address <paramref name="drop"/> picks; each address taken
    /// out is added to <paramref name="dropped"/> once.
    /// </summary>
    public static string Remove(string markdown, Func<string, bool> drop, List<string> dropped)
    {
        if (!markdown.Contains('[') && !markdown.Contains('<')) return markdown;
        var text = markdown;
        // Taking a link out can make a new one of the text around it ("[[x](a)](b)" leaves "[x](b)"),
        // so parse again until none is left. Each pass shortens the text, so this ends.
        while (Edits(text, drop) is { Count: > 0 } edits)
        {
            var sb = new StringBuilder(text);
            foreach (var edit in edits.OrderByDescending(e => e.Start))
            {
                sb.Remove(edit.Start, edit.Length).Insert(edit.Start, edit.Replacement);
                if (!dropped.Contains(edit.Url)) dropped.Add(edit.Url);
            }
            text = sb.ToString();
        }
        return ReferenceEquals(text, markdown) ? markdown : Tidy(text);
    }

    private sealed record Edit(int Start, int Length, string Replacement, string Url);

    /// <summary>The replacements one parse finds, none overlapping another.</summary>
    private static List<Edit> Edits(string text, Func<string, bool> drop)
    {
        var document = Markdown.Parse(text, Pipeline);
        var edits = new List<Edit>();
        foreach (var link in document.Descendants<LinkInline>())
        {
            // Images are written as their text by the renderer: they never become links.
            if (link.IsImage || link.Url is null || !drop(link.Url)) continue;
            edits.Add(new Edit(link.Span.Start, link.Span.Length, LabelOf(link, text), link.Url));
        }
        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (autolink.IsEmail || !drop(autolink.Url)) continue;
            edits.Add(new Edit(autolink.Span.Start, autolink.Span.Length, text.Substring(autolink.Span.Start + 1, autolink.Span.Length - 2), autolink.Url));
        }
        foreach (var definition in document.Descendants<LinkReferenceDefinition>())
        {
            if (definition.Url is null || !drop(definition.Url)) continue;
            edits.Add(new Edit(definition.Span.Start, definition.Span.Length, "", definition.Url));
        }
        var kept = new List<Edit>();
        foreach (var edit in edits.OrderBy(e => e.Start))
            if (kept.Count == 0 || edit.Start >= kept[^1].Start + kept[^1].Length) kept.Add(edit);
        return kept;
    }

    /// <summary>The Markdown of a link's text, as written between its brackets.</summary>
    private static string LabelOf(LinkInline link, string text) =>
        link.FirstChild is { } first && link.LastChild is { } last && last.Span.End >= first.Span.Start
            ? text[first.Span.Start..(last.Span.End + 1)]
            : "";

    /// <summary>
    /// Cleaned text has single spaces and paragraphs parted by one blank line; a link with an empty
    /// text or a reference definition taken out can leave two spaces or an empty paragraph.
    /// </summary>
    private static string Tidy(string text) =>
        string.Join("\n\n", text.Split("\n\n")
            .Select(p => string.Join(' ', p.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .Where(p => p.Length > 0));
}
