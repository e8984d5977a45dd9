using System.Globalization;

namespace PaperTrail.Ingest;

/// <summary>
/// The days a paper can have trended on: from arXiv's first day to the day after the fetch (a
/// source in a time zone ahead of UTC may already be on tomorrow). A day outside them is a broken
/// record, not news: one record dated 9999-12-30 would otherwise become the home page, the "last
/// updated" date and the feeds' date. <paramref name="today"/> is the day ingest runs (UTC), given
/// by the command, so the bounds are fixed for a test and no one else reads the clock.
/// </summary>
internal sealed class TrendingBounds(DateOnly today)
{
    /// <summary>arXiv's first day: no paper trended before it.</summary>
    public static readonly DateOnly Earliest = new(1991, 8, 14);

    public DateOnly Latest { get; } = today.AddDays(1);

    /// <summary>Why <paramref name="day"/> cannot be a trending day ("is after …"), or null when it can.</summary>
    public string? Refusal(DateOnly day) =>
        day > Latest ? $"is after {Text(Latest)}, tomorrow (UTC): no paper has trended on it yet"
        : day < Earliest ? $"is before {Text(Earliest)}, arXiv's first day"
        : null;

    /// <summary>
    /// The result with each paper whose source gave an impossible trending day moved to the skipped
    /// records, with its file, line and reason; the rest are kept as they are.
    /// </summary>
    public SourceResult Apply(SourceResult result)
    {
        var papers = new List<SourcePaper>(result.Papers.Count);
        var skipped = result.Skipped.ToList();
        foreach (var paper in result.Papers)
        {
            if (paper.Trending is { } day && Refusal(day) is { } reason)
                skipped.Add(new SkippedRecord(paper.SourceFile, paper.Line, $"\"{paper.Title}\": its trending day {Text(day)} {reason}; the record is left out"));
            else
                papers.Add(paper);
        }
        return skipped.Count == result.Skipped.Count ? result : new SourceResult(papers, skipped);
    }

    public static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
