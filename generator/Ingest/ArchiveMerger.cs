using PaperTrail.Content;

namespace PaperTrail.Ingest;

/// <summary>What happened to one incoming record.</summary>
internal enum MergeOutcome { New, Updated, Unchanged }

/// <summary>A file ingest will write: its path under content/ and its new bytes.</summary>
internal sealed record PlannedWrite(string RelativePath, byte[] Bytes, MergeOutcome Outcome, string Title);

/// <summary>
/// Merges incoming papers into the archive in memory. Identity is the arXiv id; a paper without one
/// matches an archived paper with the same normalised title (or whose slug was made from that title,
/// in case a person edited the title) and no conflicting id. A match is
/// updated, never duplicated, by these rules (docs/content.md):
/// - the trending day is added to <c>trending</c>;
/// - fields the file already has win (a person may have edited them); empty ones are filled;
/// - <c>upvotes</c> and <c>comments</c> take the larger figure, since they only grow;
/// - the day's rank is added unless the file has one for that day; GitHub stars read on a later day replace older ones;
/// - hidden papers and papers merged away (<c>redirect_to</c>) are recognised but never changed.
/// </summary>
internal sealed class ArchiveMerger
{
    private readonly Dictionary<string, Entry> _byArxiv = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>> _byTitle = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry> _bySlug = new(StringComparer.Ordinal);
    private readonly HashSet<string> _takenSlugs = new(StringComparer.Ordinal);
    private readonly List<Entry> _entries = [];

    private sealed class Entry(string relativePath, Paper paper, byte[]? original)
    {
        public string RelativePath { get; } = relativePath;
        public Paper Paper { get; set; } = paper;
        public byte[]? Original { get; } = original;
        public MergeOutcome? Outcome { get; set; }
    }

    /// <param name="reservedSlugs">Slugs no new paper may take though no paper read has them (files that could not be read).</param>
    public ArchiveMerger(IEnumerable<PaperFile> archive, Func<string, byte[]> readOriginal, IEnumerable<string>? reservedSlugs = null)
    {
        foreach (var file in archive) Index(new Entry(file.RelativePath, file.Paper, readOriginal(file.RelativePath)));
        _takenSlugs.UnionWith(reservedSlugs ?? []);
    }

    public MergeOutcome Merge(SourcePaper incoming, DateOnly defaultDate)
    {
        var day = incoming.Trending ?? defaultDate;
        var arxiv = ArxivId.Normalize(incoming.Arxiv);
        var match = Find(arxiv, incoming.Title);
        if (match is null)
        {
            var paper = new Paper
            {
                Title = incoming.Title,
                Slug = NewSlug(incoming.Title, arxiv),
                Arxiv = arxiv,
                Authors = incoming.Authors,
                Published = incoming.Published,
                Trending = [day],
                Links = new SortedDictionary<string, string>(incoming.Links.ToDictionary(), StringComparer.Ordinal),
                Upvotes = incoming.Upvotes,
                Comments = incoming.Comments,
                AiSummary = incoming.AiSummary,
                GithubStars = incoming.GithubStars,
                GithubStarsAsOf = incoming.GithubStars is null ? null : day,
                Organization = incoming.Organization,
                Ranks = incoming.Rank is { } rank ? new Dictionary<DateOnly, int> { [day] = rank } : new Dictionary<DateOnly, int>(),
                Categories = incoming.Categories,
                Abstract = incoming.Abstract,
            };
            var path = $"{ArchiveLoader.PapersFolder}/{day:yyyy}/{day:MM}/{paper.Slug}.md";
            var entry = new Entry(path, paper, null) { Outcome = MergeOutcome.New };
            Index(entry);
            return MergeOutcome.New;
        }

        // A record merged into another by hand sends its sightings to the paper it redirects to.
        if (match.Paper.RedirectTo is { } target && _bySlug.TryGetValue(target, out var mergedInto) && mergedInto != match)
            match = mergedInto;
        if (match.Paper.Hidden || match.Paper.RedirectTo is not null) return MergeOutcome.Unchanged;
        var before = PaperWriter.Write(match.Paper);
        var merged = Update(match.Paper, incoming, arxiv, day);
        if (PaperWriter.Write(merged) == before) return MergeOutcome.Unchanged;

        if (merged.Arxiv is not null && match.Paper.Arxiv is null) _byArxiv[merged.Arxiv] = match;
        match.Paper = merged;
        match.Outcome ??= MergeOutcome.Updated;
        return match.Outcome == MergeOutcome.New ? MergeOutcome.Unchanged : MergeOutcome.Updated;
    }

    /// <summary>Files whose bytes differ from what is on disk, in path order.</summary>
    public IReadOnlyList<PlannedWrite> PlannedWrites() =>
        _entries
            .Where(e => e.Outcome is not null)
            .Select(e => (Entry: e, Bytes: PaperWriter.Bytes(e.Paper)))
            .Where(x => x.Entry.Original is null || !x.Bytes.AsSpan().SequenceEqual(x.Entry.Original))
            .Select(x => new PlannedWrite(x.Entry.RelativePath, x.Bytes, x.Entry.Outcome!.Value, x.Entry.Paper.Title))
            .OrderBy(w => w.RelativePath, StringComparer.Ordinal)
            .ToList();

