using PaperTrail.Content;
using PaperTrail.Errors;
using PaperTrail.Ingest.Sources;
using PaperTrail.Ingest.Web;
using PaperTrail.Output;
using PaperTrail.Progress;

namespace PaperTrail.Ingest;

/// <summary>
/// ingest: parse every input (within <see cref="InputLimits"/>; fields over <see cref="Content.FieldLimits"/>
/// are cut, and a record with an impossible trending day is skipped) → load the
/// archive → drop scraped links into the site (<see cref="OwnHostLinks"/>) → merge in memory →
/// write changed files atomically, all or none (<see cref="AtomicBatch"/>). Nothing is written unless
/// every input parsed and yielded papers, so a truncated scrape never costs data, and a full disk
/// leaves the archive as it was. A paper file that cannot be read is left as it is and
/// named (<see cref="UnreadablePapers"/>): one broken file does not stop the night.
/// </summary>
/// <param name="progress">Where reading many files shows how far it is; nowhere by default.</param>
internal sealed class Ingester(TextWriter output, TextWriter errors, ProgressWriter? progress = null)
{
    private readonly ProgressWriter _progress = progress ?? ProgressWriter.Silent();

    public IngestCounts Run(IngestOptions options)
    {
        var reading = new IngestProgress(_progress, options.Inputs.Count);
        if (options.From.Count + options.Arxiv.Count + options.Inputs.Count == 0)
            throw new UserError("ingest: nothing to ingest: name files, folders, addresses or --from");
        var results = new List<SourceResult>();
        foreach (var name in options.From) results.Add(FetchKnownSource(name, options));
        if (options.Arxiv.Count > 0)
        {
            using var fetcher = new PaperFetcher(options.Fetch, errors, pacer: options.ArxivPacer);
            var arxiv = new ArxivFetcher(fetcher, options.ArxivApi, output);
            foreach (var search in options.Arxiv) results.Add(FetchArxiv(arxiv, search, options));
        }
        foreach (var input in options.Inputs)
        {
            var result = IsWebAddress(input, out var url) ? Fetch(url, options.Source, options) : ReadSource(input, options);
            reading.FileRead(input, result.Papers.Count);
            results.Add(result);
        }

        // One writer at a time from reading the archive to the last write; not while fetching, which may take minutes.
        using var writer = options.DryRun ? null : FolderLock.OnContent(options.ContentDir, "ingest", output);
        // A paper file a person broke does not stop the night: it stays as it is, named, and kept apart.
        var (archive, unreadableFiles) = ArchiveLoader.LoadPapersAndUnreadable(options.ContentDir);
        var unreadable = new UnreadablePapers(options.ContentDir, unreadableFiles);
        foreach (var warning in unreadable.Warnings) errors.WriteLine(warning);

        var ownLinks = new OwnHostLinks(SiteBaseUrl(options.ContentDir));
        var merger = new ArchiveMerger(archive, relative => File.ReadAllBytes(Path.Combine(options.ContentDir, relative)), unreadable.Slugs);
        int added = 0, updated = 0, unchanged = 0, skipped = 0, droppedLinks = 0;
        foreach (var result in results)
        {
            foreach (var record in result.Skipped.Take(ListedSkips)) errors.WriteLine(record);
            if (result.Skipped.Count > ListedSkips)
                errors.WriteLine($"{result.Skipped[0].SourceFile}: and {result.Skipped.Count - ListedSkips} more records skipped");
            skipped += result.Skipped.Count;
            foreach (var cut in result.Cuts) errors.WriteLine(cut);
            foreach (var scraped in result.Papers)
            {
                if (unreadable.MayBe(scraped) is { } file)
                {
                    errors.WriteLine($"warning: {file.Problems[0].File}: \"{scraped.Title}\" was not merged, as it may be this paper, whose file cannot be read; fix the file and ingest again");
                    skipped++;
                    continue;
                }
                var dropped = new List<DroppedLink>();
                var paper = ownLinks.Drop(scraped, dropped);
                foreach (var link in dropped) output.WriteLine(link);
                droppedLinks += dropped.Count;
                switch (merger.Merge(paper, options.Date))
                {
                    case MergeOutcome.New: added++; break;
                    case MergeOutcome.Updated: updated++; break;
                    default: unchanged++; break;
                }
            }
        }

        if (!options.DryRun) AtomicFile.RemoveLeftovers(options.ContentDir);
        // All or none: a disk that fills up while the papers are written leaves the archive as it was.
        using var batch = new AtomicBatch();
        foreach (var write in merger.PlannedWrites())
        {
            var path = Path.Combine(options.ContentDir, write.RelativePath);
            if (options.DryRun) output.WriteLine($"would write ({Describe(write.Outcome)}): {DisplayPath.Of(path)}");
            else batch.Add(path, write.Bytes);
        }
        batch.Commit();

        var counts = new IngestCounts(added, updated, unchanged, skipped, droppedLinks);
        output.WriteLine((options.DryRun ? "dry run, nothing written: " : "ingest: ") + counts);
        return counts;
    }

