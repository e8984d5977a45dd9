using System.Globalization;
using System.Text;
using PaperTrail.Output;

namespace PaperTrail.Pipelines;

/// <summary>
/// What each output was last rendered from: the hash of its view model (<see cref="ViewHasher"/>)
/// and the size of the bytes written, under one hash of what every page shares (the generator, the
/// theme, site.yml, topics.yml, the site-wide view). A rebuild whose shared hash matches skips
/// rendering an output whose own hash matches and whose file is still there, that size. Anything
/// missing, unreadable or foreign reads as empty: every page is rendered, never a wrong one kept.
/// Relative paths and hashes only, no times; kept in the output folder's hidden manifest folder.
/// </summary>
public sealed class RenderManifest
{
    public const string FileName = "renders.txt";
    private const string Format = "paper-trail-renders 1";

    private readonly Dictionary<string, (UInt128 Fingerprint, long Size)> _outputs;

    private RenderManifest(Dictionary<string, (UInt128, long)> outputs) => _outputs = outputs;

    public static RenderManifest Empty => new(new(StringComparer.Ordinal));

    /// <summary>The manifest the last build left, when it was made under the same shared hash.</summary>
    public static RenderManifest Read(string outputDir, string shared)
    {
        var path = PathIn(outputDir);
        if (!File.Exists(path)) return Empty;
        var outputs = new Dictionary<string, (UInt128, long)>(StringComparer.Ordinal);
        using var reader = new StreamReader(path, Encoding.UTF8);
        if (reader.ReadLine() != $"{Format} {shared}") return Empty;
        // Fields cut as spans: only the file becomes a string.
        Span<Range> fields = stackalloc Range[4];
        while (reader.ReadLine() is { } line)
        {
            var text = line.AsSpan();
            if (text.Split(fields, '\t') != 3
                || !ViewHasher.TryParseHex(text[fields[1]], out var fingerprint)
                || !long.TryParse(text[fields[2]], CultureInfo.InvariantCulture, out var size)) return Empty;
            outputs[text[fields[0]].ToString()] = (fingerprint, size);
        }
        return new RenderManifest(outputs);
    }

    /// <summary>True when the output was rendered from this very view model and its file is still as written.</summary>
    public bool Unchanged(FileSizes outputs, string file, UInt128 fingerprint) =>
        _outputs.TryGetValue(file, out var before) && before.Fingerprint == fingerprint && outputs.SizeOf(file) == before.Size;

    public long SizeOf(string file) => _outputs[file].Size;

    /// <summary>Records what this build's outputs were rendered from; written only after a successful commit.</summary>
    public static void Write(string outputDir, string shared, IEnumerable<(string File, UInt128 Fingerprint, long Size)> outputs)
    {
        // Streamed, line by line: tens of thousands of lines need not be one string in memory.
        AtomicFile.Write(PathIn(outputDir), stream =>
        {
            using var text = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
            text.WriteLine($"{Format} {shared}");
            foreach (var (file, fingerprint, size) in outputs.OrderBy(o => o.File, StringComparer.Ordinal))
            {
                text.Write(file);
                text.Write('\t');
                text.Write(ViewHasher.Hex(fingerprint));
                text.Write('\t');
                text.WriteLine(size.ToString(CultureInfo.InvariantCulture));
            }
        }, durable: false);
    }

    /// <summary>Forgets every recorded render (a clean build, or a build that is about to change outputs without recording them).</summary>
    public static void Delete(string outputDir)
    {
        var path = PathIn(outputDir);
        if (File.Exists(path)) File.Delete(path);
    }

    private static string PathIn(string outputDir) => OutputWriter.ManifestFile(outputDir, FileName);
}
