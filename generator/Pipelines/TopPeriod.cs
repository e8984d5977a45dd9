using System.Globalization;
using PaperTrail.Site;

namespace PaperTrail.Pipelines;

/// <summary>
/// The most upvoted papers of a period of days (an ISO week, a month): every paper that trended on
/// one of its days, counted once, those with an upvote count ranked by <see cref="TrendingOrder.MostUpvoted"/>.
/// A paper's count is the one its file holds, read on its latest trending day (a source's count is
/// re-read only when the paper trends again), so <see cref="AsOf"/>, the newest of those days among the
/// period's papers, is how fresh the ranking is: for a closed period it stays put until one of its
/// papers trends again, where the archive's newest day would change every closed page every night.
/// </summary>
/// <param name="Key">The period: an <see cref="IsoWeek"/>, or a month as (year, month).</param>
/// <param name="Top">The most upvoted papers, at most the size asked for.</param>
/// <param name="Total">How many papers trended in the period, with a count or not.</param>
internal sealed record TopPeriod<TKey>(TKey Key, IReadOnlyList<SitePaper> Top, int Total, DateOnly AsOf) where TKey : notnull
{
    /// <summary>The archive's periods with papers, newest first.</summary>
    public static IReadOnlyList<TopPeriod<TKey>> Of(SiteModel site, Func<DateOnly, TKey> period, int size) =>
        site.Days
            .GroupBy(d => period(d.Day)) // days come newest first: so do the groups
            .Select(days =>
            {
                var papers = days.SelectMany(d => d.Papers).DistinctBy(p => p.Slug).ToList();
                var top = papers.Where(p => p.Paper.Upvotes is not null).Order(TrendingOrder.MostUpvoted).Take(size).ToList();
                return new TopPeriod<TKey>(days.Key, top, papers.Count, papers.Max(p => p.Paper.Trending[^1]));
            })
            .ToList();
}

/// <summary>The sizes and names of the top pages.</summary>
internal static class TopPeriod
{
    /// <summary>
    /// A week's page lists 25, a month's 50: at the 30 to 60 papers a trending day brings, a week holds
    /// 200 to 400 papers and a month about four times that, so each list is its period's top tenth or
    /// less, short enough to read through, and a month's is not merely its best week again.
    /// </summary>
    public const int WeekSize = 25;
    public const int MonthSize = 50;

    /// <summary>"week 2026-W29".</summary>
    public static string WeekLabel(IsoWeek week) => $"week {week}";

    /// <summary>"July 2026".</summary>
    public static string MonthLabel(int year, int month) => new DateOnly(year, month, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture);
}