    private static Paper Update(Paper paper, SourcePaper incoming, string? arxiv, DateOnly day)
    {
        var links = new SortedDictionary<string, string>(paper.Links.ToDictionary(), StringComparer.Ordinal);
        foreach (var (name, url) in incoming.Links) links.TryAdd(name, url);
        // A day's rank is filled when the file has none for that day (a version-1 file, a day read
        // from a source without an order); a rank in the file was written by ingest or a person and stays.
        var ranks = new Dictionary<DateOnly, int>(paper.Ranks);
        if (incoming.Rank is { } rank) ranks.TryAdd(day, rank);
        var (stars, starsAsOf) = Stars(paper, incoming, day);
        return paper with
        {
            Arxiv = paper.Arxiv ?? arxiv,
            Authors = paper.Authors.Count > 0 ? paper.Authors : incoming.Authors,
            Published = paper.Published ?? incoming.Published,
            Trending = paper.Trending.Append(day).Distinct().Order().ToArray(),
            Links = links,
            Upvotes = Larger(paper.Upvotes, incoming.Upvotes),
            Comments = Larger(paper.Comments, incoming.Comments),
            Ranks = ranks,
            AiSummary = paper.AiSummary ?? incoming.AiSummary,
            Organization = paper.Organization ?? incoming.Organization,
            GithubStars = stars,
            GithubStarsAsOf = starsAsOf,
            Categories = paper.Categories.Count > 0 ? paper.Categories : incoming.Categories,
            Abstract = paper.Abstract.Trim().Length > 0 ? paper.Abstract : incoming.Abstract,
        };
    }

    /// <summary>
    /// Stars are a reading on a day, and they can fall: a reading of a later trending day replaces the
    /// file's, an earlier one (a backfill) does not, so the order days are ingested in does not matter.
    /// Stars a person wrote without a day are theirs and stay.
    /// </summary>
    private static (int? Stars, DateOnly? AsOf) Stars(Paper paper, SourcePaper incoming, DateOnly day)
    {
        if (incoming.GithubStars is not { } read) return (paper.GithubStars, paper.GithubStarsAsOf);
        if (paper.GithubStars is null || paper.GithubStarsAsOf is { } asOf && day > asOf) return (read, day);
        return (paper.GithubStars, paper.GithubStarsAsOf);
    }

    /// <summary>Counts that only grow (upvotes, comments) take the larger figure, so an older answer never lowers them.</summary>
    private static int? Larger(int? stored, int? incoming) => incoming is { } n && n > (stored ?? -1) ? n : stored;

    private Entry? Find(string? arxiv, string title)
    {
        if (arxiv is not null && _byArxiv.TryGetValue(arxiv, out var byId)) return byId;
        // Titles repeat across papers: only a record with no conflicting id can be the same paper.
        bool NoConflict(Entry e) => e.Paper.Arxiv is null || arxiv is null || e.Paper.Arxiv == arxiv;
        if (_byTitle.TryGetValue(TitleKey.Of(title), out var sameTitle) && sameTitle.FirstOrDefault(NoConflict) is { } byTitle)
            return byTitle;
        // A person may have edited the title; the slug still says which title the record came from.
        return _bySlug.TryGetValue(Slug.From(title), out var bySlug) && NoConflict(bySlug) ? bySlug : null;
    }

    private void Index(Entry entry)
    {
        _entries.Add(entry);
        var paper = entry.Paper;
        if (paper.Arxiv is not null) _byArxiv.TryAdd(paper.Arxiv, entry);
        var key = TitleKey.Of(paper.Title);
        if (!_byTitle.TryGetValue(key, out var list)) _byTitle[key] = list = [];
        list.Add(entry);
        foreach (var slug in paper.Aliases.Prepend(paper.Slug))
        {
            _takenSlugs.Add(slug);
            _bySlug.TryAdd(slug, entry);
        }
    }

    /// <summary>A slug no other paper has or had: the title's, else with the arXiv id, else numbered.</summary>
    private string NewSlug(string title, string? arxiv)
    {
        var slug = Slug.From(title);
        if (!_takenSlugs.Contains(slug)) return slug;
        if (arxiv is not null)
        {
            var withId = Slug.From(slug[..Math.Min(slug.Length, Slug.MaxLength - 12)] + "-" + arxiv);
            if (!_takenSlugs.Contains(withId)) return withId;
        }
        for (var n = 2; ; n++)
        {
            var suffix = "-" + n;
            var numbered = slug[..Math.Min(slug.Length, Slug.MaxLength - suffix.Length)].TrimEnd('-') + suffix;
            if (!_takenSlugs.Contains(numbered)) return numbered;
        }
    }
}
