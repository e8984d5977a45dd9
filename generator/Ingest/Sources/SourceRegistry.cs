using PaperTrail.Content;

namespace PaperTrail.Ingest.Sources;

/// <summary>Every source ingest knows, and the choice among them: by name, else by content.</summary>
public static class SourceRegistry
{
    // Most specific first: the plain-text scrape accepts almost anything, so it is the last resort.
    public static readonly IReadOnlyList<IPaperSource> All = [new HfHtmlSource(), new ArxivAtomSource(), new HfJsonSource(), new ScrapeTextSource()];

    public static IReadOnlyList<string> Names => All.Select(s => s.Name).ToList();

    public static IPaperSource? Named(string name) => All.FirstOrDefault(s => s.Name == name);

    public static IPaperSource Detect(string fileName, byte[] bytes) =>
        All.FirstOrDefault(s => s.Recognises(fileName, bytes)) ?? All[^1];

    /// <summary>Reads a file with the named source or the detected one.</summary>
    public static SourceResult Read(string path, string? sourceName)
    {
        var display = DisplayPath.Of(path);
        if (!File.Exists(path)) throw new ContentException(new ContentProblem(display, 0, "no such file"));
        return Read(display, File.ReadAllBytes(path), sourceName);
    }

    /// <summary>Reads bytes (a file's or a fetched answer's) named <paramref name="display"/> in messages.</summary>
    public static SourceResult Read(string display, byte[] bytes, string? sourceName)
    {
        var source = sourceName is null ? Detect(display, bytes) : Named(sourceName)
            ?? throw new ContentException(new ContentProblem(display, 0, $"unknown source '{sourceName}'; known: {string.Join(", ", Names)}"));
        return source.Read(display, bytes);
    }
}
