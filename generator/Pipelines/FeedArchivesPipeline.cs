using PaperTrail.Rendering;
using PaperTrail.Site;

namespace PaperTrail.Pipelines;

/// <summary>
/// Archived feeds (RFC 5005): one Atom document per month for the site feed and for each topic's,
/// holding the papers that first trended that month, each pointing to the month before it
/// (<c>prev-archive</c>) and to the feed it archives (<c>current</c>); the subscription feeds point to
/// their newest month. A reader that was away pages back and misses nothing. The newest month's
/// document grows until the month ends; after that a new day never changes it, since an archived
/// item shows nothing that changes when its paper trends again (no upvotes, its first day's date),
/// and there is no <c>next-archive</c> link to add (RFC 5005 makes it optional).
/// </summary>
internal sealed class FeedArchivesPipeline : IPipeline
{
    /// <summary>A month of one feed: what the document says, its papers, and the month before it.</summary>
    internal sealed record ArchiveInput(string Title, string Description, string Home, string Current, string? Previous,
        IReadOnlyList<FeedItem> Items);

    public IEnumerable<PlannedOutput> Plan(BuildContext context)
    {
        var site = context.Site;
        var config = site.Config;
        foreach (var output in Months(context, site.Papers, config.Title, config.Description, Urls.Home, Urls.Atom,
                     static (year, month) => Urls.FeedArchive(year, month)))
            yield return output;
        foreach (var topic in site.Topics)
        {
            var slug = topic.Slug;
            var description = topic.Description.Length > 0 ? topic.Description : context.Shared.Strings.Text("feeds.topic_description", ("topic", topic.Name));
            foreach (var output in Months(context, site.PapersByTopic[slug], $"{topic.Name} · {config.Title}", description,
                         Urls.Topic(slug), Urls.TopicAtom(slug), (year, month) => Urls.TopicFeedArchive(slug, year, month)))
                yield return output;
        }
    }

    /// <param name="newestFirst">The feed's papers by first trending day, newest first.</param>
    private static IEnumerable<PlannedOutput> Months(BuildContext context, IReadOnlyList<SitePaper> newestFirst, string title,
        string description, string home, string current, Func<int, int, string> pathOf)
    {
        var positions = context.Site.Positions;
        var months = newestFirst
            .GroupBy(p => (p.Paper.FirstTrending.Year, p.Paper.FirstTrending.Month))
            .Select(g => (g.Key.Year, g.Key.Month, Items: g
                .Select(p => FeedItem.FirstSeen(p, positions))
                .OrderByDescending(i => i.FirstDay).ThenBy(i => i.FirstPosition).ThenBy(i => i.Paper.Slug, StringComparer.Ordinal)
                .ToList()))
            .OrderByDescending(m => (m.Year, m.Month))
            .ToList();
        for (var k = 0; k < months.Count; k++)
        {
            var (year, month, items) = months[k];
            var previous = k + 1 < months.Count ? pathOf(months[k + 1].Year, months[k + 1].Month) : null;
            var monthName = context.Shared.Strings.Month(year, month);
            var input = new ArchiveInput($"{title}: {monthName}", description, home, current, previous, items);
            yield return context.File(pathOf(year, month), "feed-archive", input, static (shared, path, archive) =>
            {
                var entries = archive.Items.Select(item => FeedEntries.Archived(shared, item)).ToList();
                var links = new List<FeedLink> { new("current", shared.Urls.Absolute(archive.Current)) };
                if (archive.Previous is { } previous) links.Add(new FeedLink("prev-archive", shared.Urls.Absolute(previous)));
                return SyndicationFeedWriter.Atom(new FeedDocument
                {
                    Title = archive.Title,
                    Description = archive.Description,
                    Language = shared.Config.Language,
                    HomeUrl = shared.Urls.Absolute(archive.Home),
                    SelfUrl = shared.Urls.Absolute(path),
                    Author = shared.Config.Author ?? shared.Config.Title,
                    Updated = entries.Max(e => e.Updated),
                    Links = links,
                    IsArchive = true,
                    Entries = entries,
                });
            });
        }
    }
}
