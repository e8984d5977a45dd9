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
        // The papers the last build left out are warned about again (a strict build fails on them).
        if (!options.Clean && inputs.Unchanged(options.OutputDir) && (!options.Search || SearchIndexState.IsWhole(options.OutputDir))
            && LeftOutRecord.Read(options.OutputDir, options.ContentDir) is { } leftBefore)
        {
            WaitQuietly(cacheRead); // nothing of the build outlives it
            if (options.Strict && leftBefore.Count > 0) throw new ContentException(leftBefore.SelectMany(p => p.Problems).ToList());
            stages.Done("inputs unchanged");
            var outputs = new OutputWriter(options.OutputDir).PreviousOutputs().Count;
            return new BuildReport(0, outputs, 0, outputs, 0, 0) { NothingChanged = true, LeftOut = leftBefore, Stages = stages.Stages };
        }
        var problems = new List<ContentProblem>();
        var cache = cacheRead.GetAwaiter().GetResult();
        var loaded = ArchiveLoader.Load(options.ContentDir, problems, file =>
            inputs.HashOf("content/" + file) is { } hash ? (hash, cache.Paper(file, hash)?.Paper) : (null, null), inputs.PaperFiles);
        foreach (var file in loaded.Papers)
            if (file.ContentHash is { } read) inputs.Know("content/" + file.RelativePath, read);
        // A paper that breaks a rule is left out and the rest is built; a problem of site.yml, topics.yml
        // or the term table stops the build, as any problem does with --strict.
        var quarantine = Quarantine.Sort(loaded, problems, options.Strict);
        quarantine.StopIfBuildCannotGoOn();
        var archive = quarantine.Archive;
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

        // [issue 31] The rules of topics.yml, and the learned model of topics-model.txt when the archive has one.
        var classifier = ModelAndRulesClassifier.For(archive.Taxonomy, archive.TopicModel);
        var site = SiteModelBuilder.Build(archive, classifier, cache, out var fellBack, out var worked);
        stages.Done("model (topics, related)");
        var templates = templatesTask.GetAwaiter().GetResult();
        var math = mathTask.GetAwaiter().GetResult();
        var assets = ThemeAssets.Load(theme);
        var context = new BuildContext(site, templates, assets, math, searchEnabled: search is not null);

        stages.Done("tools, math, templates");
        // What every page shares; a page whose own view model is also as last recorded is not rendered again.
        // The last build's cards and render manifest are read while the outputs are planned.
        var last = LastRender.Read(options, SharedHash(inputs, context, math));
        var plan = SitePlanning.Plan(context);
        // A paper whose own links (links:, its abstract's) reach for a page of this site that the plan
        // lacks is left out, and the site modelled and planned again without it. Rare (a person's edit:
        // ingest drops such links), so that path simply does the work again. (KaTeX has rendered its
        // formulas already; a cold build does the same, and no page shows them.)
        while (quarantine.LeaveOut(OwnHostLinks.ToNoPage(quarantine.Archive, context.Urls, plan)))
        {
            site = SiteModelBuilder.Build(quarantine.Archive, classifier, cache, out fellBack, out worked);
            context = new BuildContext(site, templates, assets, math, searchEnabled: search is not null);
            if (SharedHash(inputs, context, math) is var shared && shared != last.Shared) last = LastRender.Read(options, shared);
            plan = SitePlanning.Plan(context);
        }
        var planned = plan.Select(o => o.File).ToHashSet(StringComparer.Ordinal);
        var cards = last.Cards;
        context.Views.CachedCard = cards.Card;
        var renders = last.Renders;
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
            cardsWrite = Task.Run(() => cards.Write(options.OutputDir, InputManifest.Generator, last.Shared, site.Papers.Select(p => p.Fingerprint), context.Views.Cards()));
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
            // Before inputs.txt, which lets the next build end early and tell them from this record.
            LeftOutRecord.Write(options.OutputDir, options.ContentDir, quarantine.LeftOut);
            // Two files of tens of thousands of lines each, written side by side.
            var inputsWrite = Task.Run(() => inputs.Write(options.OutputDir));
            RenderManifest.Write(options.OutputDir, last.Shared, render.Fingerprints);
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
            LeftOut = quarantine.LeftOut,
            Cut = PaperFieldCaps.Warnings(quarantine.Archive).ToList(),
            Stages = stages.Stages,
        };
    }

    /// <summary>One hash of what every page depends on: every input but the papers, the site-wide view, whether KaTeX ran.</summary>
    private static string SharedHash(InputManifest inputs, BuildContext context, MathRenderer math) =>
        ViewHasher.Hex(ViewHasher.Of(inputs.SharedHash, context.SiteView, math.Formulas > 0));

    private static Task<BuildCache.Staged> WriteCache(string stagingFolder, string taxonomyHash, string toolPins, BuildCache.Contents worked, MathRenderer math, BuildCache previous) =>
        Task.Run(() => BuildCache.Write(stagingFolder, InputManifest.Generator, taxonomyHash, toolPins, worked, math.Rendered, previous));

    private static void WaitQuietly(Task task)
    {
        try { task.Wait(); }
        catch (AggregateException) { } // the caller looks at the task's outcome
    }
}
