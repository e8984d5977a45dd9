using PaperTrail.Content;
using PaperTrail.Errors;
using PaperTrail.Incremental;
using PaperTrail.Output;
using PaperTrail.Pipelines;
using PaperTrail.Progress;
using PaperTrail.Rendering;
using PaperTrail.Search;
using PaperTrail.Site;
using PaperTrail.Tools;
using PaperTrail.Topics;

namespace PaperTrail.Build;

/// <summary>
/// The build, as a table of contents: what the last build left → load → model → plan → render, check
/// links and stage → commit → index. Everything that can fail does so before the commit, so a failed
/// build leaves the previous site as it was. What makes a rebuild cost what changed is behind one door,
/// <see cref="IncrementalBuild"/>.
/// </summary>
internal static class BuildPipeline
{
    /// <param name="progress">Where the stages are shown as they run, and the build's other lines go (a lock waited for, tools installed).</param>
    public static BuildReport Run(BuildOptions options, ProgressWriter? progress = null)
    {
        progress ??= ProgressWriter.Silent();
        using var stages = new StageTimer(progress);
        stages.Begin("scan inputs");
        if (!Directory.Exists(options.ContentDir))
            throw new ContentException(new ContentProblem(DisplayPath.Of(options.ContentDir), 0, "no content folder here"));
        using var writer = FolderLock.OnOutput(options.OutputDir, "build", progress); // one build at a time per output folder

        var last = IncrementalBuild.Open(options);
        if (NothingChanged(options, last) is { } unchanged)
        {
            stages.End();
            return unchanged with { Stages = stages.Stages, Warnings = last.Warnings };
        }

        stages.Begin("load");
        var (quarantine, tables) = Load(options, last);

        stages.Begin("node tools"); // installed with npm ci on a fresh clone: seconds of its own
        var tools = NodeTools.Prepare(options.ThemesDir, progress, out var toolsMissing);
        var search = options.Search ? tools : null;

        stages.Begin("model (topics)");
        // KaTeX (a Node process) and the theme's templates need nothing of the model: made beside it.
        var mathTask = Task.Run(() => MathRenderer.Prepare(tools, Formulas(quarantine.Archive), progress, last.Cache.Math));
        var theme = new ThemeFiles(options.ThemesDir, quarantine.Archive.Site.Theme);
        var templatesTask = Task.Run(() => new TemplateSet(theme, quarantine.Archive.Site.Language));
        var site = Model(quarantine.Archive, tables, last.Cache, out var fellBack, out var worked);
        stages.Begin("math, templates");
        var (templates, math, assets) = (templatesTask.GetAwaiter().GetResult(), mathTask.GetAwaiter().GetResult(), ThemeAssets.Load(theme));

        stages.Begin("plan, related papers");
        var context = new BuildContext(site, templates, assets, math, searchEnabled: search is not null);
        var plan = SitePlanning.Plan(context);
        // A paper whose own links reach for a page of this site the plan lacks is left out, and the site
        // modelled and planned again without it. Rare (a person's edit: ingest drops such links).
        while (quarantine.LeaveOut(OwnHostLinks.ToNoPage(quarantine.Archive, context.Urls, plan)))
        {
            site = Model(quarantine.Archive, tables, last.Cache, out fellBack, out worked);
            context = new BuildContext(site, templates, assets, math, searchEnabled: search is not null);
            plan = SitePlanning.Plan(context);
        }
        last.Planned(context, math);

        var (report, render) = RenderAndCommit(options, last, context, plan, worked, math, quarantine.LeftOut, progress, stages);
        SearchReport? indexed = null;
        if (search is not null)
        {
            stages.Begin("search index");
            indexed = SearchIndexer.Run(search, options.OutputDir, report.Changed, site.Papers.Count, options.Clean, progress);
        }
        stages.End();
        return new BuildReport(site.Papers.Count, plan.Count, report.Written, report.Unchanged, report.Removed, fellBack)
        {
            Rendered = render.Rendered,
            Feeds = FeedSummary.Of(plan),
            Changes = render.Changes(report.Changed),
            ChangedFiles = report.Changed,
            Search = indexed,
            SearchSkipped = search is null ? (options.Search ? toolsMissing : "--no-search") : null,
            MathFormulas = math.Formulas,
            ToolsMissing = tools is null ? toolsMissing : null,
            LeftOut = quarantine.LeftOut,
            Cut = PaperFieldCaps.Warnings(quarantine.Archive).ToList(),
            Warnings = last.Warnings,
            Strings = templates.Strings.Warnings().ToList(),
            Stages = stages.Stages,
        };
    }

