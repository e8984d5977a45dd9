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

        yield return Feed(Urls.Rss, site.Papers.Take(config.FeedSize), () => SyndicationFeedWriter.Rss(SiteFeed(Urls.Rss)));
        yield return Feed(Urls.Atom, site.Papers.Take(config.FeedSize), () => SyndicationFeedWriter.Atom(SiteFeed(Urls.Atom)));
        yield return Feed(Urls.JsonFeed, site.Papers.Take(config.FeedSize), () => JsonFeedWriter.Write(SiteFeed(Urls.JsonFeed)));

        foreach (var topic in site.Topics)
        {
            var papers = site.PapersByTopic[topic.Slug];
            FeedDocument TopicFeed(string self) => Document(context, $"{topic.Name} · {config.Title}",
                topic.Description.Length > 0 ? topic.Description : $"Papers about {topic.Name}.", Urls.Topic(topic.Slug), self, papers);
            yield return Feed(Urls.TopicRss(topic.Slug), papers.Take(config.FeedSize), () => SyndicationFeedWriter.Rss(TopicFeed(Urls.TopicRss(topic.Slug))));
            yield return Feed(Urls.TopicAtom(topic.Slug), papers.Take(config.FeedSize), () => SyndicationFeedWriter.Atom(TopicFeed(Urls.TopicAtom(topic.Slug))));
        }

        yield return new PlannedOutput(Urls.Opml, OutputKind.Data, () => OpmlWriter.Write(
            $"{config.Title}: topic feeds",
            site.Topics.Select(t => new OpmlFeed(t.Name, context.Urls.Absolute(Urls.TopicRss(t.Slug)), context.Urls.Absolute(Urls.Topic(t.Slug))))));
    }

    /// <summary>
    /// A feed, made from its path (which says the format and the topic, whose name and description
    /// are in topics.yml, shared by every output) and its latest papers: a feed whose papers are the
    /// same is not made again. Older papers added to the archive leave every feed as it was.
    /// </summary>
    private static PlannedOutput Feed(string path, IEnumerable<SitePaper> latest, Func<byte[]> render) =>
        new(path, OutputKind.Data, render) { Fingerprint = () => ViewHasher.Of("feed", path, latest.ToList()) };

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
