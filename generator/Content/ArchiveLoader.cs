using System.Text;
using PaperTrail.Errors;

namespace PaperTrail.Content;

/// <summary>
/// Loads <c>content/</c>: site.yml, topics.yml, authors.yml and every paper under papers/. The learned
/// tables beside them, topics-model.txt and term-frequencies.txt, are read by the folders that use
/// them (<c>Topics/TopicModelFile</c>, <c>Related/TermFrequencies</c>), which stand on this one.
/// </summary>
internal static class ArchiveLoader
{
    public const string PapersFolder = "papers";

    /// <summary>Loads everything; problems are collected, never thrown, so a check can list them all.</summary>
    public static Archive Load(string contentDir, List<ContentProblem> problems) => Load(contentDir, problems, null);

    /// <param name="cached">Given a paper file (relative to the content folder), its content hash when
    /// known and the paper the last build parsed from those very bytes, if any: such a file is not
    /// read again. A file read is hashed (<see cref="PaperFile.ContentHash"/>).</param>
    /// <param name="paperFiles">The paper files (relative to the content folder, in ordinal order) when the
    /// caller has just listed them; else the papers folder is listed.</param>
    public static Archive Load(string contentDir, List<ContentProblem> problems, Func<string, (string? Hash, Paper? Paper)>? cached,
        IReadOnlyList<string>? paperFiles = null)
    {
        var site = new SiteConfig();
        var sitePath = Path.Combine(contentDir, "site.yml");
        if (Settings(sitePath, problems) is { } siteText) site = SiteConfigReader.Read(DisplayPath.Of(sitePath), siteText, problems);

        var topics = Taxonomy.Empty;
        var topicsPath = Path.Combine(contentDir, "topics.yml");
        if (Settings(topicsPath, problems) is { } topicsText) topics = TopicsReader.Read(DisplayPath.Of(topicsPath), topicsText, problems);

        var spellings = AuthorSpellings.Load(contentDir, problems);
        var (papers, unreadable) = LoadPapers(contentDir, problems, cached, paperFiles, capFields: true);
        return new Archive(contentDir, site, topics, papers) { AuthorSpellings = spellings, Unreadable = unreadable };
    }

    /// <summary>
    /// The text of site.yml, topics.yml or term-frequencies.txt when there is one (a link counts: it is
    /// refused, not taken for no file); null when there is none or it is refused, with the problem.
    /// </summary>
    internal static string? Settings(string path, List<ContentProblem> problems)
    {
        if (!File.Exists(path) && ContentFile.LinkTarget(new FileInfo(path)) is null && !Directory.Exists(path)) return null;
        if (ContentFile.Read(path, out var problem) is { } bytes) return Decode(bytes);
        problems.Add(problem!);
        return null;
    }

    /// <summary>Loads only the papers, in a stable order.</summary>
    /// <remarks>Fields are as written, however long: what ingest merges into and writes back, and what <c>generator terms</c> counts.</remarks>
    public static IReadOnlyList<PaperFile> LoadPapers(string contentDir, List<ContentProblem> problems) => LoadPapers(contentDir, problems, null, null, capFields: false).Papers;

    /// <summary>Loads only the papers (what ingest needs), and the paper files that could not be read.</summary>
    /// <remarks>Fields are as written, however long: ingest writes a paper it merges into back whole.</remarks>
    public static (IReadOnlyList<PaperFile> Papers, IReadOnlyList<LeftOutPaper> Unreadable) LoadPapersAndUnreadable(string contentDir) =>
        LoadPapers(contentDir, [], null, null, capFields: false);

    /// <summary>The papers read, and the paper files that could not be read with their problems (also added to <paramref name="problems"/>).</summary>
    /// <param name="capFields">Cut fields over <see cref="FieldLimits"/> (<see cref="PaperFieldCaps"/>): what a site is built from.</param>
    private static (IReadOnlyList<PaperFile> Papers, IReadOnlyList<LeftOutPaper> Unreadable) LoadPapers(string contentDir, List<ContentProblem> problems, Func<string, (string? Hash, Paper? Paper)>? cached,
        IReadOnlyList<string>? paperFiles, bool capFields)
    {
        // papers/ itself a link: not one paper left out but the whole archive elsewhere. Every command stops
        // here, before a build publishes a site without it, or an ingest writes through the link.
        var papersDir = Path.Combine(contentDir, PapersFolder);
        if (ContentFile.LinkTarget(new DirectoryInfo(papersDir)) is { } target) throw new ContentException(ContentFile.LinkProblem(papersDir, target));
        var files = paperFiles?.ToArray() ?? ContentListing.Papers(contentDir);

        var results = new (Paper? Paper, List<ContentProblem> Problems)[files.Length];
        var hashes = new string?[files.Length];
        Parallel.For(0, files.Length, i =>
        {
            var full = Path.Combine(contentDir, files[i]);
            if (cached is not null)
            {
                (hashes[i], var known) = cached(files[i]);
                if (known is not null)
                {
                    // Cached as this build made it: already cut, with its cuts noted.
                    results[i] = (known, []);
                    return;
                }
            }
            var bytes = ContentFile.Read(full, out var refused);
            if (bytes is null)
            {
                results[i] = (null, [refused!]);
                return;
            }
            // A build hashes what it reads, once: the hash says next time whether the file changed.
            if (cached is not null) hashes[i] ??= ContentHash.Of(bytes);
            var fileProblems = new List<ContentProblem>();
            var paper = PaperReader.Read(DisplayPath.Of(full), Decode(bytes), fileProblems);
            if (capFields && paper is not null && fileProblems.Count == 0) paper = PaperFieldCaps.Apply(paper, full);
            results[i] = (paper, fileProblems);
        });

        var papers = new List<PaperFile>(files.Length);
        var unreadable = new List<LeftOutPaper>();
        for (var i = 0; i < files.Length; i++)
        {
            problems.AddRange(results[i].Problems);
            if (results[i].Problems.Count > 0) unreadable.Add(new LeftOutPaper(files[i], results[i].Problems));
            else if (results[i].Paper is { } paper) papers.Add(new PaperFile(files[i], paper) { ContentHash = hashes[i] });
        }
        return (papers, unreadable);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>
    /// The text of a file of content/ (site.yml, topics.yml, a paper): a link, a pipe, a device or a file
    /// over its cap is not read but a <see cref="ContentException"/> naming it (<see cref="ContentFile"/>).
    /// </summary>
    public static string ReadText(string path) => ContentFile.ReadText(path);

    internal static string Decode(byte[] bytes) => StrictUtf8.GetString(bytes).TrimStart('\uFEFF');

    /// <summary>
    /// A file's bytes, read through a handle into one array of the file's size (no stream buffer, for
    /// every file of the archive), shared for writers: content only ever changes by an atomic
    /// rename, so a reader sees old or new bytes.
    /// </summary>
    public static byte[] ReadBytes(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return ContentFile.ReadAll(handle, RandomAccess.GetLength(handle));
    }
}
