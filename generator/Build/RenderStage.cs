using System.Collections.Concurrent;
using PaperTrail.Content;
using PaperTrail.Errors;
using PaperTrail.Incremental;
using PaperTrail.Output;
using PaperTrail.Progress;
using PaperTrail.Site;

namespace PaperTrail.Build;

/// <summary>
/// Renders every planned output in parallel, checks its links and stages it at once, so only the
/// pages in flight are ever held in memory. An output whose input hashes as it did when its file was
/// last written (<see cref="RenderManifest"/>) is kept without rendering; what is rendered is noted,
/// with why (<see cref="ChangeList"/>). Any problem fails the build before the commit. Each output
/// rendered or kept is counted to <paramref name="progress"/>, which draws no more than a terminal can show.
/// </summary>
internal sealed class RenderStage(
    IReadOnlyList<PlannedOutput> plan, LinkChecker links, OutputTransaction transaction, string outputDir, RenderManifest previous, bool recheckKept,
    ProgressWriter progress)
{
    // By plan position: tens of thousands of outputs, no map keyed by their paths.
    private readonly OutputStamp[] _stamps = new OutputStamp[plan.Count];
    private readonly long[] _sizes = Enumerable.Repeat(-1L, plan.Count).ToArray();
    private readonly ChangeList _changes = new(!previous.IsEmpty);
    private int _rendered;
    private int _done;

    /// <summary>Each stamped output's stamp and size, for the next build's <see cref="RenderManifest"/>.</summary>
    public IEnumerable<(string File, OutputStamp Stamp, long Size)> Fingerprints =>
        Enumerable.Range(0, plan.Count).Where(i => _sizes[i] >= 0).Select(i => (plan[i].File, _stamps[i], _sizes[i]));

    /// <summary>How many outputs were rendered; the others were kept as their inputs were unchanged.</summary>
    public int Rendered => _rendered;

    /// <summary>What was rendered and written, by kind, and why (given the files the commit wrote or removed).</summary>
    public IReadOnlyList<string> Changes(IEnumerable<string> written) => _changes.Lines(plan, written);

    /// <summary>Renders what needs rendering.</summary>
    public void Run()
    {
        var problems = new ConcurrentBag<string>();
        using var sizes = new FileSizes(outputDir);
        var order = RenderOrder();
        Parallel.For(0, order.Length, k =>
        {
            RenderOne(order[k], sizes, problems);
            progress.Count(Interlocked.Increment(ref _done), plan.Count, "outputs");
        });
        // One problem per kind is enough: a missing layout would otherwise be named once per page.
        if (!problems.IsEmpty)
        {
            var broken = problems.Where(IsBrokenLink).Distinct();
            var other = problems.Where(p => !IsBrokenLink(p)).DistinctBy(WithoutPage);
            throw new UserError(other.Concat(broken).Order(StringComparer.Ordinal).Take(20).ToList());
        }
    }

    /// <summary>Renders the output at plan position <paramref name="i"/>, or keeps it; checks its links and stages it.</summary>
    private void RenderOne(int i, FileSizes sizes, ConcurrentBag<string> problems)
    {
        var output = plan[i];
        byte[] bytes;
        try
        {
            var fingerprint = output.Fingerprint();
            if (fingerprint is { } known && previous.Unchanged(sizes, output.File, known) && TryKeep(i, known, problems)) return;
            bytes = output.Render();
            Interlocked.Increment(ref _rendered);
            // Its parts' hashes only now, for the few outputs rendered: they say why.
            OutputStamp? stamp = fingerprint is { } made ? new OutputStamp(made, ViewHasher.Parts(output.Input!)) : null;
            _changes.Rendered(output, stamp, previous.PartsOf(output.File));
            if (stamp is { } rendered) (_stamps[i], _sizes[i]) = (rendered, bytes.Length);
        }
        catch (UserError e)
        {
            foreach (var problem in e.Lines) problems.Add(problem);
            return;
        }
        catch (Exception e) when (e is Fluid.ParseException or InvalidOperationException or ArgumentException or FormatException)
        {
            problems.Add($"{output.File}: could not render: {e.Message}");
            return;
        }
        var broken = links.Check(output, bytes);
        foreach (var problem in broken) problems.Add(problem);
        if (broken.Count == 0 && problems.IsEmpty) transaction.Offer(output.File, bytes);
    }

    private static bool IsBrokenLink(string problem) => WithoutPage(problem).StartsWith("broken link", StringComparison.Ordinal);

    /// <summary>A problem's text without the page it was found on ("page: text").</summary>
    private static string WithoutPage(string problem) =>
        problem.IndexOf(": ", StringComparison.Ordinal) is var at and >= 0 ? problem[(at + 2)..] : problem;

    /// <summary>
    /// Plan positions, the outputs rendered every time first: the sitemap and the like are made from
    /// the whole archive, tens of milliseconds each, and left to the end of the loop (the sitemap is
    /// planned last) each ran on one core while the other had nothing left to do.
    /// </summary>
    private int[] RenderOrder()
    {
        var order = new int[plan.Count];
        var next = 0;
        for (var i = 0; i < plan.Count; i++)
            if (plan[i].Input is null) order[next++] = i;
        for (var i = 0; i < plan.Count; i++)
            if (plan[i].Input is not null) order[next++] = i;
        return order;
    }

    /// <summary>
    /// Keeps an output rendered by an earlier build. Its links were checked against that build's plan;
    /// when an output has left the plan since, they are checked again, from the file. False when the
    /// file cannot be read (gone since it was looked at): then it is rendered like any other.
    /// </summary>
    private bool TryKeep(int i, UInt128 fingerprint, ConcurrentBag<string> problems)
    {
        var output = plan[i];
        if (recheckKept)
        {
            byte[] kept;
            try { kept = ArchiveLoader.ReadBytes(Path.Combine(outputDir, output.File)); }
            catch (IOException) { return false; }
            var broken = links.Check(output, kept);
            foreach (var problem in broken) problems.Add(problem);
            if (broken.Count > 0) return true;
        }
        transaction.Keep(output.File);
        (_stamps[i], _sizes[i]) = (new OutputStamp(fingerprint, previous.PartsOf(output.File)!), previous.SizeOf(output.File));
        return true;
    }
}
