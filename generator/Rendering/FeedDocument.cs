namespace PaperTrail.Rendering;

/// <summary>A feed before it is written in one format: absolute URLs, dates, HTML already safe.</summary>
public sealed record FeedDocument
{
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Language { get; init; }
    public required string HomeUrl { get; init; }

    /// <summary>The feed's own absolute URL (rel="self"); also its stable id.</summary>
    public required string SelfUrl { get; init; }
    public required string Author { get; init; }

    /// <summary>The latest item date; the Unix epoch for an empty feed, so empty feeds stay deterministic.</summary>
    public required DateTimeOffset Updated { get; init; }
    public required IReadOnlyList<FeedEntry> Entries { get; init; }
}

/// <summary>Feed dates: a day as its midnight in UTC, so feeds never depend on the hour of the build.</summary>
public static class FeedDates
{
    public static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}

/// <summary>One item. Its id is the paper's permanent URL, so it never changes across builds.</summary>
public sealed record FeedEntry
{
    public required string Id { get; init; }
    public required string Url { get; init; }
    public required string Title { get; init; }
    public required string SummaryHtml { get; init; }
    public required DateTimeOffset Published { get; init; }
    public required DateTimeOffset Updated { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
}
