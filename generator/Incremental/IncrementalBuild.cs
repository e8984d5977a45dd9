using PaperTrail.Content;
using PaperTrail.Pipelines;
using PaperTrail.Rendering;
using PaperTrail.Site;

namespace PaperTrail.Incremental;

/// <summary>
/// The one door to what the last build left for this one, and to what this one leaves for the next:
/// the input manifest (nothing changed: nothing to do), the build cache (papers parsed, topics, term
/// counts, related papers, math), the render manifest (a page whose input hashes as before is kept),
/// and the record of papers left out. The orchestrator (<c>Build/BuildPipeline</c>) calls it at each
/// stage; nothing else of the build reads or writes these files. Each file is checked
/// (<see cref="Output.CheckedFile"/>): one that is damaged or unreadable is a warning, and that part of the
/// build is worked out as a cold build works it out. A clean build reads none of them.
/// </summary>
internal sealed class IncrementalBuild
{
    private readonly BuildOptions _options;
    private readonly string _taxonomyHash;
    private readonly Task<BuildCache> _cache;
    private readonly CancellationTokenSource _cacheNotNeeded = new();
    private readonly List<string> _cacheDamage = [];
    private readonly List<string> _damage = [];
    private Task<RenderManifest>? _renders;
    private readonly List<string> _renderDamage = [];
    private readonly IReadOnlyList<string> _outputs = [];

    private IncrementalBuild(BuildOptions options)
    {
        _options = options;
        _taxonomyHash = InputManifest.TaxonomyHash(options);
        var toolPins = InputManifest.ToolPinsFor(options);
        // Read on the other core while the inputs are scanned: it needs only topics.yml's hash and the tools' pins.
        _cache = options.Clean ? Task.FromResult(BuildCache.Empty)
            : Task.Run(() => BuildCache.Read(options.OutputDir, InputManifest.Generator, _taxonomyHash, toolPins, _cacheDamage, _cacheNotNeeded.Token));
        Inputs = InputManifest.For(options, toolPins);
        if (Inputs.Damage is { } inputs) _damage.Add(inputs);
        if (options.Clean) return;
        // The outputs manifest is read by the output writer too; read here to warn once when it is damaged.
        _outputs = new Output.OutputWriter(options.OutputDir).PreviousOutputs(out var outputs);
        if (outputs is not null) _damage.Add(outputs);
    }

    /// <summary>Starts reading the build cache and scans the inputs.</summary>
    public static IncrementalBuild Open(BuildOptions options) => new(options);

    /// <summary>Every input file with its hash: what the build is made from.</summary>
    public InputManifest Inputs { get; }

    /// <summary>
    /// When no input changed since the last build and every output is still there, the papers that
    /// build left out (to be warned about again); else null, and the build goes on.
    /// </summary>
    /// <param name="extraWhole">Whatever else must be whole for the site to be (the search index).</param>
    public IReadOnlyList<LeftOutPaper>? Unchanged(Func<bool> extraWhole)
    {
        if (_options.Clean || !Inputs.Unchanged(_options.OutputDir, _outputs) || !extraWhole()) return null;
        var leftOut = LeftOutRecord.Read(_options.OutputDir, _options.ContentDir, _damage);
        // A damaged manifest is made whole by building, not warned about by every build that finds nothing changed.
        if (leftOut is null || _damage.Count > 0) return null;
        // Nothing of the cache is needed (a damaged one is found by the next build that reads it); nothing of the build outlives it.
        _cacheNotNeeded.Cancel();
        WaitQuietly(_cache);
        return leftOut;
    }

    /// <summary>How many outputs the last build wrote.</summary>
    public int OutputsBefore => _outputs.Count;

    /// <summary>What the last build worked out per paper file, and its related papers and math.</summary>
    public BuildCache Cache => _cache.GetAwaiter().GetResult();

    /// <summary>For the loader: a paper file's hash, when known, and the paper the last build parsed from those very bytes.</summary>
    public (string? Hash, Paper? Paper) Known(string file) =>
        Inputs.HashOf("content/" + file) is { } hash ? (hash, Cache.Paper(file, hash)?.Paper) : (null, null);

