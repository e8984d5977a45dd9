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
