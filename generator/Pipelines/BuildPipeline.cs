using PaperTrail.Content;
using PaperTrail.Output;
using PaperTrail.Rendering;
using PaperTrail.Search;
using PaperTrail.Tools;
using PaperTrail.Topics;

namespace PaperTrail.Pipelines;

/// <summary>
/// The build, as a table of contents: load → assign topics → plan → render, check links and stage →
/// commit. Everything that can fail does so before the commit, so a failed build leaves the previous
/// site as it was.
/// </summary>
public static class BuildPipeline
{
    private static readonly IPipeline[] Pipelines =
    [
        new HomePagePipeline(),
        new PaperPagesPipeline(),
        new DayPagesPipeline(),
        new TopicPagesPipeline(),
        new FeedsPipeline(),
        new SubscribePipeline(),
        new StaticFilesPipeline(),
        new RedirectsPipeline(),
        new SearchPagePipeline(),
    ];

    public static BuildReport Run(BuildOptions options, TextWriter? log = null)
    {
        log ??= TextWriter.Null;
        var stages = new StageTimer();
        if (!Directory.Exists(options.ContentDir))
            throw new ContentException(new ContentProblem(DisplayPath.Of(options.ContentDir), 0, "no content folder here"));

        // Nothing changed since the last build: end here, before parsing the archive.
        var inputs = InputManifest.For(options);
        if (!options.Clean && inputs.Unchanged(options.OutputDir))
        {
            stages.Done("inputs unchanged");
            var outputs = new OutputWriter(options.OutputDir).PreviousOutputs().Count;
            return new BuildReport(0, outputs, 0, outputs, 0, 0) { NothingChanged = true, Stages = stages.Stages };
        }
        var problems = new List<ContentProblem>();
        var archive = ArchiveLoader.Load(options.ContentDir, problems);
        ArchiveChecker.Check(archive, problems);
        if (problems.Count > 0) throw new ContentException(problems);
        stages.Done("load");

        // KaTeX runs in Node, a process of its own: let it work while topics and related papers are computed.
        var tools = NodeTools.Prepare(options.ThemesDir, log, out var toolsMissing);
        var search = options.Search ? tools : null;
        var shown = archive.Papers.Select(f => f.Paper).Where(p => !p.Hidden && p.RedirectTo is null);
        var mathTask = Task.Run(() => MathRenderer.Prepare(tools, shown.Where(p => p.Abstract.Contains('$')).Select(p => AbstractRenderer.ToHtml(p.Abstract)), log));
        // Parsing the theme's templates needs nothing from the model either.
        var theme = new ThemeFiles(options.ThemesDir, archive.Site.Theme);
        var templatesTask = Task.Run(() => new TemplateSet(theme));

        var site = SiteModelBuilder.Build(archive, new RuleClassifier(archive.Taxonomy), out var fellBack);
        stages.Done("model (topics, related)");
        var templates = templatesTask.GetAwaiter().GetResult();
        var math = mathTask.GetAwaiter().GetResult();
        var context = new BuildContext(site, templates, ThemeAssets.Load(theme), math, searchEnabled: search is not null);

        stages.Done("tools, math, templates");
        var plan = Pipelines.SelectMany(p => p.Plan(context)).ToList();
        plan.AddRange(SitemapPipeline.Plan(context, plan).ToList());
        CheckUnique(plan);

        stages.Done("plan");

        WriteReport report;
        using (var transaction = new OutputWriter(options.OutputDir).Begin(options.Clean))
        {
            RenderAndStage(plan, new LinkChecker(context.Urls, plan), transaction);
            stages.Done("render, check links, stage");
            report = transaction.Commit();
        }
        inputs.Write(options.OutputDir);
        stages.Done("commit");
        var indexed = search is null ? null : SearchIndexer.Run(search, options.OutputDir, options.Clean ? ["index.html"] : report.Changed);
        if (indexed is not null) stages.Done("search index");
        return new BuildReport(site.Papers.Count, plan.Count, report.Written, report.Unchanged, report.Removed, fellBack)
        {
            Search = indexed,
            SearchSkipped = search is null ? (options.Search ? toolsMissing : "--no-search") : null,
            MathFormulas = math.Formulas,
            ToolsMissing = tools is null ? toolsMissing : null,
            Stages = stages.Stages,
        };
    }

    private static void CheckUnique(IReadOnlyList<PlannedOutput> plan)
    {
        var clashes = plan.GroupBy(o => o.File, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (clashes.Count > 0)
            throw new ContentException(clashes.Select(c => new ContentProblem(c, 0, "two outputs would be written to this path")).ToList());
    }

    /// <summary>
    /// Renders every output in parallel, checks its links and stages it at once, so only the pages
    /// in flight are ever held in memory. Any problem fails the build before the commit.
    /// </summary>
    private static void RenderAndStage(IReadOnlyList<PlannedOutput> plan, LinkChecker links, OutputTransaction transaction)
    {
        var problems = new System.Collections.Concurrent.ConcurrentBag<ContentProblem>();
        Parallel.For(0, plan.Count, i =>
        {
            byte[] bytes;
            try
            {
                bytes = plan[i].Render();
            }
            catch (ContentException e)
            {
                foreach (var problem in e.Problems) problems.Add(problem);
                return;
            }
            catch (Exception e) when (e is Fluid.ParseException or InvalidOperationException or ArgumentException or FormatException)
            {
                problems.Add(new ContentProblem(plan[i].File, 0, $"could not render: {e.Message}"));
                return;
            }
            var broken = links.Check(plan[i], bytes);
            foreach (var problem in broken) problems.Add(problem);
            if (broken.Count == 0 && problems.IsEmpty) transaction.Offer(plan[i].File, bytes);
        });
        // One problem per kind is enough: a missing layout would otherwise be named once per page.
        if (!problems.IsEmpty)
        {
            var broken = problems.Where(p => p.Message.StartsWith("broken link", StringComparison.Ordinal)).Distinct();
            var other = problems.Where(p => !p.Message.StartsWith("broken link", StringComparison.Ordinal)).DistinctBy(p => p.Message);
            throw new ContentException(other.Concat(broken).OrderBy(p => p.ToString(), StringComparer.Ordinal).Take(20).ToList());
        }
    }
}
