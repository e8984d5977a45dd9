using PaperTrail.Rendering;
using PaperTrail.Site;

namespace PaperTrail.Pipelines;

/// <summary>
/// A .bib download of a list of papers (a day's, a topic month's), with the very entries and keys
/// their own pages show, for a reader who wants the whole list in a reference manager at once.
/// </summary>
internal static class BibtexFiles
{
    /// <summary>A paper of the list and its key, unique within the archive (<see cref="BibtexKeys"/>).</summary>
    internal sealed record Entry(SitePaper Paper, string Key);

    /// <summary>The list's papers in the order its page shows them.</summary>
    internal sealed record Input(IReadOnlyList<Entry> Entries);

    public static PlannedOutput Plan(BuildContext context, string path, IEnumerable<SitePaper> papers)
    {
        var keys = context.Site.BibtexKeys;
        var input = new Input(papers.Select(p => new Entry(p, keys.Of(p.Paper))).ToList());
        return context.File(path, "bibtex", input, static (_, _, input) => Bibtex.File(input.Entries.Select(e => (e.Paper.Paper, e.Key))));
    }
}
