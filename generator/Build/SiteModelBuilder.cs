using PaperTrail.Content;
using PaperTrail.Incremental;
using PaperTrail.Related;
using PaperTrail.Site;
using PaperTrail.Topics;

namespace PaperTrail.Build;

/// <summary>Turns the archive into the <see cref="SiteModel"/>: hides what is hidden, assigns topics, sorts once.</summary>
internal static class SiteModelBuilder
{
    public static SiteModel Build(Archive archive, ITopicClassifier classifier, out int fallbackCount) =>
        Build(archive, TermFrequencies.Default, classifier, new PaperTokenCache(), BuildCache.Empty, out fallbackCount, out _);

    /// <summary>
    /// The model with no related papers: all a plan needs (what pages there are), for <c>generator
    /// check</c>. Related papers are most of what modelling costs, and only rendered pages show them.
    /// </summary>
    public static SiteModel BuildForPlan(Archive archive, ITopicClassifier classifier) =>
        Build(archive, TermFrequencies.Default, classifier, new PaperTokenCache(), BuildCache.Empty, out _, out _, related: false);

    /// <param name="reference">What related papers weigh terms by (<see cref="LearnedTables.TermFrequencies"/>).</param>
    /// <param name="tokens">The papers' tokens, the same the classifier reads, for the related papers.</param>
    /// <param name="cache">Topics and term counts the last build worked out, reused for papers whose files are unchanged, and its related papers.</param>
    /// <param name="worked">What this build worked out per paper file, for the next build's cache: complete once the related papers are.</param>
    public static SiteModel Build(Archive archive, TermFrequencies reference, ITopicClassifier classifier, PaperTokenCache tokens, BuildCache cache,
        out int fallbackCount, out Task<BuildCache.Contents> worked) =>
        Build(archive, reference, classifier, tokens, cache, out fallbackCount, out worked, related: true);

