using PaperTrail.Site;

namespace PaperTrail.Pipelines;

/// <summary>
/// A paper as a feed carries it: the trending day it is listed under and its place in that day's
/// order, and its first trending day and place there (its publication date in every feed).
/// </summary>
internal sealed record FeedItem(SitePaper Paper, DateOnly Day, int Position, DateOnly FirstDay, int FirstPosition)
{
    /// <summary>A paper listed under its newest trending day: what an author's feed holds.</summary>
    public static FeedItem Latest(SitePaper paper, TrendingPositions positions) =>
        new(paper, paper.Paper.Trending[^1], positions.Of(paper, paper.Paper.Trending[^1]),
            paper.Paper.FirstTrending, positions.Of(paper, paper.Paper.FirstTrending));

    /// <summary>A paper listed under the day it first trended: what a month's archive holds.</summary>
    public static FeedItem FirstSeen(SitePaper paper, TrendingPositions positions) =>
        new(paper, paper.Paper.FirstTrending, positions.Of(paper, paper.Paper.FirstTrending),
            paper.Paper.FirstTrending, positions.Of(paper, paper.Paper.FirstTrending));
}
