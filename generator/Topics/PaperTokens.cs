using System.Runtime.CompilerServices;
using PaperTrail.Content;

namespace PaperTrail.Topics;

/// <summary>
/// A paper's title and abstract as tokens (<see cref="TextTokens"/>), made once per paper per
/// build and shared by the topic classifier and the related-papers index.
/// </summary>
public sealed record PaperTokens(string[] Title, string[] Abstract)
{
    private static readonly ConditionalWeakTable<Paper, PaperTokens> Cache = new();

    public static PaperTokens Of(Paper paper) =>
        Cache.GetValue(paper, p => new PaperTokens(TextTokens.Of(p.Title), TextTokens.Of(p.Abstract)));

    /// <summary>
    /// Drops the tokens of these papers, and the shared stems, once topics and related papers are
    /// made: the papers live on until the pages are written, and would keep their tokens (tens of
    /// megabytes at archive scale) alive with them.
    /// </summary>
    public static void Release(IEnumerable<Paper> papers)
    {
        foreach (var paper in papers) Cache.Remove(paper);
        TextTokens.ForgetStems();
    }
}
