using System.Runtime.CompilerServices;
using PaperTrail.Content;

namespace PaperTrail.Topics;

/// <summary>
/// The tokens of one build's papers, each paper's made once and shared by the topic classifier and
/// the related-papers index, with the stems their words share. The build owns one while it models
/// the site and drops it after: nothing of it outlives the build (<c>serve</c> runs hundreds).
/// </summary>
internal sealed class PaperTokenCache
{
    // Keyed by the paper object itself (a record's equality would hash its whole text), and weakly:
    // a paper the build no longer holds takes its tokens with it.
    private readonly ConditionalWeakTable<Paper, PaperTokens> _tokens = new();
    private readonly StemTable _stems = new();
    private readonly ConditionalWeakTable<Paper, PaperTokens>.CreateValueCallback _make;

    public PaperTokenCache() => _make = paper => PaperTokens.Of(paper, _stems);

    public PaperTokens Of(Paper paper) => _tokens.GetValue(paper, _make);
}
