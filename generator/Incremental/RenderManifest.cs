using System.Globalization;
using System.Text;
using PaperTrail.Output;
using PaperTrail.Site;

namespace PaperTrail.Incremental;

/// <summary>
/// What each output was last rendered from: its stamp (<see cref="ViewHasher.Stamp"/>: the hash of its
/// input, and short hashes of the input's parts) and the size of the bytes written, under one hash
/// of what every output shares (the generator, the theme, site.yml, topics.yml, the site-wide view).
/// A rebuild whose shared hash matches skips rendering an output whose own hash matches and whose
/// file is still there, that size, and not modified since this manifest was written (an edit by hand
/// that keeps the size, a letter for a letter, is newer than the manifest); the parts tell why the
/// others were rendered. Anything missing,
/// damaged (<see cref="CheckedFile"/>) or foreign reads as empty: every output is rendered, never a
/// wrong one kept. Relative paths and hashes only, no times; kept in the output folder's hidden
/// manifest folder.
/// </summary>
internal sealed class RenderManifest
{
    public const string FileName = "renders.txt";
    private const string Format = "paper-trail-renders 2";

    private readonly Dictionary<string, (UInt128 Fingerprint, long Size, string Parts)> _outputs;

    // When this manifest was written, after the commit of every output it lists: a file modified since
    // was changed by someone else. Read from the file system, not written in the manifest, which keeps
    // the bytes of a build's every file the same from build to build.
    private readonly long _writtenAt;

    private RenderManifest(Dictionary<string, (UInt128, long, string)> outputs, long writtenAt)
    {
        _outputs = outputs;
        _writtenAt = writtenAt;
    }

    public static RenderManifest Empty => new(new(StringComparer.Ordinal), long.MinValue);

    /// <summary>Whether the last build left a record under this build's shared hash.</summary>
    public bool IsEmpty => _outputs.Count == 0;

    /// <summary>The manifest the last build left, when it was made under the same shared hash; a damaged one is named in <paramref name="damage"/>.</summary>
    public static RenderManifest Read(string outputDir, string shared, List<string> damage)
    {
        var path = PathIn(outputDir);
        var writtenAt = File.Exists(path) ? (File.GetLastWriteTimeUtc(path) - DateTime.UnixEpoch).Ticks : long.MinValue;
        var file = CheckedFile.Read(path);
        if (file.Damage is { } why) damage.Add(why);
        if (!file.Found) return Empty;
        var outputs = new Dictionary<string, (UInt128, long, string)>(StringComparer.Ordinal);
        using var lines = file.Lines().GetEnumerator();
        if (!lines.MoveNext() || lines.Current != $"{Format} {shared}") return Empty;
        // Fields cut as spans: only the file and the parts become strings.
        Span<Range> fields = stackalloc Range[5];
        while (lines.MoveNext())
        {
            var line = lines.Current;
            var text = line.AsSpan();
            if (text.Split(fields, '\t') != 4
                || !ViewHasher.TryParseHex(text[fields[1]], out var fingerprint)
                || !long.TryParse(text[fields[2]], CultureInfo.InvariantCulture, out var size)) return Empty;
            outputs[text[fields[0]].ToString()] = (fingerprint, size, text[fields[3]].ToString());
        }
        return new RenderManifest(outputs, writtenAt);
    }

    /// <summary>True when the output was rendered from this very input and its file is still as written: that size, no newer than the manifest.</summary>
    public bool Unchanged(FileSizes outputs, string file, UInt128 fingerprint)
    {
        if (!_outputs.TryGetValue(file, out var before) || before.Fingerprint != fingerprint) return false;
        var (size, modified) = outputs.Of(file);
        return size == before.Size && modified <= _writtenAt;
    }

    public long SizeOf(string file) => _outputs[file].Size;

    /// <summary>The short hashes of the parts the output was last rendered from, or null when it was not.</summary>
    public string? PartsOf(string file) => _outputs.TryGetValue(file, out var before) ? before.Parts : null;

    /// <summary>Records what this build's outputs were rendered from; written only after a successful commit.</summary>
    public static void Write(string outputDir, string shared, IEnumerable<(string File, OutputStamp Stamp, long Size)> outputs)
    {
        // Streamed, line by line: tens of thousands of lines need not be one string in memory.
        CheckedFile.Write(PathIn(outputDir), stream =>
        {
            using var text = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
            text.WriteLine($"{Format} {shared}");
            foreach (var (file, stamp, size) in outputs.OrderBy(o => o.File, StringComparer.Ordinal))
            {
                text.Write(file);
                text.Write('\t');
                text.Write(ViewHasher.Hex(stamp.Fingerprint));
                text.Write('\t');
                text.Write(size.ToString(CultureInfo.InvariantCulture));
                text.Write('\t');
                text.WriteLine(stamp.Parts);
            }
        });
    }

    /// <summary>Forgets every recorded render (a clean build, or a build that is about to change outputs without recording them).</summary>
    public static void Delete(string outputDir)
    {
        var path = PathIn(outputDir);
        if (File.Exists(path)) File.Delete(path);
    }

    private static string PathIn(string outputDir) => OutputWriter.ManifestFile(outputDir, FileName);
}