    private static SiteModel Build(Archive archive, TermFrequencies reference, ITopicClassifier classifier, PaperTokenCache tokens, BuildCache cache, out int fallbackCount,
        out Task<BuildCache.Contents> worked, bool related)
    {
        var assigner = new TopicAssigner(archive.Taxonomy, classifier);
        var topicsBySlug = archive.Topics.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        var shown = archive.Papers.Where(f => !f.Paper.Hidden && f.Paper.RedirectTo is null).ToArray();
        var cached = shown.Select(f => f.ContentHash is { } hash ? cache.Paper(f.RelativePath, hash) : null).ToArray();
        // Each paper's topics depend on that paper alone: classify on every core.
        var assigned = new SitePaper[shown.Length];
        var fellBack = new bool[shown.Length];
        Parallel.For(0, shown.Length, i =>
        {
            IReadOnlyList<Topic> topics;
            if (cached[i] is { Topics: { } slugs } known)
            {
                topics = slugs.Select(s => topicsBySlug.GetValueOrDefault(s)).OfType<Topic>().ToList();
                fellBack[i] = known.FellBack;
            }
            else topics = assigner.Assign(shown[i].Paper, out fellBack[i]);
            assigned[i] = new SitePaper(shown[i].Paper, topics) { ContentHash = shown[i].ContentHash };
        });
        // Newest first, and the papers of one first day in that day's order: topic pages and months list them so.
        var order = Enumerable.Range(0, shown.Length).ToArray();
        Array.Sort(order, (i, j) =>
        {
            var (x, y) = (assigned[i], assigned[j]);
            var byDay = y.Paper.FirstTrending.CompareTo(x.Paper.FirstTrending);
            if (byDay != 0) return byDay;
            var byOrder = TrendingOrder.Compare(x.Paper, y.Paper, x.Paper.FirstTrending);
            return byOrder != 0 ? byOrder : string.CompareOrdinal(x.Slug, y.Slug);
        });
        var papers = order.Select(i => assigned[i]).ToList();
        fallbackCount = fellBack.Count(f => f);

        var days = papers
            .SelectMany(p => p.Paper.Trending.Select(day => (Day: day, Paper: p)))
            .GroupBy(x => x.Day)
            .OrderByDescending(g => g.Key)
            .Select(g => (g.Key, (IReadOnlyList<SitePaper>)g.Select(x => x.Paper).OrderBy(p => p, TrendingOrder.Of(g.Key)).ToList()))
            .ToList();

        // One pass over the papers, in their order, instead of one per topic.
        var topicLists = archive.Topics.ToDictionary(t => t.Slug, _ => new List<SitePaper>(), StringComparer.Ordinal);
        foreach (var paper in papers)
            foreach (var slug in paper.Topics.Select(t => t.Slug).Distinct(StringComparer.Ordinal))
                if (topicLists.TryGetValue(slug, out var list)) list.Add(paper);
        var byTopic = topicLists.ToDictionary(t => t.Key, t => (IReadOnlyList<SitePaper>)t.Value, StringComparer.Ordinal);

        // Related papers are most of what modelling costs, and only paper pages show them: they are
        // worked out on their own while the other pages are planned (SitePlanning plans paper pages
        // last), which fills the cores one or the other left idle (a new day at 10,000 papers, native
        // build, 2 cores, 6 alternating rounds: median 1.04 s side by side, 1.14 s one after the other).
        // Each paper's term counts: the cache's, and the others filled in as the related papers are found.
        var counts = order.Select(i => cached[i]?.Terms).ToArray();
        var relatedWork = Task.Run(() => RelatedOf(papers, reference, cache, tokens, counts, related));
        worked = relatedWork.ContinueWith(done =>
        {
            var (_, terms, relatedState) = done.GetAwaiter().GetResult();
            var entries = new Dictionary<string, BuildCache.Entry>(StringComparer.Ordinal);
            for (var k = 0; k < order.Length; k++)
            {
                var file = shown[order[k]];
                if (file.ContentHash is { } hash)
                    entries[file.RelativePath] = new BuildCache.Entry(hash, file.Paper)
                    { Topics = papers[k].Topics.Select(t => t.Slug).ToList(), FellBack = fellBack[order[k]], Terms = counts[k] };
            }
            // Merged records are cached too; hidden ones never: what was taken down stays out of every file the build keeps.
            foreach (var file in archive.Papers)
                if (file.ContentHash is { } hash && !file.Paper.Hidden && !entries.ContainsKey(file.RelativePath))
                    entries[file.RelativePath] = new BuildCache.Entry(hash, file.Paper);
            return new BuildCache.Contents(entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, e.Value)).ToList(), terms.Terms) { Related = relatedState };
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        return new SiteModel
        {
            RelatedWork = relatedWork.ContinueWith(done => done.GetAwaiter().GetResult().BySlug,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default),
            Config = archive.Site,
            Urls = new Urls(archive.Site.BaseUrl),
            Topics = archive.Topics,
            Papers = papers,
            Days = days,
            PapersByTopic = byTopic,
            AuthorSpellings = archive.AuthorSpellings,
            MergedPapers = archive.Papers.Select(f => f.Paper).Where(p => p.RedirectTo is not null && !p.Hidden).ToList(),
        };
    }

    /// <summary>
    /// Each paper's related papers (none when <paramref name="related"/> is false), filling in
    /// <paramref name="counts"/> for the papers the cache did not have; with the term numbering they
    /// index, and what the next build reuses.
    /// </summary>
    private static (IReadOnlyDictionary<string, IReadOnlyList<SitePaper>> BySlug, TermTable Terms, RelatedState? State) RelatedOf(
        IReadOnlyList<SitePaper> papers, TermFrequencies reference, BuildCache cache, PaperTokenCache tokens, (int Term, float Count)[]?[] counts, bool related)
    {
        var terms = new TermTable(cache.Terms);
        var bySlug = new Dictionary<string, IReadOnlyList<SitePaper>>(papers.Count, StringComparer.Ordinal);
        if (!related) return (bySlug, terms, null);
        var papersBySlug = papers.ToDictionary(p => p.Slug, StringComparer.Ordinal);
        var slugs = RelatedPapers.Compute(papers.Select(p => p.Paper).ToList(), reference, terms, counts, cache.Related, out var state, tokens);
        var lists = new IReadOnlyList<SitePaper>[papers.Count];
        Parallel.For(0, papers.Count, k => lists[k] = slugs[papers[k].Slug].Select(s => papersBySlug[s]).ToArray());
        for (var k = 0; k < papers.Count; k++) bySlug[papers[k].Slug] = lists[k];
        return (bySlug, terms, state);
    }
}
