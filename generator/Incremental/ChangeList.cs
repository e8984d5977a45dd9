using System.Collections.Concurrent;
using System.Text;
using PaperTrail.Site;

namespace PaperTrail.Incremental;

/// <summary>
/// What a build rendered, by kind of output, and why: new (no record of it), which parts of its input
/// changed since its last render (<see cref="RenderManifest"/>), its file changed or gone, or made every
/// time; and how many of each kind were written. <c>build --verbose</c> prints it, and the bench shows
/// it: a nightly should render its day and what the day really changes, nothing else.
/// </summary>
internal sealed class ChangeList(bool recorded)
{
    private readonly ConcurrentDictionary<string, Kind> _kinds = new(StringComparer.Ordinal);

    private sealed class Kind
    {
        public int Rendered, New, FileChanged, Always;
        public readonly ConcurrentDictionary<string, int> Parts = new(StringComparer.Ordinal);
        public readonly ConcurrentDictionary<string, int> Changed = new(StringComparer.Ordinal);
    }

    /// <summary>Notes an output rendered; <paramref name="before"/> is the parts of its last render, if recorded.</summary>
    public void Rendered(PlannedOutput output, OutputStamp? stamp, string? before)
    {
        var kind = _kinds.GetOrAdd(KindOf(output), _ => new Kind());
        Interlocked.Increment(ref kind.Rendered);
        if (stamp is not { } now) Interlocked.Increment(ref kind.Always);
        else if (before is null) Interlocked.Increment(ref kind.New);
        else if (before == now.Parts) Interlocked.Increment(ref kind.FileChanged);
        else
        {
            var names = ViewHasher.PartNames(output.Input!);
            var (was, isNow) = (before.Split('.'), now.Parts.Split('.'));
            var changed = Enumerable.Range(0, Math.Min(was.Length, isNow.Length)).Where(i => was[i] != isNow[i])
                .Select(i => i < names.Count ? Words(names[i]) : "input").DefaultIfEmpty("input");
            foreach (var part in changed) kind.Parts.AddOrUpdate(part, 1, (_, n) => n + 1);
        }
    }

    /// <summary>One line per kind of output rendered or written: how many, and why.</summary>
    public IReadOnlyList<string> Lines(IReadOnlyList<PlannedOutput> plan, IEnumerable<string> written)
    {
        var kindOf = plan.ToDictionary(o => o.File, KindOf, StringComparer.Ordinal);
        var writtenBy = written.Select(f => kindOf.GetValueOrDefault(f, "removed")).CountBy(k => k).ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);
        return _kinds.Keys.Union(writtenBy.Keys).Order(StringComparer.Ordinal).Select(name =>
        {
            var line = new StringBuilder(name).Append(": ");
            if (_kinds.TryGetValue(name, out var kind))
            {
                var why = new List<string>();
                if (kind.Always > 0) why.Add("made every time");
                else if (!recorded) why.Add("no record of the last render under what every page shares now");
                if (kind.New > 0 && recorded) why.Add($"{kind.New} new");
                var changed = kind.Rendered - kind.New - kind.Always - kind.FileChanged;
                if (changed > 0 && recorded)
                    why.Add($"{changed} changed (" + string.Join(", ", kind.Parts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
                        .Select(p => $"{p.Key} {p.Value}")) + ")");
                if (kind.FileChanged > 0) why.Add($"{kind.FileChanged} whose file was changed or removed");
                line.Append(kind.Rendered).Append(" rendered (").Append(string.Join("; ", why)).Append("), ");
            }
            return line.Append(writtenBy.GetValueOrDefault(name)).Append(" written").ToString();
        }).ToList();
    }

    /// <summary>The kind of an output: its maker (a layout, a writer), else its file.</summary>
    private static string KindOf(PlannedOutput output) => output.Maker.Length > 0 ? output.Maker
        : output.Kind == OutputKind.Asset ? "assets" : output.File;

    /// <summary>"FirstTrending" as "first trending".</summary>
    private static string Words(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? " " : "") + char.ToLowerInvariant(c) : c.ToString()));
}
