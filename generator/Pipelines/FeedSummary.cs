using System.Globalization;
using PaperTrail.Site;

namespace PaperTrail.Pipelines;

/// <summary>
/// The build summary's line about feeds: how many items the site's feeds hold and over how many days,
/// the range of the topic feeds' sizes, and how many monthly archives and author feeds there are. A
/// reader of the nightly's log sees at a glance that no feed was cut. Read from the plan's inputs:
/// what the feeds are made of, nothing worked out again.
/// </summary>
internal static class FeedSummary
{
    public static string Of(IReadOnlyList<PlannedOutput> plan)
    {
        List<FeedsPipeline.FeedInput> site = [], topics = [];
        int archives = 0, authorFeeds = 0;
        foreach (var output in plan)
            switch (output.Input)
            {
                case FeedsPipeline.FeedInput feed when feed.Format == FeedsPipeline.Format.Rss:
                    (feed.Home == Urls.Home ? site : topics).Add(feed);
                    break;
                case FeedArchivesPipeline.ArchiveInput: archives++; break;
                case AuthorPagesPipeline.AuthorInput when output.Path.EndsWith("feed.xml", StringComparison.Ordinal): authorFeeds++; break;
            }
        var items = site.Count > 0 ? site[0].Items : [];
        var days = items.Select(i => i.Day).Distinct().Count();
        var topicRange = topics.Count == 0 ? "no topic feeds"
            : $"topic feeds {topics.Min(t => t.Items.Count)} to {topics.Max(t => t.Items.Count)} items";
        return string.Create(CultureInfo.InvariantCulture,
            $"feeds: the site's {items.Count} items ({days} {(days == 1 ? "day" : "days")}), {topicRange}, " +
            $"{archives} monthly archives, {authorFeeds} authors' feeds");
    }
}
