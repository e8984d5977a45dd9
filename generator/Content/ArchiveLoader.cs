using System.Text;

namespace PaperTrail.Content;

/// <summary>Loads <c>content/</c>: site.yml, topics.yml, term-frequencies.txt and every paper under papers/.</summary>
public static class ArchiveLoader
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
        if (File.Exists(sitePath)) site = SiteConfigReader.Read(DisplayPath.Of(sitePath), ReadText(sitePath), problems);

        var topics = Taxonomy.Empty;
        var topicsPath = Path.Combine(contentDir, "topics.yml");
        if (File.Exists(topicsPath)) topics = TopicsReader.Read(DisplayPath.Of(topicsPath), ReadText(topicsPath), problems);

        var terms = Related.TermFrequencies.Load(contentDir, problems);
        var (papers, unreadable) = LoadPapers(contentDir, problems, cached, paperFiles);
        return new Archive(contentDir, site, topics, papers) { TermFrequencies = terms, Unreadable = unreadable };
    }

    /// <summary>Loads only the papers, in a stable order.</summary>
    public static IReadOnlyList<PaperFile> LoadPapers(string contentDir, List<ContentProblem> problems) => LoadPapers(contentDir, problems, null, null).Papers;

    /// <summary>Loads only the papers (what ingest needs), and the paper files that could not be read.</summary>
    public static (IReadOnlyList<PaperFile> Papers, IReadOnlyList<LeftOutPaper> Unreadable) LoadPapersAndUnreadable(string contentDir) =>
        LoadPapers(contentDir, [], null, null);

    /// <summary>The papers read, and the paper files that could not be read with their problems (also added to <paramref name="problems"/>).</summary>
    private static (IReadOnlyList<PaperFile> Papers, IReadOnlyList<LeftOutPaper> Unreadable) LoadPapers(string contentDir, List<ContentProblem> problems, Func<string, (string? Hash, Paper? Paper)>? cached,
        IReadOnlyList<string>? paperFiles)
    {
        var papersDir = Path.Combine(contentDir, PapersFolder);
        if (!Directory.Exists(papersDir)) return ([], []);
        var files = paperFiles?.ToArray() ?? Directory.EnumerateFiles(papersDir, "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(contentDir, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

        var results = new (Paper? Paper, List<ContentProblem> Problems)[files.Length];
        var hashes = new string?[files.Length];
        Parallel.For(0, files.Length, i =>
        {
            if (cached is not null)
            {
                (hashes[i], var known) = cached(files[i]);
                if (known is not null)
                {
                    results[i] = (known, []);
                    return;
                }
            }
            var full = Path.Combine(contentDir, files[i]);
            var fileProblems = new List<ContentProblem>();
            byte[] bytes;
            try
            {
                bytes = ReadBytes(full);
            }
            catch (UnauthorizedAccessException)
            {
                // A paper file nobody let the generator read is a problem of that paper, as a broken one is.
                results[i] = (null, [new ContentProblem(DisplayPath.Of(full), 0, "cannot be read: permission denied")]);
                return;
            }
            // A build hashes what it reads, once: the hash says next time whether the file changed.
            if (cached is not null) hashes[i] ??= ContentHash.Of(bytes);
            var paper = PaperReader.Read(DisplayPath.Of(full), Decode(bytes), fileProblems);
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

    public static string ReadText(string path) => Decode(ReadBytes(path));

    private static string Decode(byte[] bytes) => StrictUtf8.GetString(bytes).TrimStart('\uFEFF');

    /// <summary>
    /// A file's bytes, read through a handle into one array of the file's size (no stream buffer, for
    /// every file of the archive), shared for writers: content only ever changes by an atomic
    /// rename, so a reader sees old or new bytes.
    /// </summary>
    public static byte[] ReadBytes(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var bytes = new byte[RandomAccess.GetLength(handle)];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = RandomAccess.Read(handle, bytes.AsSpan(read), read);
            if (n == 0) return bytes[..read];
            read += n;
        }
        return bytes;
    }
}
