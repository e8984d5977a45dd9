namespace PaperTrail.Content;

/// <summary>
/// One paper of the archive: the front matter of <c>content/papers/YYYY/MM/&lt;slug&gt;.md</c>
/// plus its body (the abstract, Markdown). Immutable: changes go through <c>with</c>.
/// </summary>
internal sealed record Paper
{
    public required string Title { get; init; }

    /// <summary>Part of the public URL: assigned once, never changed.</summary>
    public required string Slug { get; init; }

    /// <summary>The arXiv id without version (e.g. 2303.08797), the paper's identity when known.</summary>
    public string? Arxiv { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>The preprint's date, when a source gives it.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>The days the paper was seen trending, ascending; the first is "first seen".</summary>
    public IReadOnlyList<DateOnly> Trending { get; init; } = [];

    /// <summary>Topics written by a person; null means "let the classifier decide".</summary>
    public IReadOnlyList<string>? Topics { get; init; }

    /// <summary>Named links (arxiv, pdf, code, project…), ordered by name.</summary>
    public IReadOnlyDictionary<string, string> Links { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    public int? Upvotes { get; init; }

    /// <summary>Comments on the source's discussion, when it counts them.</summary>
    public int? Comments { get; init; }

    /// <summary>The source's own one-line summary (Hugging Face's <c>ai_summary</c>), shown as the source's, never as the abstract.</summary>
    public string? AiSummary { get; init; }

    /// <summary>Stars of the code repository, as read on <see cref="GithubStarsAsOf"/>.</summary>
    public int? GithubStars { get; init; }

    /// <summary>
    /// The trending day the stars were read on (the ingest's day, never the clock, so a build of the
    /// same content shows the same date); null when a person wrote the stars without one.
    /// </summary>
    public DateOnly? GithubStarsAsOf { get; init; }

    /// <summary>The organisation the source names for the paper (Hugging Face's <c>organization</c>).</summary>
    public string? Organization { get; init; }

    /// <summary>
    /// The paper's place in a trending day's list (1 = first), by day; only days of <see cref="Trending"/>,
    /// and only those whose source gave an order. Written in <c>trending</c> (docs/content.md).
    /// </summary>
    public IReadOnlyDictionary<DateOnly, int> Ranks { get; init; } = NoRanks;

    private static readonly IReadOnlyDictionary<DateOnly, int> NoRanks = new Dictionary<DateOnly, int>().AsReadOnly();

    /// <summary>The paper's rank on <paramref name="day"/>, or null when that day's source gave no order.</summary>
    public int? Rank(DateOnly day) => Ranks.TryGetValue(day, out var rank) ? rank : null;

    /// <summary>arXiv categories (cs.CL…), primary first, when a source gives them.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Hidden papers stay in the archive (so ingest never brings them back) but are off every page.</summary>
    public bool Hidden { get; init; }

    /// <summary>When set, this record was merged into the paper with that slug.</summary>
    public string? RedirectTo { get; init; }

    /// <summary>Old slugs of this paper whose URLs keep working.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The abstract, as Markdown.</summary>
    /// <remarks>Kept as UTF-8 and decoded when read (a few times a build): every paper of the archive is
    /// held for the whole build, and their abstracts as strings were the largest thing in memory.</remarks>
    public string Abstract { get => Utf8.GetString(_abstract); init => _abstract = Utf8.GetBytes(value); }

    private readonly byte[] _abstract = [];

    /// <summary>The abstract's UTF-8 bytes as kept (for the build cache: no decoding and encoding again).</summary>
    internal byte[] AbstractUtf8 { get => _abstract; init => _abstract = value; }
    private static readonly System.Text.UTF8Encoding Utf8 = new(false);

    public DateOnly FirstTrending => Trending.Count > 0 ? Trending[0] : DateOnly.MinValue;

    /// <summary>
    /// The fields a build showed cut, for being over <see cref="FieldLimits"/> in the file (a person's
    /// edit): each a warning, every build, while the file is as it is. Kept with the paper so that a
    /// build that takes it from the cache warns too.
    /// </summary>
    public IReadOnlyList<FieldCut> Cut { get; init; } = [];
}

/// <summary>A field of a paper file the site shows cut, the line it is written on and what was cut.</summary>
internal sealed record FieldCut(int Line, string Message);
