using PaperTrail.Content;
using PaperTrail.Errors;

namespace PaperTrail.Ingest.Sources;

/// <summary>Every source ingest knows, and the choice among them: by name, else by content.</summary>
internal static class SourceRegistry
{
    // Most specific first: the plain-text scrape, which judges the shape of any text, is the last resort.
    public static readonly IReadOnlyList<IPaperSource> All = [new HfHtmlSource(), new ArxivAtomSource(), new HfJsonSource(), new ScrapeTextSource()];

    public static IReadOnlyList<string> Names => All.Select(s => s.Name).ToList();

    public static IPaperSource? Named(string name) => All.FirstOrDefault(s => s.Name == name);

    /// <summary>The source whose kind of input <paramref name="bytes"/> are; what none claims is refused, not guessed.</summary>
    public static IPaperSource Detect(string display, byte[] bytes) =>
        All.FirstOrDefault(s => s.Recognises(display, bytes)) ?? throw NotASource(display, bytes);

    /// <summary>Input no source claims (a README, a paper's own file, binary data): where it departs from a scrape, and what was expected.</summary>
    private static ContentException NotASource(string display, byte[] bytes)
    {
        var shape = ScrapeShape.Judge(bytes);
        return new ContentException(
        [
            new ContentProblem(display, shape.Line, shape.Why),
            new ContentProblem(display, 0,
                "not an input ingest reads: expected a Hugging Face papers page (its HTML, or its text: title and abstract lines alternating), "
                + "Hugging Face JSON or an arXiv Atom answer; nothing was written (--source scrape reads text as a scrape all the same)"),
        ]);
    }

    /// <summary>Reads a file with the named source or the detected one (a file within <see cref="InputLimits"/>: <see cref="InputFiles.Read"/>).</summary>
    public static SourceResult Read(string path, string? sourceName) =>
        Read(DisplayPath.Of(path), InputFiles.Read(path), sourceName);

    /// <summary>
    /// Reads bytes (a file's or a fetched answer's) named <paramref name="display"/> in messages, and
    /// holds the papers to the caps of their fields (<see cref="SourceFieldCaps"/>).
    /// </summary>
    public static SourceResult Read(string display, byte[] bytes, string? sourceName)
    {
        if (bytes.Length > InputLimits.MaxInputBytes)
            throw InputFiles.TooLarge(display, bytes.Length);
        var source = sourceName is null ? Detect(display, bytes) : Named(sourceName)
            ?? throw new ContentException(new ContentProblem(display, 0, $"unknown source '{sourceName}'; known: {string.Join(", ", Names)}"));
        return SourceFieldCaps.Apply(source.Read(display, bytes));
    }
}
