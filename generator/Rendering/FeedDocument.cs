namespace PaperTrail.Rendering;

/// <summary>A feed before it is written in one format: absolute URLs, dates, HTML already safe.</summary>
internal sealed record FeedDocument
{
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Language { get; init; }
    public required string HomeUrl { get; init; }

    /// <summary>The feed's own absolute URL (rel="self"); also its stable id.</summary>
    public required string SelfUrl { get; init; }
    public required string Author { get; init; }

    /// <summary>
    /// The latest item date. Null for an empty feed: RSS and JSON then carry no date at all; Atom,
    /// which requires one, is given <see cref="EmptyAtomUpdated"/>.
    /// </summary>
    public required DateTimeOffset? Updated { get; init; }

    /// <summary>
    /// What an empty Atom feed says for its required <c>updated</c>: the archive's newest trending day
    /// (the day the feed was last looked at with nothing to add), never the clock.
    /// </summary>
    public DateTimeOffset? EmptyAtomUpdated { get; init; }

    public required IReadOnlyList<FeedEntry> Entries { get; init; }

    /// <summary>RFC 5005 links besides self (<c>current</c>, <c>prev-archive</c>): absolute URLs.</summary>
    public IReadOnlyList<FeedLink> Links { get; init; } = [];

    /// <summary>An RFC 5005 archive document (<c>&lt;fh:archive/&gt;</c>): a month of a feed, paged back to.</summary>
    public bool IsArchive { get; init; }
}

/// <summary>A link of a feed to another document, by relation (RFC 4287 and 5005).</summary>
internal sealed record FeedLink(string Rel, string Href);

/// <summary>Feed dates: a day and a minute within it, so feeds never depend on the hour of the build.</summary>
internal static class FeedDates
{
    public static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>
    /// A paper's time on a trending day: the first of the day's order at 23:59, the next a minute
    /// earlier, and so on (the 1,440th and later at 00:00), so a reader that sorts by date keeps the
    /// day's order, and the time never depends on the build.
    /// </summary>
    public static DateTimeOffset AtPosition(DateOnly day, int position) =>
        Midnight(day).AddMinutes(MinutesInDay - 1 - Math.Clamp(position, 0, MinutesInDay - 1));

    private const int MinutesInDay = 24 * 60;
}

/// <summary>One item. Its id is the paper's permanent URL, so it never changes across builds.</summary>
internal sealed record FeedEntry
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
