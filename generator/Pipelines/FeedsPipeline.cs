using PaperTrail.Content;
using PaperTrail.Rendering;

namespace PaperTrail.Pipelines;

/// <summary>
/// Site feeds (RSS, Atom, JSON Feed) with the latest papers, RSS and Atom per topic, and an OPML
/// file listing every topic feed. Item ids are the papers' permanent URLs.
/// </summary>
public sealed class FeedsPipeline : IPipeline
{
    public IEnumerable<PlannedOutput> Plan(BuildContext context)
    {
        var site = context.Site;
        var config = site.Config;
        FeedDocument SiteFeed(string self) => Document(context, config.Title, config.Description, Urls.Home, self, site.Papers);

        yield return new PlannedOutput(Urls.Rss, OutputKind.Data, () => SyndicationFeedWriter.Rss(SiteFeed(Urls.Rss)));
        yield return new PlannedOutput(Urls.Atom, OutputKind.Data, () => SyndicationFeedWriter.Atom(SiteFeed(Urls.Atom)));
        yield return new PlannedOutput(Urls.JsonFeed, OutputKind.Data, () => JsonFeedWriter.Write(SiteFeed(Urls.JsonFeed)));

        foreach (var topic in site.Topics)
        {
            var papers = site.PapersByTopic[topic.Slug];
            FeedDocument TopicFeed(string self) => Document(context, $"{topic.Name} · {config.Title}",
                topic.Description.Length > 0 ? topic.Description : $"Papers about {topic.Name}.", Urls.Topic(topic.Slug), self, papers);
            yield return new PlannedOutput(Urls.TopicRss(topic.Slug), OutputKind.Data, () => SyndicationFeedWriter.Rss(TopicFeed(Urls.TopicRss(topic.Slug))));
            yield return new PlannedOutput(Urls.TopicAtom(topic.Slug), OutputKind.Data, () => SyndicationFeedWriter.Atom(TopicFeed(Urls.TopicAtom(topic.Slug))));
        }

        yield return new PlannedOutput(Urls.Opml, OutputKind.Data, () => OpmlWriter.Write(
            $"{config.Title}: topic feeds",
            site.Topics.Select(t => new OpmlFeed(t.Name, context.Urls.Absolute(Urls.TopicRss(t.Slug)), context.Urls.Absolute(Urls.Topic(t.Slug))))));
    }

    /// <summary>The latest <c>feed_size</c> papers (the list is already newest first).</summary>
    private static FeedDocument Document(BuildContext context, string title, string description, string home, string self, IReadOnlyList<SitePaper> papers)
    {
        var config = context.Site.Config;
        var entries = papers.Take(config.FeedSize).Select(p => Entry(context, p)).ToList();
        return new FeedDocument
        {
            Title = title,
            Description = description,
            Language = config.Language,
            HomeUrl = context.Urls.Absolute(home),
            SelfUrl = context.Urls.Absolute(self),
            Author = config.Author ?? config.Title,
            Updated = entries.Count > 0 ? entries.Max(e => e.Updated) : DateTimeOffset.UnixEpoch,
            Entries = entries,
        };
    }

    private static FeedEntry Entry(BuildContext context, SitePaper paper)
    {
        var view = context.Views.Paper(paper);
        var url = context.Urls.Absolute(Urls.Paper(paper.Slug));
        return new FeedEntry
        {
            Id = url,
            Url = url,
            Title = paper.Paper.Title,
            SummaryHtml = view.AbstractHtml,
            Published = FeedDates.Midnight(paper.Paper.FirstTrending),
            Updated = FeedDates.Midnight(paper.Paper.Trending[^1]),
            Authors = paper.Paper.Authors,
            Categories = paper.Topics.Select(t => t.Name).ToList(),
        };
    }
}
