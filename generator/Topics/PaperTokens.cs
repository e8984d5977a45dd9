using PaperTrail.Content;

namespace PaperTrail.Topics;

/// <summary>
/// A paper's title and abstract as tokens (<see cref="TextTokens"/>). A build makes them once per
/// paper, in its <see cref="PaperTokenCache"/>, for the topic classifier and the related-papers index.
/// </summary>
internal sealed record PaperTokens(string[] Title, string[] Abstract)
{
    /// <param name="stems">The build's stems, shared by all its papers; without it each word is stemmed afresh.</param>
    public static PaperTokens Of(Paper paper, StemTable? stems = null) =>
        new(TextTokens.Of(paper.Title, stems), TextTokens.Of(paper.Abstract, stems));
}
