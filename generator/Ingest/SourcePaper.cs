namespace PaperTrail.Ingest;

/// <summary>A paper as one source saw it, already cleaned, before it meets the archive.</summary>
internal sealed record SourcePaper
{
    public required string Title { get; init; }
    public string Abstract { get; init; } = "";
    public string? Arxiv { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public DateOnly? Published { get; init; }

    /// <summary>When the first version was submitted, to the second (arXiv's <c>published</c>): its announcement day follows from it.</summary>
    public DateTimeOffset? Submitted { get; init; }

    /// <summary>The day the source says it trended; null means "the day given on the command line".</summary>
    public DateOnly? Trending { get; init; }
    public IReadOnlyDictionary<string, string> Links { get; init; } = new Dictionary<string, string>();
    public int? Upvotes { get; init; }
    public int? Comments { get; init; }

    /// <summary>The source's one-line summary (Hugging Face's <c>ai_summary</c>).</summary>
    public string? AiSummary { get; init; }

    /// <summary>Stars of the code repository as the source read them; dated with the trending day at merge.</summary>
    public int? GithubStars { get; init; }

    public string? Organization { get; init; }

    /// <summary>The paper's place (1 = first) in its trending day's list, when the source gives an order.</summary>
    public int? Rank { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Where it came from, for messages: file and 1-based line.</summary>
    public required string SourceFile { get; init; }
    public int Line { get; init; }
}

/// <summary>A record a source held but that could not become a paper.</summary>
internal sealed record SkippedRecord(string SourceFile, int Line, string Reason)
{
    public override string ToString() => $"{SourceFile}:{Line}: skipped: {Reason}";
}

/// <summary>What one source file yielded.</summary>
internal sealed record SourceResult(IReadOnlyList<SourcePaper> Papers, IReadOnlyList<SkippedRecord> Skipped)
{
    /// <summary>Fields of the papers that were cut to their caps (<see cref="SourceFieldCaps"/>), for the report.</summary>
    public IReadOnlyList<SourceFieldCut> Cuts { get; init; } = [];
}
