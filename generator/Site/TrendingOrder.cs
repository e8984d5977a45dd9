using PaperTrail.Content;

namespace PaperTrail.Site;

/// <summary>
/// The one order of a trending day's papers, wherever a day's papers are listed (its day page, the
/// home page, a topic's pages and months, the feeds): most upvoted first, then by the day's rank
/// (the source's order; papers without one after those with one), then by title (ordinal), then by
/// slug so that no two papers tie. Upvotes lead because they are what readers count; the rank breaks
/// ties the way the source showed them, where the title used to put them in alphabetical order.
/// </summary>
internal sealed class TrendingOrder : IComparer<SitePaper>
{
    private readonly DateOnly _day;

    private TrendingOrder(DateOnly day) => _day = day;

    /// <summary>The order of the papers of <paramref name="day"/>, whose ranks are that day's.</summary>
    public static TrendingOrder Of(DateOnly day) => new(day);

    public int Compare(SitePaper? x, SitePaper? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        return Compare(x.Paper, y.Paper, _day) is var order and not 0 ? order : string.CompareOrdinal(x.Slug, y.Slug);
    }

    /// <summary>
    /// The order of a week's or a month's most upvoted papers, which trended on different days whose
    /// ranks do not compare: upvotes (most first), then title (ordinal), then slug.
    /// </summary>
    public static readonly IComparer<SitePaper> MostUpvoted = Comparer<SitePaper>.Create((x, y) =>
    {
        var byVotes = (y.Paper.Upvotes ?? -1).CompareTo(x.Paper.Upvotes ?? -1);
        if (byVotes != 0) return byVotes;
        var byTitle = string.CompareOrdinal(x.Paper.Title, y.Paper.Title);
        return byTitle != 0 ? byTitle : string.CompareOrdinal(x.Slug, y.Slug);
    });

    /// <summary>Upvotes (most first), the day's rank (none last), title: negative when <paramref name="x"/> comes first.</summary>
    public static int Compare(Paper x, Paper y, DateOnly day)
    {
        var byVotes = (y.Upvotes ?? -1).CompareTo(x.Upvotes ?? -1);
        if (byVotes != 0) return byVotes;
        var byRank = (x.Rank(day) ?? int.MaxValue).CompareTo(y.Rank(day) ?? int.MaxValue);
        if (byRank != 0) return byRank;
        return string.CompareOrdinal(x.Title, y.Title);
    }
}
