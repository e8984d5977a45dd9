using PaperTrail.Content;
using PaperTrail.Output;
using PaperTrail.Rendering;
using PaperTrail.Search;
using PaperTrail.Tools;
using PaperTrail.Topics;
using PaperTrail.Errors;

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
        using var writer = FolderLock.OnOutput(options.OutputDir, "build", log); // one build at a time per output folder

        // What the last build worked out per paper file, reused for files whose bytes are the same: read
        // on the other core while the inputs are scanned (it needs only topics.yml's hash and the tools' pins).
        var taxonomyHash = InputManifest.TaxonomyHash(options);
        var toolPins = InputManifest.ToolPinsFor(options);
        var cacheRead = options.Clean ? Task.FromResult(BuildCache.Empty) : Task.Run(() => BuildCache.Read(options.OutputDir, InputManifest.Generator, taxonomyHash, toolPins));

        // Nothing changed since the last build: end here, before parsing the archive. With search on,
        // the last build must also have finished its index, and the index must still be all there.
        var inputs = InputManifest.For(options, toolPins);
        stages.Done("scan inputs");
        if (!options.Clean && inputs.Unchanged(options.OutputDir) && (!options.Search || SearchIndexState.IsWhole(options.OutputDir)))
        {
            WaitQuietly(cacheRead); // nothing of the build outlives it
            stages.Done("inputs unchanged");
            var outputs = new OutputWriter(options.OutputDir).PreviousOutputs().Count;
            return new BuildReport(0, outputs, 0, outputs, 0, 0) { NothingChanged = true, Stages = stages.Stages };
        }
        var problems = new List<ContentProblem>();
        var cache = cacheRead.GetAwaiter().GetResult();
        var archive = ArchiveLoader.Load(options.ContentDir, problems, file =>
            inputs.HashOf("content/" + file) is { } hash ? (hash, cache.Paper(file, hash)?.Paper) : (null, null), inputs.PaperFiles);
        foreach (var file in archive.Papers)
            if (file.ContentHash is { } read) inputs.Know("content/" + file.RelativePath, read);
        ArchiveChecker.Check(archive, problems);
        if (problems.Count > 0) throw new ContentException(problems);
        stages.Done("load");

        // KaTeX runs in Node, a process of its own: let it work while topics and related papers are computed.
        var tools = NodeTools.Prepare(options.ThemesDir, log, out var toolsMissing);
        var search = options.Search ? tools : null;
        var shown = archive.Papers.Select(f => f.Paper).Where(p => !p.Hidden && p.RedirectTo is null);
        // Looked for in the abstracts' UTF-8 bytes: decoding ten thousand abstracts to find the few with a '$' cost more than the search.
        var mathTask = Task.Run(() => MathRenderer.Prepare(tools, shown.Where(p => p.AbstractUtf8.AsSpan().Contains((byte)'$')).Select(p => AbstractRenderer.ToHtml(p.Abstract)), log, cache.Math));
        // Parsing the theme's templates needs nothing from the model either.
        var theme = new ThemeFiles(options.ThemesDir, archive.Site.Theme);
        var templatesTask = Task.Run(() => new TemplateSet(theme));

        var site = SiteModelBuilder.Build(archive, new RuleClassifier(archive.Taxonomy), cache, out var fellBack, out var worked);
        stages.Done("model (topics, related)");
        var templates = templatesTask.GetAwaiter().GetResult();
        var math = mathTask.GetAwaiter().GetResult();
        var context = new BuildContext(site, templates, ThemeAssets.Load(theme), math, searchEnabled: search is not null);

        stages.Done("tools, math, templates");
        // What every page shares; a page whose own view model is also as last recorded is not rendered again.
        // The last build's cards and render manifest are read while the outputs are planned.
        var shared = ViewHasher.Hex(ViewHasher.Of(inputs.SharedHash, context.SiteView, math.Formulas > 0));
        var cardsRead = Task.Run(() => options.Clean ? CardCache.Empty : CardCache.Read(options.OutputDir, InputManifest.Generator, shared));
        var rendersRead = Task.Run(() => options.Clean ? RenderManifest.Empty : RenderManifest.Read(options.OutputDir, shared));
        // Each pipeline plans on its own core (they only read the model); the plan keeps their order.
        var parts = new List<PlannedOutput>[Pipelines.Length];
        Parallel.For(0, Pipelines.Length, i => parts[i] = Pipelines[i].Plan(context).ToList());
        var plan = parts.SelectMany(p => p).ToList();
        plan.AddRange(SitemapPipeline.Plan(context, plan).ToList());
        var planned = CheckUnique(plan);
        var cards = cardsRead.GetAwaiter().GetResult();
        context.Views.CachedCard = cards.Card;
        var renders = rendersRead.GetAwaiter().GetResult();
        stages.Done("plan");

        WriteReport report;
        Task cardsWrite;
        int renderedCount;
        using (var transaction = new OutputWriter(options.OutputDir).Begin(options.Clean))
        {
            // Kept pages' links were checked against the last plan; if an output left the plan, check them again.
            var recheckKept = transaction.Previous.Any(f => !planned.Contains(f));
            // The cache is true of the inputs whatever the build's outcome: written while the pages
            // render, so what it holds is let go early; put in place only if the build gets to commit.
            var cacheWrite = WriteCache(transaction.StagingFolder, taxonomyHash, toolPins, worked, math, cache);
            var render = new RenderStage(plan, new LinkChecker(context.Urls, plan), transaction, options.OutputDir, renders, recheckKept);
            try
            {
                renderedCount = render.Run();
            }
            finally
            {
                // Nothing of this build may still be writing when the staging folder goes.
                WaitQuietly(cacheWrite);
            }
            stages.Done("render, check links, stage");
            if (cacheWrite.IsCompletedSuccessfully) BuildCache.Place(cacheWrite.Result, options.OutputDir);
            else log.WriteLine($"cache: not written ({cacheWrite.Exception?.InnerException?.Message}); the next build does more work");
            // A commit that stops half way must not leave a manifest vouching for files it replaced.
            RenderManifest.Delete(options.OutputDir);
            cardsWrite = Task.Run(() => cards.Write(options.OutputDir, InputManifest.Generator, shared, site.Papers.Select(p => p.Fingerprint), context.Views.Cards()));
            // From here until the search step finishes, the index may be behind the pages: if indexing
            // fails, the next build must index again, though it finds the inputs as recorded below.
            if (options.Search) SearchIndexState.MarkPending(options.OutputDir);
            try
            {
                report = transaction.Commit();
            }
            finally
            {
                WaitQuietly(cardsWrite);
            }
            // Two files of tens of thousands of lines each, written side by side.
            var inputsWrite = Task.Run(() => inputs.Write(options.OutputDir));
            RenderManifest.Write(options.OutputDir, shared, render.Fingerprints);
            inputsWrite.GetAwaiter().GetResult();
        }
        if (!cardsWrite.IsCompletedSuccessfully)
            log.WriteLine($"cache: cards not written ({cardsWrite.Exception?.InnerException?.Message}); the next build renders them again");
        stages.Done("commit");
        var indexed = search is null ? null : SearchIndexer.Run(search, options.OutputDir, options.Clean ? ["index.html"] : report.Changed, site.Papers.Count);
        if (indexed is not null) stages.Done("search index");
        return new BuildReport(site.Papers.Count, plan.Count, report.Written, report.Unchanged, report.Removed, fellBack)
        {
            Rendered = renderedCount,
            Search = indexed,
            SearchSkipped = search is null ? (options.Search ? toolsMissing : "--no-search") : null,
            MathFormulas = math.Formulas,
            ToolsMissing = tools is null ? toolsMissing : null,
            Stages = stages.Stages,
        };
    }

    private static Task<BuildCache.Staged> WriteCache(string stagingFolder, string taxonomyHash, string toolPins, BuildCache.Contents worked, MathRenderer math, BuildCache previous) =>
        Task.Run(() => BuildCache.Write(stagingFolder, InputManifest.Generator, taxonomyHash, toolPins, worked, math.Rendered, previous));

    private static void WaitQuietly(Task task)
    {
        try { task.Wait(); }
        catch (AggregateException) { } // the caller looks at the task's outcome
    }

    /// <summary>The files of the plan; fails the build when two outputs would land on one path.</summary>
    private static HashSet<string> CheckUnique(IReadOnlyList<PlannedOutput> plan)
    {
        var files = new HashSet<string>(plan.Count, StringComparer.Ordinal);
        var clashes = plan.Where(o => !files.Add(o.File)).Select(o => o.File).Distinct().ToList();
        if (clashes.Count > 0)
            throw new UserError(clashes.Select(c => $"{c}: two outputs would be written to this path").ToList());
        return files;
    }
}
