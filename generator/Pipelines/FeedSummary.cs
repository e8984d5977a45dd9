using System.Globalization;

namespace PaperTrail.Pipelines;

/// <summary>
/// The build summary's line about feeds: how many items the site's feeds hold and over how many days,
/// the range of the topic feeds' sizes, and how many monthly archives and author feeds there are. A
/// reader of the nightly's log sees at a glance that no feed was cut.
/// </summary>
public static class FeedSummary
{
    public static string Of(SiteModel site)
    {
        var config = site.Config;
        var latest = FeedWindow.Select(site.Days, static _ => true, config.FeedSize, site.Positions);
        var days = latest.Select(i => i.Day).Distinct().Count();
        var topicSizes = site.Topics
            .Select(t => FeedWindow.Select(site.Days, p => p.Topics.Any(x => x.Slug == t.Slug), config.FeedSize, site.Positions).Count)
            .ToList();
        var months = site.Papers.Select(p => (p.Paper.FirstTrending.Year, p.Paper.FirstTrending.Month)).Distinct().Count();
        var topicMonths = site.PapersByTopic.Values.Sum(papers => papers.Select(p => (p.Paper.FirstTrending.Year, p.Paper.FirstTrending.Month)).Distinct().Count());
        var topics = topicSizes.Count == 0 ? "no topic feeds" : $"topic feeds {topicSizes.Min()} to {topicSizes.Max()} items";
        return string.Create(CultureInfo.InvariantCulture,
            $"feeds: the site's {latest.Count} items ({days} {(days == 1 ? "day" : "days")}), {topics}, " +
            $"{months + topicMonths} monthly archives, {site.Authors.All.Count} authors' feeds");
    }
}