    /// <summary>
    /// Step 0: no input changed and every output (and, with search on, the index) is whole: nothing to
    /// do. The papers the last build left out are warned about again; a strict build fails on them.
    /// </summary>
    private static BuildReport? NothingChanged(BuildOptions options, IncrementalBuild last)
    {
        if (last.Unchanged(() => !options.Search || SearchIndexState.IsWhole(options.OutputDir)) is not { } leftBefore) return null;
        if (options.Strict && leftBefore.Count > 0) throw new ContentException(leftBefore.SelectMany(p => p.Problems).ToList());
        var outputs = last.OutputsBefore;
        return new BuildReport(0, outputs, 0, outputs, 0, 0) { NothingChanged = true, LeftOut = leftBefore };
    }

    /// <summary>
    /// Step 2: the site model. Each paper's tokens are made once, for its topics and its related papers,
    /// and dropped with the classifier once the related papers are found (beside the plan): the papers
    /// live on until the pages are written, their tokens (tens of megabytes at archive scale) need not,
    /// and nothing of them outlives the build.
    /// </summary>
    private static SiteModel Model(Archive archive, LearnedTables tables, BuildCache cache, out int fellBack, out Task<BuildCache.Contents> worked)
    {
        var tokens = new PaperTokenCache();
        // The rules of topics.yml, and the learned model of topics-model.txt when the archive has one.
        var classifier = ModelAndRulesClassifier.For(archive.Taxonomy, tables.TopicModel, tokens);
        return SiteModelBuilder.Build(archive, tables.TermFrequencies, classifier, tokens, cache, out fellBack, out worked);
    }

    /// <summary>
    /// Step 1: the archive, papers whose files are as the last build parsed them taken from its cache.
    /// A paper that breaks a rule is left out and the rest is built; a problem of site.yml, topics.yml
    /// or the term table stops the build, as any problem does with --strict.
    /// </summary>
    private static (Quarantine Quarantine, LearnedTables Tables) Load(BuildOptions options, IncrementalBuild last)
    {
        var problems = new List<ContentProblem>();
        var loaded = ArchiveLoader.Load(options.ContentDir, problems, last.Known, last.Inputs.PaperFiles);
        var tables = LearnedTables.Load(options.ContentDir, problems);
        last.Loaded(loaded);
        var quarantine = Quarantine.Sort(loaded, problems, options.Strict);
        quarantine.StopIfBuildCannotGoOn();
        return (quarantine, tables);
    }

    /// <summary>
    /// The formulas of the abstracts shown, for KaTeX: looked for in the abstracts' UTF-8 bytes
    /// (decoding ten thousand abstracts to find the few with a '$' cost more than the search).
    /// </summary>
    private static IEnumerable<string> Formulas(Archive archive)
    {
        var shown = archive.Papers.Select(f => f.Paper).Where(p => !p.Hidden && p.RedirectTo is null).ToList();
        return shown.Where(p => p.AbstractUtf8.AsSpan().Contains((byte)'$')).Select(p => AbstractRenderer.ToHtml(p.Abstract))
            .Concat(shown.Where(p => InlineTex.HasMath(p.Title)).Select(p => InlineTex.Html(p.Title)));
    }

    /// <summary>
    /// Steps 4 and 5: renders what changed, checks links and stages it, while the cache is written;
    /// then commits the outputs in one step and records the build for the next.
    /// </summary>
    private static (WriteReport Report, RenderStage Render) RenderAndCommit(BuildOptions options, IncrementalBuild last, BuildContext context,
        IReadOnlyList<PlannedOutput> plan, Task<BuildCache.Contents> worked, MathRenderer math, IReadOnlyList<LeftOutPaper> leftOut, ProgressWriter progress, StageTimer stages)
    {
        stages.Begin("render, check links, stage");
        using var transaction = new OutputWriter(options.OutputDir).Begin(options.Clean);
        // Kept pages' links were checked against the last plan; if an output left the plan, check them again.
        var planned = plan.Select(o => o.File).ToHashSet(StringComparer.Ordinal);
        var recheckKept = transaction.Previous.Any(f => !planned.Contains(f));
        var cacheWrite = last.StageCache(transaction.StagingFolder, worked, math);
        var render = new RenderStage(plan, new LinkChecker(context.Urls, plan), transaction, options.OutputDir, last.Renders, recheckKept, progress);
        try
        {
            render.Run();
        }
        finally
        {
            IncrementalBuild.WaitQuietly(cacheWrite); // nothing of this build may still be writing when the staging folder goes
        }
        stages.Begin("commit");
        last.BeforeCommit(cacheWrite, progress);
        // From here until the search step finishes, the index may be behind the pages: if indexing
        // fails, the next build must index again, though it finds the inputs as recorded.
        if (options.Search) SearchIndexState.MarkPending(options.OutputDir);
        var report = transaction.Commit();
        last.AfterCommit(leftOut, render.Fingerprints);
        return (report, render);
    }
}
