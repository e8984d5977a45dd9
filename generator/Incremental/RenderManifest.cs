using System.Globalization;
using System.Text;
using PaperTrail.Output;

namespace PaperTrail.Incremental;

/// <summary>
/// What each output was last rendered from: its stamp (<see cref="ViewHasher.Stamp"/>: the hash of its
/// input, and short hashes of the input's parts) and the size and modification time of its file, under one hash
/// of what every output shares (the generator, the theme, site.yml, topics.yml, the site-wide view).
/// A rebuild whose shared hash matches skips rendering an output whose own hash matches and whose
/// file is still there, that size, that time (an edit by hand that keeps the size changes the time); the parts tell why the others were rendered. Anything missing,
/// damaged (<see cref="CheckedFile"/>) or foreign reads as empty: every output is rendered, never a
/// wrong one kept. Relative paths, hashes and the files' own times; kept in the output folder's hidden
/// manifest folder.
/// </summary>
public sealed class RenderManifest
{
    public const string FileName = "renders.txt";
    private const string Format = "paper-trail-renders 3";

    private readonly Dictionary<string, (UInt128 Fingerprint, long Size, long Modified, string Parts)> _outputs;

    private RenderManifest(Dictionary<string, (UInt128, long, long, string)> outputs) => _outputs = outputs;

    public static RenderManifest Empty => new(new(StringComparer.Ordinal));

    /// <summary>Whether the last build left a record under this build's shared hash.</summary>
    public bool IsEmpty => _outputs.Count == 0;

    /// <summary>The manifest the last build left, when it was made under the same shared hash; a damaged one is named in <paramref name="damage"/>.</summary>
    public static RenderManifest Read(string outputDir, string shared, List<string> damage)
    {
        var file = CheckedFile.Read(PathIn(outputDir));
        if (file.Damage is { } why) damage.Add(why);
        if (!file.Found) return Empty;
        var outputs = new Dictionary<string, (UInt128, long, long, string)>(StringComparer.Ordinal);
        using var lines = file.Lines().GetEnumerator();
        if (!lines.MoveNext() || lines.Current != $"{Format} {shared}") return Empty;
        // Fields cut as spans: only the file and the parts become strings.
        Span<Range> fields = stackalloc Range[6];
        while (lines.MoveNext())
        {
            var line = lines.Current;
            var text = line.AsSpan();
            if (text.Split(fields, '\t') != 5
                || !ViewHasher.TryParseHex(text[fields[1]], out var fingerprint)
                || !long.TryParse(text[fields[2]], CultureInfo.InvariantCulture, out var size)
                || !long.TryParse(text[fields[3]], CultureInfo.InvariantCulture, out var modified)) return Empty;
            outputs[text[fields[0]].ToString()] = (fingerprint, size, modified, text[fields[4]].ToString());
        }
        return new RenderManifest(outputs);
    }

    /// <summary>True when the output was rendered from this very input and its file is still as written: the same size and time.</summary>
    public bool Unchanged(FileSizes outputs, string file, UInt128 fingerprint)
    {
        if (!_outputs.TryGetValue(file, out var before) || before.Fingerprint != fingerprint) return false;
        var (size, modified) = outputs.Of(file);
        return size == before.Size && modified == before.Modified;
    }

    /// <summary>The size and time recorded of an output's file.</summary>
    public (long Size, long Modified) FileOf(string file) => (_outputs[file].Size, _outputs[file].Modified);

    /// <summary>The short hashes of the parts the output was last rendered from, or null when it was not.</summary>
    public string? PartsOf(string file) => _outputs.TryGetValue(file, out var before) ? before.Parts : null;

    /// <summary>
    /// Records what this build's outputs were rendered from; written only after a successful commit.
    /// Outputs kept come with the size and time their files were checked at; the files of those
    /// rendered (a time of -1) are looked at now, as the commit left them.
    /// </summary>
    public static void Write(string outputDir, string shared, IEnumerable<(string File, OutputStamp Stamp, long Size, long Modified)> outputs)
    {
        var records = outputs.ToArray();
        using (var files = new FileSizes(outputDir))
            Parallel.For(0, records.Length, i =>
            {
                if (records[i].Modified < 0) (records[i].Size, records[i].Modified) = files.Of(records[i].File);
            });
        // Streamed, line by line: tens of thousands of lines need not be one string in memory.
        CheckedFile.Write(PathIn(outputDir), stream =>
        {
            using var text = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
            text.WriteLine($"{Format} {shared}");
            foreach (var (file, stamp, size, modified) in records.Where(r => r.Size >= 0).OrderBy(o => o.File, StringComparer.Ordinal))
            {
                text.Write(file);
                text.Write('\t');
                text.Write(ViewHasher.Hex(stamp.Fingerprint));
                text.Write('\t');
                text.Write(size.ToString(CultureInfo.InvariantCulture));
                text.Write('\t');
                text.Write(modified.ToString(CultureInfo.InvariantCulture));
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
