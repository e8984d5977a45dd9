using PaperTrail.Content;

namespace PaperTrail.Site;

/// <summary>A paper as the site shows it: visible, with its topics decided.</summary>
internal sealed record SitePaper(Paper Paper, IReadOnlyList<Topic> Topics)
{
    public string Slug => Paper.Slug;

    /// <summary>The hash of the paper's file, when known: the paper is made from those bytes alone.</summary>
    public string? ContentHash { get; init; }

    private object? _fingerprint; // boxed: a reference is written whole, so threads racing to make it agree

    /// <summary>
    /// A hash of everything this paper's views are made from, made once: its file's bytes (else every
    /// field of the record, <see cref="ViewHasher"/>) and its topics.
    /// </summary>
    public UInt128 Fingerprint => (UInt128)(_fingerprint ??= ViewHasher.Of(ContentHash ?? (object)Paper, Topics.Select(t => t.Slug).ToList()));
}

/// <summary>
/// The loaded archive arranged the ways the site needs it, computed once per build so no page
/// has to scan or sort the whole archive again.
/// </summary>
internal sealed record SiteModel
{
    public required SiteConfig Config { get; init; }
    public required Urls Urls { get; init; }
    public required IReadOnlyList<Topic> Topics { get; init; }

    /// <summary>Visible papers, newest first trending day first, then by title.</summary>
    public required IReadOnlyList<SitePaper> Papers { get; init; }

    /// <summary>Each paper's most similar papers (TF-IDF), most similar first; waits for <see cref="RelatedWork"/> when it is still going.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SitePaper>> Related => RelatedWork.GetAwaiter().GetResult();

    /// <summary>The related papers, worked out beside the planning of the pages that do not show them.</summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<SitePaper>>> RelatedWork { get; init; } =
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<SitePaper>>>(new Dictionary<string, IReadOnlyList<SitePaper>>());

    /// <summary>Records merged into another paper (redirect_to): their addresses redirect there.</summary>
    public IReadOnlyList<Paper> MergedPapers { get; init; } = [];

    /// <summary>Every day with papers, newest first, each with its papers in reading order.</summary>
    public required IReadOnlyList<(DateOnly Day, IReadOnlyList<SitePaper> Papers)> Days { get; init; }

    /// <summary>Each topic's papers, newest first.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<SitePaper>> PapersByTopic { get; init; }

    /// <summary>Spellings of one author merged under one name (<c>authors.yml</c>).</summary>
    public AuthorSpellings AuthorSpellings { get; init; } = AuthorSpellings.None;

    /// <summary>The authors with enough trending papers for a page of their own, and each one's address.</summary>
    public AuthorIndex Authors => LazyInitializer.EnsureInitialized(ref _authors, ref _authorsLock, () => new AuthorIndex(Papers, AuthorSpellings, Config.AuthorMinPapers));

    private AuthorIndex? _authors;

    /// <summary>Each paper's place in the reading order of each day it trended (0 first).</summary>
    public TrendingPositions Positions => LazyInitializer.EnsureInitialized(ref _positions, ref _positionsLock, () => new TrendingPositions(Days));

    private TrendingPositions? _positions;

    /// <summary>Each paper's BibTeX key, unique within the archive.</summary>
    public BibtexKeys BibtexKeys => LazyInitializer.EnsureInitialized(ref _bibtexKeys, ref _bibtexKeysLock, () => new BibtexKeys(Papers.Select(p => p.Paper)));

    private BibtexKeys? _bibtexKeys;

    // Pipelines plan on every core at once, and several read these: each is made once, not once per
    // reader, and each under its own lock (under one, a pipeline that wanted the positions waited
    // while another made the author index).
    private object? _authorsLock, _positionsLock, _bibtexKeysLock;

    /// <summary>The latest trending day: when the archive was last updated (never the build time).</summary>
    public DateOnly? LastUpdated => Days.Count > 0 ? Days[0].Day : null;
}
