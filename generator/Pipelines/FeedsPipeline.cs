using PaperTrail.Content;
using PaperTrail.Rendering;
using PaperTrail.Site;

namespace PaperTrail.Pipelines;

/// <summary>
/// Site feeds (RSS, Atom, JSON Feed) and RSS and Atom per topic, each holding whole trending days
/// (<see cref="FeedWindow"/>) and pointing back to its newest monthly archive (RFC 5005,
/// <see cref="FeedArchivesPipeline"/>); and an OPML file listing every topic feed. Item ids are the
/// papers' permanent URLs.
/// </summary>
internal sealed class FeedsPipeline : IPipeline
{
    /// <summary>Which writer makes a feed.</summary>
    internal enum Format { Rss, Atom, Json }

    /// <summary>
    /// A feed: its title and description (site.yml's, or a topic's from topics.yml), the page it is the
    /// feed of, its newest month's archive, the archive's newest day when it has no items, and its items: a feed whose
    /// input is the same is not made again.
    /// </summary>
    internal sealed record FeedInput(Format Format, string Title, string Description, string Home, string? NewestArchive,
        DateOnly? ArchiveNewestDay, IReadOnlyList<FeedItem> Items);

    public IEnumerable<PlannedOutput> Plan(BuildContext context)
    {
        var site = context.Site;
        var config = site.Config;
        var newestDay = site.LastUpdated;
        var latest = FeedWindow.Select(site.Days, static _ => true, config.FeedSize, site.Positions);
        var siteArchive = NewestMonth(site.Papers) is { } month ? Urls.FeedArchive(month.Year, month.Month) : null;
        foreach (var (path, format) in new[] { (Urls.Rss, Format.Rss), (Urls.Atom, Format.Atom), (Urls.JsonFeed, Format.Json) })
            yield return Feed(context, path, new FeedInput(format, config.Title, config.Description, Urls.Home, siteArchive, latest.Count == 0 ? newestDay : null, latest));

        foreach (var topic in site.Topics)
        {
            var slug = topic.Slug;
            var papers = FeedWindow.Select(site.Days, p => HasTopic(p, slug), config.FeedSize, site.Positions);
            var archive = NewestMonth(site.PapersByTopic[slug]) is { } m ? Urls.TopicFeedArchive(slug, m.Year, m.Month) : null;
            var title = $"{topic.Name} · {config.Title}";
            var description = topic.Description.Length > 0 ? topic.Description : context.Shared.Strings.Text("feeds.topic_description", ("topic", topic.Name));
            // Only an empty feed shows the archive's newest day: a new day leaves other feeds' inputs alone.
            var emptyDay = papers.Count == 0 ? newestDay : null;
            yield return Feed(context, Urls.TopicRss(slug), new FeedInput(Format.Rss, title, description, Urls.Topic(slug), archive, emptyDay, papers));
            yield return Feed(context, Urls.TopicAtom(slug), new FeedInput(Format.Atom, title, description, Urls.Topic(slug), archive, emptyDay, papers));
        }

        yield return new PlannedOutput(Urls.Opml, OutputKind.Data, () => OpmlWriter.Write(
            context.Shared.Strings.Text("feeds.topic_feeds", ("site", config.Title)),
            site.Topics.Select(t => new OpmlFeed(t.Name, context.Urls.Absolute(Urls.TopicRss(t.Slug)), context.Urls.Absolute(Urls.Topic(t.Slug))))));
    }

    private static bool HasTopic(SitePaper paper, string slug)
    {
        foreach (var topic in paper.Topics)
            if (topic.Slug == slug) return true;
        return false;
    }

    /// <summary>The month of the newest first trending day among papers listed newest first.</summary>
    private static DateOnly? NewestMonth(IReadOnlyList<SitePaper> newestFirst) =>
        newestFirst.Count > 0 ? newestFirst[0].Paper.FirstTrending : null;

    private static PlannedOutput Feed(BuildContext context, string path, FeedInput input) =>
        context.File(path, "feed", input, static (shared, path, feed) =>
        {
            var entries = feed.Items.Select(item => FeedEntries.Current(shared, item)).ToList();
            var document = new FeedDocument
            {
                Title = feed.Title,
                Description = feed.Description,
                Language = shared.Config.Language,
                HomeUrl = shared.Urls.Absolute(feed.Home),
                SelfUrl = shared.Urls.Absolute(path),
                Author = shared.Config.Author ?? shared.Config.Title,
                Updated = entries.Count > 0 ? entries.Max(e => e.Updated) : null,
                EmptyAtomUpdated = feed.ArchiveNewestDay is { } day ? FeedDates.Midnight(day) : null,
                Links = [.. FeedLinks.Hub(shared.Config), .. feed.NewestArchive is { } archive ? [new FeedLink("prev-archive", shared.Urls.Absolute(archive))] : Array.Empty<FeedLink>()],
                Entries = entries,
            };
            return feed.Format switch
            {
                Format.Rss => SyndicationFeedWriter.Rss(document),
                Format.Atom => SyndicationFeedWriter.Atom(document),
                _ => JsonFeedWriter.Write(document),
            };
        });
}
