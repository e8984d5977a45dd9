using System.Buffers;
using Markdig;

namespace PaperTrail.Content;

/// <summary>
/// Whether an abstract nests too deeply for Markdig to render it. Markdig stops at 128 levels (130
/// '[' in a row, 64 nested list items, 43 times "&gt; - ") by throwing, and a build that met one such
/// abstract failed whole, on the first page showing it, after <c>check</c> had passed. So the reader
/// finds it, and the paper is left out like any paper its file breaks. Each level takes at least one
/// of a few characters and no construct more than two levels per character, so an abstract with
/// fewer than <see cref="CheckFrom"/> of them cannot reach the limit and is not parsed here: real
/// ones have up to 65 (1% of the corpus has 50 or more), and rendering one takes about 10 µs.
/// </summary>
internal static class AbstractNesting
{
    private const int CheckFrom = 50;

    // Links and images, quotes, list markers (bullets; '.' and ')' after a number), emphasis.
    private static readonly SearchValues<char> Nesting = SearchValues.Create("[>*_+-.)");

    /// <summary>True when Markdig cannot render the abstract for its depth.</summary>
    public static bool TooDeep(string markdown)
    {
        var count = 0;
        var rest = markdown.AsSpan();
        for (var at = rest.IndexOfAny(Nesting); at >= 0 && count < CheckFrom; at = rest.IndexOfAny(Nesting))
        {
            count++;
            rest = rest[(at + 1)..];
        }
        if (count < CheckFrom) return false;
        try
        {
            AbstractMarkdown.Parse(markdown).ToHtml(AbstractMarkdown.Pipeline);
            return false;
        }
        catch (ArgumentException)
        {
            // Markdig's only ArgumentException on text: "Markdown elements in the input are too deeply nested".
            return true;
        }
    }
}
