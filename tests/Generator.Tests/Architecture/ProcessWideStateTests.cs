using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Architecture;

/// <summary>
/// Runs alone: the static state it reads is the whole process's, and a build of another test running
/// meanwhile (holding its lock, say) would change it.
/// </summary>
[CollectionDefinition(nameof(AloneInTheProcess), DisableParallelization = true)]
public sealed class AloneInTheProcess;

/// <summary>
/// No process-wide caches (issue 26): <c>serve</c> runs hundreds of builds in one process, so a static
/// table that keeps something of each build (a word, a path, a paper) grows until the preview is
/// stopped. Every static collection the generator's types reach must be as large after builds of
/// other archives as after the first build: a table of types or of locks held is bounded, a table
/// of what the archives contain is not.
/// </summary>
[Collection(nameof(AloneInTheProcess))]
public sealed class ProcessWideStateTests
{
    [Fact]
    public void Builds_of_other_archives_leave_every_static_collection_of_the_generator_as_large_as_the_first_left_it()
    {
        using (var first = Archive("alpha")) first.BuildOk();
        var afterFirst = StaticCollectionSizes();

        foreach (var words in new[] { "bravo", "charlie" })
        {
            using var site = Archive(words);
            site.BuildOk();
            // An edit, rebuilt incrementally, as serve does on every save.
            site.Paper($"{words}-1", $"Sparse {words} attention, edited", "[2026-11-27]", $"Edited: {words} quantised tokenisers.", $"authors: [Edited {words} Author]");
            site.BuildOk();
        }
        var afterMore = StaticCollectionSizes();

        var grown = afterMore.Where(s => s.Value > afterFirst.GetValueOrDefault(s.Key))
            .Select(s => $"{s.Key}: {afterFirst.GetValueOrDefault(s.Key)} entries after the first build, {s.Value} after four more").ToList();
        Assert.True(grown.Count == 0, "static state that outlives a build:\n" + string.Join("\n", grown));
        // The walk sees the generator's statics at all (else it would pass whatever they held).
        Assert.Contains(afterFirst.Keys, k => k.StartsWith("PaperTrail.Site.ViewHasher.Shapes", StringComparison.Ordinal));
    }

    /// <summary>
    /// The same shape of site every time (so the same kinds of pages, view types and templates), with
    /// other words, titles, authors, slugs and days: what a cache of content would keep differs.
    /// </summary>
    private static FixtureSite Archive(string words)
    {
        var site = new FixtureSite("title: Fixture Archive\nbase_url: https://example.org/\ndescription: A test archive.\nlanguage: en\nauthor: Tester\npage_size: 2\nfeed_size: 3\nauthor_min_papers: 2\n");
        for (var i = 1; i <= 6; i++)
            site.Paper($"{words}-{i}", $"Sparse {words} attention number {i}", $"[2026-11-{20 + i}]",
                $"We study {words}{i} diffusion denoising and {words} reward agents with {words}-{i} tokens.",
                $"topics: [{(i % 2 == 0 ? "diffusion-models" : "reinforcement-learning")}]\nauthors: [{words} Author, Other {words}{i}]");
        return site;
    }

    /// <summary>
    /// The size of every collection reachable from a static field of the generator's types, through
    /// objects of its own types (a static table inside a static instance counts too), by path.
    /// Thread-static fields are left out: one per thread, reused by the next build.
    /// </summary>
    private static Dictionary<string, int> StaticCollectionSizes()
    {
        // A weak table's entries for objects no longer reachable go only when the collector has run.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var type in typeof(PaperTrail.Commands.Cli).Assembly.GetTypes().Where(t => !t.ContainsGenericParameters))
            foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.IsLiteral || field.IsDefined(typeof(ThreadStaticAttribute))) continue;
                Walk($"{type.FullName}.{field.Name}", field.GetValue(null), sizes, seen, depth: 0);
            }
        return sizes;
    }

    private static void Walk(string path, object? value, Dictionary<string, int> sizes, HashSet<object> seen, int depth)
    {
        if (value is null or string or Type or Delegate || value.GetType().IsPrimitive || depth > 4 || !seen.Add(value)) return;
        if (value is Array array)
        {
            // Fixed in length; what its items hold is walked.
            for (var i = 0; i < array.Length; i++) Walk($"{path}[{i}]", array.GetValue(i), sizes, seen, depth + 1);
            return;
        }
        if (Count(value) is { } count)
        {
            sizes[path] = count;
            return;
        }
        if (value.GetType().Namespace?.StartsWith("PaperTrail", StringComparison.Ordinal) != true) return;
        for (var type = value.GetType(); type is not null && type != typeof(object); type = type.BaseType)
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                Walk($"{path}.{field.Name}", field.GetValue(value), sizes, seen, depth + 1);
    }

    /// <summary>How many entries a collection holds: its Count, or its entries counted (a ConditionalWeakTable has no Count).</summary>
    private static int? Count(object value)
    {
        if (value is ICollection collection) return collection.Count;
        if (value.GetType().GetProperty("Count", BindingFlags.Instance | BindingFlags.Public) is { PropertyType: var t } count && t == typeof(int))
            return (int)count.GetValue(value)!;
        if (value.GetType().IsGenericType && value.GetType().GetGenericTypeDefinition() == typeof(ConditionalWeakTable<,>))
            return ((IEnumerable)value).Cast<object>().Count();
        return null;
    }
}