    /// <summary>Skipped records listed one per line for an input, at most; the rest are counted (an input may have 100,000).</summary>
    private const int ListedSkips = 100;

    private static bool IsWebAddress(string input, out Uri url) =>
        Uri.TryCreate(input, UriKind.Absolute, out url!) && url.Scheme is "http" or "https";

    /// <summary>--from: a known address, read by its own source, held to a sanity floor.</summary>
    private SourceResult FetchKnownSource(string name, IngestOptions options)
    {
        var (url, source) = WebSources.Resolve(name, options.HuggingFace, options.Date)
            ?? throw new UserError($"--from: unknown web source '{name}'; known: {string.Join(", ", WebSources.Names)}", ExitCodes.UsageError);
        var result = Fetch(url, source, options);
        if (result.Papers.Count < options.MinPapers)
            throw UserError.At(url.ToString(), 0,
                $"only {Plural.Count(result.Papers.Count, "paper")}, fewer than the sanity floor of {options.MinPapers}: the answer looks broken, nothing was written");
        return result;
    }

    /// <summary>
    /// An arXiv search of site.yml, for the announcement day --date names: its papers, held to the
    /// search's floor, or none and a line saying why the night is empty (no floor applies then).
    /// </summary>
    private SourceResult FetchArxiv(ArxivFetcher fetcher, ArxivSearch search, IngestOptions options)
    {
        var night = fetcher.Fetch(search, options.Date);
        if (night.EmptyBecause is { } why)
        {
            output.WriteLine($"ingest: {search.Label}: {why}: an empty night, nothing to add");
            return night.Result;
        }
        var result = new TrendingBounds(options.Today).Apply(night.Result);
        var day = options.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (result.Papers.Count < search.Floor)
            throw UserError.At(night.Address!.ToString(), 0,
                $"{search.Label}: only {Plural.Count(result.Papers.Count, "paper")} announced {day}, fewer than the floor of {search.Floor} site.yml sets: the answer looks broken, nothing was written");
        output.WriteLine($"ingest: {search.Label}: {Plural.Count(result.Papers.Count, "paper")} announced {day}");
        return result;
    }

    private SourceResult Fetch(Uri url, string? source, IngestOptions options)
    {
        using var fetcher = new PaperFetcher(options.Fetch, errors);
        output.WriteLine($"fetch: {url}");
        var document = fetcher.FetchAsync(url).GetAwaiter().GetResult();
        var result = new TrendingBounds(options.Today).Apply(SourceRegistry.Read(url.ToString(), document.Bytes, source));
        if (result.Papers.Count == 0)
            throw UserError.At(url.ToString(), 0, $"no paper could be read from the answer ({document.MediaType ?? "no media type"}, {document.Bytes.Length} bytes); nothing was written");
        return result;
    }

    /// <summary>
    /// The site's address, from site.yml (the default one when there is none): links on its host are
    /// dropped from what is scraped. A site.yml with errors stops ingest, since which links point into
    /// the site cannot be told.
    /// </summary>
    private static Uri SiteBaseUrl(string contentDir)
    {
        var path = Path.Combine(contentDir, "site.yml");
        if (!File.Exists(path)) return new SiteConfig().BaseUrl;
        var problems = new List<ContentProblem>();
        var config = SiteConfigReader.Read(DisplayPath.Of(path), ArchiveLoader.ReadText(path), problems);
        if (problems.Count > 0)
            throw new ContentException([.. problems, new ContentProblem(DisplayPath.Of(path), 0, "fix site.yml before ingesting: its base_url tells which scraped links point into this site")]);
        return config.BaseUrl;
    }

    private static string Describe(MergeOutcome outcome) => outcome == MergeOutcome.New ? "new" : "updated";

    private static SourceResult ReadSource(string input, IngestOptions options)
    {
        var display = DisplayPath.Of(input);
        var result = new TrendingBounds(options.Today).Apply(SourceRegistry.Read(input, options.Source));
        if (result.Papers.Count == 0)
        {
            var why = result.Skipped.Count > 0
                ? $"no paper could be read ({Plural.Count(result.Skipped.Count, "record")} had no usable title)"
                : "no paper could be read: the input is empty or holds no paper entries";
            var listed = result.Skipped.Take(ListedSkips).Select(s => new ContentProblem(s.SourceFile, s.Line, s.Reason));
            var more = result.Skipped.Count > ListedSkips ? [new ContentProblem(display, 0, $"and {Plural.Count(result.Skipped.Count - ListedSkips, "more record", "more records")} that are not papers")] : Array.Empty<ContentProblem>();
            throw new ContentException([.. listed, .. more, new ContentProblem(display, 0, why + "; nothing was written")]);
        }
        return result;
    }
}
