using PaperTrail.Content;
using PaperTrail.Errors;
using PaperTrail.Pipelines;
using PaperTrail.Rendering;
using PaperTrail.Site;
using PaperTrail.Topics;

namespace PaperTrail.Build;

/// <summary>
/// The plan of the site: each pipeline's outputs, a path and a way to render its bytes, nothing
/// rendered yet. A build renders it; <c>generator check</c> makes it too, to judge the links papers
/// make to this site's own pages against it (<see cref="OwnHostLinks"/>).
/// </summary>
internal static class SitePlanning
{
    private static readonly IPipeline[] Pipelines =
    [
        new HomePagePipeline(),
        new PaperPagesPipeline(),
        new DayPagesPipeline(),
        new TopicPagesPipeline(),
        new FeedsPipeline(),
        new FeedArchivesPipeline(),
        new SubscribePipeline(),
        new WeeklyDigestPipeline(),
        new TopPagesPipeline(),
        new AuthorPagesPipeline(),
        new StaticFilesPipeline(),
        new RedirectsPipeline(),
        new SearchPagePipeline(),
        new SavedPagePipeline(),
        new ShareCards(),
    ];

    /// <summary>Every output, in the pipelines' order, the sitemap last; fails when two outputs would land on one path.</summary>
    public static List<PlannedOutput> Plan(BuildContext context)
    {
        // The pipelines plan on every core (they only read the model); the plan keeps their order.
        // Those that show related papers come after the others: the related papers may still be
        // being worked out beside them (SiteModelBuilder), and once the others are planned, the cores
        // are theirs (a pipeline waiting for them inside the same loop held a core they needed).
        var parts = new List<PlannedOutput>[Pipelines.Length];
        foreach (var readsRelated in new[] { false, true })
        {
            var batch = Enumerable.Range(0, Pipelines.Length).Where(i => Pipelines[i].ReadsRelatedPapers == readsRelated).ToArray();
            Parallel.ForEach(batch, i => parts[i] = Pipelines[i].Plan(context).ToList());
        }
        var plan = parts.SelectMany(p => p).ToList();
        plan.AddRange(SitemapPipeline.Plan(context, plan).ToList());
        CheckUnique(plan);
        return plan;
    }

    /// <summary>
    /// What <c>generator check</c> adds to the archive's rules: the site modelled and planned as a
    /// build plans it (search on, nothing cached, nothing rendered, no related papers: they add no page), and each paper whose own links
    /// reach for a page of this site the plan lacks left out, planning again without it, as a build does.
    /// </summary>
    /// <param name="model">The archive's topic model, when it has one (<see cref="LearnedTables"/>).</param>
    public static void LeaveOutLinksToNoPage(Quarantine quarantine, TopicModel? model, string themesDir)
    {
        var theme = new ThemeFiles(themesDir, quarantine.Archive.Site.Theme);
        var templates = new TemplateSet(theme, quarantine.Archive.Site.Language);
        var assets = ThemeAssets.Load(theme);
        BuildContext Model(Archive kept) =>
            new(SiteModelBuilder.BuildForPlan(kept, ModelAndRulesClassifier.For(kept.Taxonomy, model) /* [issue 31] */), templates, assets, searchEnabled: true);
        var context = Model(quarantine.Archive);
        var plan = Plan(context);
        while (quarantine.LeaveOut(OwnHostLinks.ToNoPage(quarantine.Archive, context.Urls, plan)))
        {
            context = Model(quarantine.Archive);
            plan = Plan(context);
        }
    }

    /// <summary>Fails the build when two outputs would land on one path.</summary>
    private static void CheckUnique(IReadOnlyList<PlannedOutput> plan)
    {
        var files = new HashSet<string>(plan.Count, StringComparer.Ordinal);
        var clashes = plan.Where(o => !files.Add(o.File)).Select(o => o.File).Distinct().ToList();
        if (clashes.Count > 0)
            throw new UserError(clashes.Select(c => $"{c}: two outputs would be written to this path").ToList());
    }
}
