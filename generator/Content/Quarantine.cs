namespace PaperTrail.Content;

/// <summary>
/// Which papers a build leaves out of the site so that one bad paper never stops it: each paper file
/// that could not be read, that breaks a rule of the whole archive (<see cref="ArchiveChecker"/>), or
/// that a later rule names (<see cref="LeaveOut"/>: links to pages of this site the plan lacks). The
/// rest are built. Leaving a paper out can break another's <c>redirect_to</c>, so the archive's
/// rules run again until nothing more is left out. A problem of site.yml, topics.yml or
/// term-frequencies.txt concerns every page, and leaves nothing to build: it stops the build, as
/// any problem does when the build is strict.
/// </summary>
internal sealed class Quarantine
{
    private readonly SortedDictionary<string, LeftOutPaper> _leftOut = new(StringComparer.Ordinal);
    private readonly bool _strict;

    private Quarantine(Archive archive, IReadOnlyList<ContentProblem> archiveProblems, bool strict)
    {
        Archive = archive;
        ArchiveProblems = archiveProblems;
        _strict = strict;
    }

    /// <summary>The archive without the papers left out: what the site is made from.</summary>
    public Archive Archive { get; private set; }

    /// <summary>Problems of the archive's own files (site.yml, topics.yml, term-frequencies.txt, the folder).</summary>
    public IReadOnlyList<ContentProblem> ArchiveProblems { get; }

    /// <summary>The papers left out, by file.</summary>
    public IReadOnlyList<LeftOutPaper> LeftOut => _leftOut.Values.ToList();

    /// <summary>Every problem: the archive's, then each paper's, by file.</summary>
    public IReadOnlyList<ContentProblem> Problems => [.. ArchiveProblems, .. _leftOut.Values.SelectMany(p => p.Problems)];

    /// <summary>Sorts what loading found (<paramref name="loadProblems"/>, with <see cref="Archive.Unreadable"/>) and what the archive's rules find.</summary>
    /// <param name="strict">Leave nothing out: any problem stops the build (<c>build --strict</c>).</param>
    public static Quarantine Sort(Archive loaded, IReadOnlyList<ContentProblem> loadProblems, bool strict = false)
    {
        var ofPapers = loaded.Unreadable.SelectMany(p => p.Problems).ToHashSet(ReferenceEqualityComparer.Instance);
        var quarantine = new Quarantine(loaded, loadProblems.Where(p => !ofPapers.Contains(p)).ToList(), strict);
        foreach (var paper in loaded.Unreadable) quarantine._leftOut[paper.RelativePath] = paper;
        quarantine.Settle();
        return quarantine;
    }

    /// <summary>Throws what stops a build: a problem of the archive's own files; when strict, any problem.</summary>
    public void StopIfBuildCannotGoOn()
    {
        if (ArchiveProblems.Count > 0 || (_strict && _leftOut.Count > 0)) throw new ContentException(Problems);
    }

    /// <summary>Leaves these papers out too, then applies the archive's rules again; false when none was still in.</summary>
    public bool LeaveOut(IEnumerable<LeftOutPaper> papers)
    {
        var more = papers.Where(p => !_leftOut.ContainsKey(p.RelativePath)).ToList();
        if (more.Count == 0) return false;
        foreach (var paper in more) _leftOut[paper.RelativePath] = paper;
        Archive = Archive with { Papers = Archive.Papers.Where(f => !_leftOut.ContainsKey(f.RelativePath)).ToList() };
        Settle();
        StopIfBuildCannotGoOn();
        return true;
    }

    /// <summary>Applies the archive's rules until no paper breaks one: each round leaves out the papers that do.</summary>
    private void Settle()
    {
        while (true)
        {
            var found = ArchiveChecker.ProblemsByPaper(Archive, LeftOutSlugs());
            if (found.Count == 0) return;
            foreach (var group in found.GroupBy(p => p.File.RelativePath, StringComparer.Ordinal))
                _leftOut[group.Key] = new LeftOutPaper(group.Key, group.Select(p => p.Problem).ToList());
            Archive = Archive with { Papers = Archive.Papers.Where(f => !_leftOut.ContainsKey(f.RelativePath)).ToList() };
        }
    }

    /// <summary>The slugs the papers left out would have had (a file unread: its name), with their files.</summary>
    private Dictionary<string, string> LeftOutSlugs()
    {
        var slugs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var paper in _leftOut.Values)
            slugs.TryAdd(Path.GetFileNameWithoutExtension(paper.RelativePath), paper.Problems[0].File);
        return slugs;
    }
}
