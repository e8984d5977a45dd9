namespace PaperTrail.Ingest;

/// <summary>What <c>generator ingest</c> was asked to do.</summary>
internal sealed record IngestOptions(IReadOnlyList<string> Inputs, DateOnly Date, string ContentDir, bool DryRun, string? Source = null)
{
    /// <summary>Known web sources to fetch (hf-trending, hf-daily) instead of, or besides, the inputs.</summary>
    public IReadOnlyList<string> From { get; init; } = [];

    /// <summary>With <see cref="From"/>: fewer papers than this means the answer is broken, not a quiet day.</summary>
    public int MinPapers { get; init; } = 5;

    public Web.FetchSettings Fetch { get; init; } = new();

    /// <summary>
    /// The day ingest runs (UTC), set by the command from the clock: a trending day after the next
    /// one is refused (<see cref="TrendingBounds"/>). Given, not read, so tests can fix it.
    /// </summary>
    public required DateOnly Today { get; init; }

    /// <summary>Where the Hugging Face addresses of <see cref="From"/> live (a mirror, or a test's stub).</summary>
    public Uri HuggingFace { get; init; } = new("https://huggingface.co/");

    /// <summary>arXiv searches to fetch for <see cref="Date"/>, its announcement day (site.yml's, with --scheduled).</summary>
    public IReadOnlyList<Content.ArxivSearch> Arxiv { get; init; } = [];

    /// <summary>Where the arXiv API lives (a test's stub, the rehearsal's server).</summary>
    public Uri ArxivApi { get; init; } = Web.ArxivQuery.DefaultBase;

    /// <summary>Spaces the requests to arXiv (its terms: one every 3 s); a test gives one on a clock of its own.</summary>
    public Web.RequestPacer ArxivPacer { get; init; } = Web.RequestPacer.ArxivTerms();
}

/// <summary>The one line of counts ingest ends with.</summary>
internal sealed record IngestCounts(int New, int Updated, int Unchanged, int Skipped, int DroppedLinks = 0)
{
    public override string ToString() =>
        $"{New} new, {Updated} updated, {Unchanged} unchanged, {Skipped} skipped"
        + (DroppedLinks == 0 ? "" : DroppedLinks == 1 ? ", 1 link dropped" : $", {DroppedLinks} links dropped");
}
