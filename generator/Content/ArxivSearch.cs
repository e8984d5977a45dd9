using System.Globalization;

namespace PaperTrail.Content;

/// <summary>
/// An arXiv source of site.yml's <c>sources</c> (docs/content.md): the new papers arXiv announces
/// in any of <see cref="Categories"/>, with any of <see cref="Terms"/> in title or abstract, by any of
/// <see cref="Authors"/>. A list left empty does not narrow; lists that are given must all match, so
/// "cs.RO papers on diffusion policy" is one source, and "this topic or that author" two.
/// </summary>
internal sealed record ArxivSearch
{
    /// <summary>arXiv categories (<c>cs.RO</c>, <c>q-bio.NC</c>, <c>hep-th</c>): a paper cross-listed in one counts.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Words or phrases looked for in the title or the abstract, each as a phrase.</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];

    /// <summary>Author names, each as a phrase ("Sergey Levine").</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>
    /// The fewest papers an announcement day should bring from this source; fewer fails the night
    /// (a broken answer, not a quiet day). Never applied on a day arXiv announces nothing.
    /// </summary>
    public int Floor { get; init; }

    /// <summary>Names the source in ingest's lines: "arxiv cs.RO q-bio.NC", "arxiv terms "world model" authors "Sergey Levine"".</summary>
    public string Label
    {
        get
        {
            var parts = new List<string> { "arxiv" };
            parts.AddRange(Categories);
            if (Terms.Count > 0) parts.Add("terms " + string.Join(", ", Terms.Select(Quoted)));
            if (Authors.Count > 0) parts.Add("authors " + string.Join(", ", Authors.Select(Quoted)));
            return string.Join(' ', parts);
        }
    }

    private static string Quoted(string text) => string.Create(CultureInfo.InvariantCulture, $"\"{text}\"");
}
