namespace PaperTrail.Build;

/// <summary>What a build did, for its closing line and for tests.</summary>
internal sealed record BuildReport(int Papers, int Outputs, int Written, int Unchanged, int Removed, int FellBack)
{
    /// <summary>What search indexing did, or null when search was skipped.</summary>
    public Search.SearchReport? Search { get; init; }

    /// <summary>Why search was skipped, when it was.</summary>
    public string? SearchSkipped { get; init; }

    /// <summary>The feeds' sizes (<see cref="Pipelines.FeedSummary"/>); null when nothing changed.</summary>
    public string? Feeds { get; init; }

    /// <summary>Formulas KaTeX rendered to MathML.</summary>
    public int MathFormulas { get; init; }

    /// <summary>Why the Node.js tools (search, math) were unavailable, when they were.</summary>
    public string? ToolsMissing { get; init; }

    /// <summary>Outputs rendered; the others' view models were as the last build recorded them.</summary>
    public int Rendered { get; init; }

    /// <summary>The papers left out of the site, each with its problems (as the last build found them, when nothing changed).</summary>
    public IReadOnlyList<Content.LeftOutPaper> LeftOut { get; init; } = [];

    /// <summary>A warning per field of a paper kept that the site shows cut (<see cref="Content.PaperFieldCaps"/>); none when nothing changed.</summary>
    public IReadOnlyList<string> Cut { get; init; } = [];

    /// <summary>True when no input changed since the last build and nothing was done.</summary>
    public bool NothingChanged { get; init; }

    /// <summary>What was rendered and written, by kind of output, and why (<see cref="Incremental.ChangeList"/>).</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];

    /// <summary>The files of the site this build wrote or removed (the search index's aside), in order.</summary>
    public IReadOnlyList<string> ChangedFiles { get; init; } = [];

    /// <summary>A line per file of the last build's (a cache, a manifest) that was damaged or unreadable: that part was worked out again.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>How long each stage took, for --verbose and for profiling.</summary>
    public IReadOnlyList<StageTime> Stages { get; init; } = [];
}