    /// <summary>Records the hashes of the paper files the loader read.</summary>
    public void Loaded(Archive archive)
    {
        foreach (var file in archive.Papers)
            if (file.ContentHash is { } read) Inputs.Know("content/" + file.RelativePath, read);
    }

    /// <summary>
    /// The hash of what every output shares (every input but the papers, the site-wide view, whether
    /// KaTeX ran); starts reading the render manifest the last build left under that same hash.
    /// </summary>
    public void Planned(BuildContext context, MathRenderer math)
    {
        var shared = ViewHasher.Hex(ViewHasher.Of(Inputs.SharedHash, context.SiteView, math.Formulas > 0));
        if (shared == Shared) return;
        Shared = shared;
        _renders = _options.Clean ? Task.FromResult(RenderManifest.Empty)
            : Task.Run(() => RenderManifest.Read(_options.OutputDir, shared, _renderDamage));
    }

    /// <summary>The shared hash of this build's outputs (<see cref="Planned"/>).</summary>
    public string Shared { get; private set; } = "";

    /// <summary>What each output was last rendered from, under this build's shared hash.</summary>
    public RenderManifest Renders => _renders?.GetAwaiter().GetResult() ?? RenderManifest.Empty;

    /// <summary>
    /// Writes what this build worked out into the staging folder while the pages render (it is true of
    /// the inputs whatever the build's outcome, and what it holds is let go early); put in place by
    /// <see cref="Commit"/>.
    /// </summary>
    public Task<BuildCache.Staged> StageCache(string stagingFolder, Task<BuildCache.Contents> worked, MathRenderer math)
    {
        var cache = Cache;
        var toolPins = Inputs.ToolPins;
        return Task.Run(async () => BuildCache.Write(stagingFolder, InputManifest.Generator, _taxonomyHash, toolPins, await worked.ConfigureAwait(false), math.Rendered, cache));
    }

    /// <summary>
    /// Just before the outputs are committed: puts the cache in place, and removes the render
    /// manifest, which must never vouch for files a commit stopped half way replaced.
    /// </summary>
    public void BeforeCommit(Task<BuildCache.Staged> cacheWrite, TextWriter log)
    {
        WaitQuietly(cacheWrite);
        if (cacheWrite.IsCompletedSuccessfully) BuildCache.Place(cacheWrite.Result, _options.OutputDir);
        else log.WriteLine($"cache: not written ({cacheWrite.Exception?.InnerException?.Message}); the next build does more work");
        RenderManifest.Delete(_options.OutputDir);
    }

    /// <summary>
    /// Once the outputs are committed, records the build for the next: the papers left out, then the
    /// inputs (which let the next build end early, and tell the papers left out from that record) and
    /// what each output was rendered from.
    /// </summary>
    public void AfterCommit(IReadOnlyList<LeftOutPaper> leftOut, IEnumerable<(string File, OutputStamp Stamp, long Size)> rendered)
    {
        LeftOutRecord.Write(_options.OutputDir, _options.ContentDir, leftOut);
        // Two files of tens of thousands of lines each, written side by side.
        var inputsWrite = Task.Run(() => Inputs.Write(_options.OutputDir));
        RenderManifest.Write(_options.OutputDir, Shared, rendered);
        inputsWrite.GetAwaiter().GetResult();
    }

    /// <summary>One line per file of the last build's that was damaged or could not be read: that part was worked out again.</summary>
    public IReadOnlyList<string> Warnings
    {
        get
        {
            if (_cache.IsCompleted) WaitQuietly(_cache);
            if (_renders is { IsCompleted: true } renders) WaitQuietly(renders);
            return [.. _damage, .. _cache.IsCompleted ? _cacheDamage : [], .. _renders?.IsCompleted == true ? _renderDamage : []];
        }
    }

    /// <summary>Waits for a task whose outcome the caller looks at itself.</summary>
    public static void WaitQuietly(Task task)
    {
        try { task.Wait(); }
        catch (AggregateException) { }
    }
}
