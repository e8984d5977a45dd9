using PaperTrail.Content;
using PaperTrail.Rendering;

namespace PaperTrail.Pipelines;

/// <summary>
/// Site feeds (RSS, Atom, JSON Feed) with the latest papers, RSS and Atom per topic, and an OPML
/// file listing every topic feed. Item ids are the papers' permanent URLs.
/// </summary>
public sealed class FeedsPipeline : IPipeline
{
    /// <summary>Which writer makes a feed.</summary>
    public enum Format { Rss, Atom, Json }

    /// <summary>
    /// A feed: its title and description (site.yml's, or a topic's from topics.yml), the page it is the
    /// feed of, and its latest papers: a feed whose papers are the same is not made again. Older papers
    /// added to the archive leave every feed as it was.
    /// </summary>
    public sealed record FeedInput(Format Format, string Title, string Description, string Home, IReadOnlyList<SitePaper> Latest);

    public IEnumerable<PlannedOutput> Plan(BuildContext context)
    {
        var site = context.Site;
        var config = site.Config;
        var latest = site.Papers.Take(config.FeedSize).ToList();
        yield return Feed(context, Urls.Rss, new FeedInput(Format.Rss, config.Title, config.Description, Urls.Home, latest));
        yield return Feed(context, Urls.Atom, new FeedInput(Format.Atom, config.Title, config.Description, Urls.Home, latest));
        yield return Feed(context, Urls.JsonFeed, new FeedInput(Format.Json, config.Title, config.Description, Urls.Home, latest));

        foreach (var topic in site.Topics)
        {
            var papers = site.PapersByTopic[topic.Slug].Take(config.FeedSize).ToList();
            var title = $"{topic.Name} · {config.Title}";
            var description = topic.Description.Length > 0 ? topic.Description : $"Papers about {topic.Name}.";
            yield return Feed(context, Urls.TopicRss(topic.Slug), new FeedInput(Format.Rss, title, description, Urls.Topic(topic.Slug), papers));
            yield return Feed(context, Urls.TopicAtom(topic.Slug), new FeedInput(Format.Atom, title, description, Urls.Topic(topic.Slug), papers));
        }

        yield return new PlannedOutput(Urls.Opml, OutputKind.Data, () => OpmlWriter.Write(
            $"{config.Title}: topic feeds",
            site.Topics.Select(t => new OpmlFeed(t.Name, context.Urls.Absolute(Urls.TopicRss(t.Slug)), context.Urls.Absolute(Urls.Topic(t.Slug))))));
    }

    private static PlannedOutput Feed(BuildContext context, string path, FeedInput input) =>
        context.File(path, "feed", input, static (shared, path, feed) =>
        {
            var entries = feed.Latest.Select(p => Entry(shared, p)).ToList();
            var document = new FeedDocument
            {
                Title = feed.Title,
                Description = feed.Description,
                Language = shared.Config.Language,
                HomeUrl = shared.Urls.Absolute(feed.Home),
                SelfUrl = shared.Urls.Absolute(path),
                Author = shared.Config.Author ?? shared.Config.Title,
                Updated = entries.Count > 0 ? entries.Max(e => e.Updated) : DateTimeOffset.UnixEpoch,
                Entries = entries,
            };
            return feed.Format switch
            {
                Format.Rss => SyndicationFeedWriter.Rss(document),
                Format.Atom => SyndicationFeedWriter.Atom(document),
                _ => JsonFeedWriter.Write(document),
            };
        });

    private static FeedEntry Entry(SharedViews shared, SitePaper paper)
    {
        var view = shared.Views.Paper(paper);
        var url = shared.Urls.Absolute(Urls.Paper(paper.Slug));
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
