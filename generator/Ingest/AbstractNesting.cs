using Markdig;

namespace PaperTrail.Ingest;

/// <summary>
/// Whether an abstract's Markdown nests deeper than Markdig goes (its <c>MaximumNestingDepth</c>,
/// 128): Markdig refuses such text with an exception, in parsing (129 nested list items or quotes)
/// or in rendering (129 unclosed <c>[</c>), so neither the links ingest takes out
/// (<see cref="AbstractLinks"/>) nor the paper's page could be made of it. No real abstract comes
/// near; fuzzed ones did, and crashed ingest.
/// </summary>
internal static class AbstractNesting
{
    public const int Limit = 128;

    // The syntax AbstractLinks and the page's renderer read: raw HTML off, math kept whole.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseMathematics().UsePreciseSourceLocation().Build();

    // Every level of nesting takes one of these at least: a bracket, an emphasis or code mark, a
    // quote, a list item's marker ("-", "+", "*", "1." or "1)"), an autolink's "<".
    private static readonly System.Buffers.SearchValues<char> Markers = System.Buffers.SearchValues.Create("[!*_>-+`~<.)$");

    public static bool IsTooDeep(string markdown)
    {
        // With so few of them (the corpus's abstracts have 25 on average), no need to parse it here;
        // half the limit, as Markdig's own levels (the document, a paragraph) count too.
        if (CountMarkers(markdown) < Limit / 2) return false;
        try
        {
            Markdown.Parse(markdown, Pipeline).ToHtml(Pipeline);
            return false;
        }
        catch (ArgumentException e) when (e.Source == "Markdig")
        {
            return true;
        }
    }

    private static int CountMarkers(string text)
    {
        var count = 0;
        for (var rest = text.AsSpan(); rest.IndexOfAny(Markers) is var at and >= 0; rest = rest[(at + 1)..]) count++;
        return count;
    }
}
