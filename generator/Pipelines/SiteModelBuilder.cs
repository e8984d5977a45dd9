using PaperTrail.Content;
using PaperTrail.Related;
using PaperTrail.Topics;

namespace PaperTrail.Pipelines;

/// <summary>Turns the archive into the <see cref="SiteModel"/>: hides what is hidden, assigns topics, sorts once.</summary>
public static class SiteModelBuilder
{
    public static SiteModel Build(Archive archive, ITopicClassifier classifier, out int fallbackCount)
    {
        var assigner = new TopicAssigner(archive.Taxonomy, classifier);
        var shown = archive.Papers.Select(f => f.Paper).Where(p => !p.Hidden && p.RedirectTo is null).ToArray();
        // Each paper's topics depend on that paper alone: classify on every core.
        var assigned = new SitePaper[shown.Length];
        Parallel.For(0, shown.Length, i => assigned[i] = new SitePaper(shown[i], assigner.Assign(shown[i])));
        var papers = assigned
            .OrderByDescending(p => p.Paper.FirstTrending)
            .ThenBy(p => p.Paper.Title, StringComparer.Ordinal)
            .ThenBy(p => p.Slug, StringComparer.Ordinal)
            .ToList();
        fallbackCount = assigner.FallbackCount;

        var days = papers
            .SelectMany(p => p.Paper.Trending.Select(day => (Day: day, Paper: p)))
            .GroupBy(x => x.Day)
            .OrderByDescending(g => g.Key)
            .Select(g => (g.Key, (IReadOnlyList<SitePaper>)g.Select(x => x.Paper).OrderBy(p => p, ReadingOrder.Instance).ToList()))
            .ToList();

        var byTopic = archive.Topics.ToDictionary(
            t => t.Slug,
            t => (IReadOnlyList<SitePaper>)papers.Where(p => p.Topics.Any(pt => pt.Slug == t.Slug)).ToList(),
            StringComparer.Ordinal);

        var bySlug = papers.ToDictionary(p => p.Slug, StringComparer.Ordinal);
        var related = RelatedPapers.Compute(papers.Select(p => p.Paper).ToList())
            .ToDictionary(r => r.Key, r => (IReadOnlyList<SitePaper>)r.Value.Select(s => bySlug[s]).ToList(), StringComparer.Ordinal);

        PaperTokens.Release(shown);

        return new SiteModel
        {
            Related = related,
            Config = archive.Site,
            Urls = new Urls(archive.Site.BaseUrl),
            Topics = archive.Topics,
            Papers = papers,
            Days = days,
            PapersByTopic = byTopic,
            MergedPapers = archive.Papers.Select(f => f.Paper).Where(p => p.RedirectTo is not null && !p.Hidden).ToList(),
        };
    }

    /// <summary>Within a day: most upvoted first, then newest preprint, then by title.</summary>
    private sealed class ReadingOrder : IComparer<SitePaper>
    {
        public static readonly ReadingOrder Instance = new();

        public int Compare(SitePaper? x, SitePaper? y)
        {
            if (ReferenceEquals(x, y)) return 0;
            if (x is null) return -1;
            if (y is null) return 1;
            var byVotes = (y.Paper.Upvotes ?? -1).CompareTo(x.Paper.Upvotes ?? -1);
            if (byVotes != 0) return byVotes;
            var byPublished = Nullable.Compare(y.Paper.Published, x.Paper.Published);
            if (byPublished != 0) return byPublished;
            var byTitle = string.CompareOrdinal(x.Paper.Title, y.Paper.Title);
            return byTitle != 0 ? byTitle : string.CompareOrdinal(x.Slug, y.Slug);
        }
    }
}
