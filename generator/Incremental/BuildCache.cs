using System.Buffers.Binary;
using System.Text;
using PaperTrail.Content;
using PaperTrail.Output;
using PaperTrail.Related;
using PaperTrail.Site;

namespace PaperTrail.Incremental;

/// <summary>
/// What the last build worked out per paper file, so a rebuild does that work only for files that
/// changed: the parsed paper (by the file's content hash), its topics (valid while topics.yml is the
/// same) and its term counts for related papers; KaTeX's MathML per formula (valid while the
/// tools' pins are the same); and the related papers found (<see cref="RelatedState"/>). Everything
/// in it is true of the inputs whatever a build's outcome, so it is written as soon as the model is
/// made. Kept in the output folder's hidden manifest folder, each file checked (<see cref="CheckedFile"/>).
/// Made by another build of the generator: ignored; damaged, cut short or unreadable: ignored with a
/// warning; either way everything is worked out again: a cache can make a build slower, never
/// different. Hidden papers are never in it.
/// <para>
/// Two files: <c>cache.bin</c>, the base, with every paper's entry; and <c>cache-recent.bin</c>, with
/// the entries that differ from the base's, the term table, the math and the related papers. A
/// nightly rebuild writes only the second (tens of entries, not the 30 MB of ten thousand); the base
/// is written again when the recent entries grow past an eighth of it, when the taxonomy changed, or
/// when a paper left the archive or was hidden (its entry must not stay behind).
/// </para>
/// </summary>
internal sealed class BuildCache
{
    public const string FileName = "cache.bin";
    public const string RecentFileName = "cache-recent.bin";
    private const string Format = "paper-trail-cache 6";
    private const string RecentFormat = "paper-trail-cache-recent 6";

    /// <summary>Paper entries are written in this many runs, each preceded by its length, so that they are read on every core.</summary>
    private const int Runs = 16;

    /// <summary>Recent entries past this share of the base's (and past <see cref="MinRecent"/>) mean writing the base again.</summary>
    private const int RecentShare = 8;

    private const int MinRecent = 256;

    /// <summary>One paper file's cached work. Topics and Terms are null when not valid or not known.</summary>
    internal sealed record Entry(string ContentHash, Paper Paper)
    {
        public IReadOnlyList<string>? Topics { get; init; }
        public bool FellBack { get; init; }
        public (int Term, float Count)[]? Terms { get; init; }

        /// <summary>The same work for the same bytes: what decides whether an entry must be written again.</summary>
        public bool SameWork(Entry other) =>
            ContentHash == other.ContentHash && FellBack == other.FellBack
            && (Topics is null ? other.Topics is null : other.Topics is not null && Topics.SequenceEqual(other.Topics, StringComparer.Ordinal))
            && (Terms is null ? other.Terms is null : other.Terms is not null && (ReferenceEquals(Terms, other.Terms) || Terms.AsSpan().SequenceEqual(other.Terms)));
    }

    /// <summary>What one build worked out, to write: each paper file's entry, and the term table their counts index into.</summary>
    internal sealed record Contents(IReadOnlyList<(string File, Entry Entry)> Papers, IReadOnlyList<string> Terms)
    {
        public RelatedState? Related { get; init; }
    }

    private readonly Dictionary<string, Entry> _papers;

    private BuildCache(Dictionary<string, Entry> papers, IReadOnlyList<string> terms)
    {
        _papers = papers;
        Terms = terms;
    }

    public static BuildCache Empty { get; } = new(new(StringComparer.Ordinal), []);

    /// <summary>The term table the cached term counts index into, in id order.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>Formulas the same KaTeX turned into MathML ("" when it could not).</summary>
    public IReadOnlyDictionary<(string Tex, bool Display), string> Math { get; private init; } = new Dictionary<(string, bool), string>();

    /// <summary>The related papers the last build found, with what they depend on.</summary>
    public RelatedState? Related { get; private init; }

    /// <summary>The base file this cache was read from (its id and its entries as read), or null: what the next write compares with.</summary>
    private (string Id, Dictionary<string, Entry> Papers)? Base { get; init; }

    /// <summary>The paper of this file as the last build parsed it, when the file's bytes are the same.</summary>
    public Entry? Paper(string relativePath, string contentHash) =>
        _papers.TryGetValue(relativePath, out var entry) && entry.ContentHash == contentHash ? entry : null;

    /// <summary>
    /// Reads the cache; topics made under another taxonomy, and math made by other tools, are left out.
    /// A file that is damaged or cannot be read is named in <paramref name="damage"/>, and not used.
    /// </summary>
    /// <param name="cancel">Stops reading: a build that finds nothing changed needs none of it.</param>
    public static BuildCache Read(string outputDir, string generator, string taxonomyHash, string toolPins, List<string> damage, CancellationToken cancel = default)
    {
        if (ReadFile(PathIn(outputDir, FileName), Format, generator, taxonomyHash, toolPins, damage, cancel) is not { } based) return Empty;
        var cache = new BuildCache(based.Papers, based.Terms) { Math = based.Math, Related = based.Related, Base = (based.Id, based.Papers) };
        return ReadRecent(outputDir, generator, taxonomyHash, toolPins, cache, damage, cancel) ?? cache;
    }

    /// <summary>The base overlaid with the recent file, when that file was written over this very base; else null.</summary>
    private static BuildCache? ReadRecent(string outputDir, string generator, string taxonomyHash, string toolPins, BuildCache based, List<string> damage, CancellationToken cancel)
    {
        var (id, basePapers) = based.Base!.Value;
        if (ReadFile(PathIn(outputDir, RecentFileName), RecentFormat, generator, taxonomyHash, toolPins, damage, cancel) is not { } recent || recent.Id != id) return null;
        // The base's term counts index into the same table: the recent one only ever adds terms at its end.
        if (recent.Terms.Length < based.Terms.Count || based.Terms.Where((term, i) => recent.Terms[i] != term).Any()) return null;
        var papers = new Dictionary<string, Entry>(basePapers, StringComparer.Ordinal);
        foreach (var (file, entry) in recent.Papers) papers[file] = entry;
        return new BuildCache(papers, recent.Terms) { Math = recent.Math, Related = recent.Related, Base = based.Base };
    }

    /// <summary>What one cache file holds (the base and the recent file share a layout: <see cref="WriteFile"/>).</summary>
    private sealed record FileContents(string Id, string[] Terms, Dictionary<string, Entry> Papers,
        Dictionary<(string, bool), string> Math, RelatedState? Related);

    /// <summary>One cache file, or null when it is missing, made by another generator, damaged or unreadable (then named in <paramref name="damage"/>).</summary>
    private static FileContents? ReadFile(string path, string format, string generator, string taxonomyHash, string toolPins, List<string> damage, CancellationToken cancel)
    {
        var file = CheckedFile.Read(path, cancel);
        if (file.Damage is { } why) damage.Add(why);
        if (!file.Found) return null;
        try
        {
            using var reader = new BinaryReader(file.Open(), Encoding.UTF8);
            if (reader.ReadString() != format || reader.ReadString() != generator) return null;
            var sameTaxonomy = reader.ReadString() == taxonomyHash;
            var sameTools = reader.ReadString() == toolPins;
            var id = reader.ReadString();
            var terms = ReadTerms(reader);
            var papers = ReadEntries(reader, file, sameTaxonomy, cancel);
            var (math, related) = ReadRest(reader, sameTools);
            return reader.ReadString() == format ? new FileContents(id, terms, papers, math, related) : null;
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            // The checksum held: only a file of another format with the same mark gets here. Still harmless.
            damage.Add($"{Errors.DisplayPath.Of(path)} could not be read ({e.Message})");
            return null;
        }
    }

    private static bool IsUnreadable(Exception e) =>
        e is EndOfStreamException or IOException or ArgumentException or FormatException or OverflowException or OutOfMemoryException
        || e is AggregateException a && a.InnerExceptions.All(IsUnreadable);

    private static string[] ReadTerms(BinaryReader reader)
    {
        var terms = new string[reader.ReadInt32()];
        for (var i = 0; i < terms.Length; i++) terms[i] = reader.ReadString();
        return terms;
    }

    /// <summary>The paper entries, their runs read in parallel.</summary>
    private static Dictionary<string, Entry> ReadEntries(BinaryReader reader, CheckedFile.Contents file, bool sameTaxonomy, CancellationToken cancel)
    {
        var runs = new (long Start, long End)[reader.ReadInt32()];
        for (var r = 0; r < runs.Length; r++)
        {
            var length = reader.ReadInt64();
            runs[r] = (reader.BaseStream.Position, reader.BaseStream.Position + length);
            reader.BaseStream.Seek(length, SeekOrigin.Current);
        }
        if (reader.BaseStream.Position > reader.BaseStream.Length) throw new EndOfStreamException();
        var read = new List<(string File, Entry Entry)>[runs.Length];
        Parallel.For(0, runs.Length, new ParallelOptions { CancellationToken = cancel }, r =>
        {
            using var run = new BinaryReader(file.Open(), Encoding.UTF8);
            run.BaseStream.Seek(runs[r].Start, SeekOrigin.Begin);
            var entries = new List<(string, Entry)>();
            while (run.BaseStream.Position < runs[r].End) entries.Add((run.ReadString(), ReadEntry(run, sameTaxonomy)));
            if (run.BaseStream.Position != runs[r].End) throw new FormatException("a run of the cache ends inside an entry");
            read[r] = entries;
        });
        var papers = new Dictionary<string, Entry>(read.Sum(r => r.Count), StringComparer.Ordinal);
        foreach (var run in read)
            foreach (var (name, entry) in run) papers[name] = entry;
        return papers;
    }

    private static (Dictionary<(string, bool), string> Math, RelatedState? Related) ReadRest(BinaryReader reader, bool sameTools)
    {
        var math = new Dictionary<(string, bool), string>();
        for (var n = reader.ReadInt32(); n > 0; n--)
        {
            var formula = (reader.ReadString(), reader.ReadBoolean());
            var mathml = reader.ReadString();
            if (sameTools) math[formula] = mathml;
        }
        var related = reader.ReadBoolean() ? RelatedState.Read(reader) : null;
        return (math, related);
    }

    private static Entry ReadEntry(BinaryReader reader, bool sameTaxonomy)
    {
        var hash = reader.ReadString();
        var paper = PaperBinary.Read(reader);
        IReadOnlyList<string>? topics = null;
        var fellBack = false;
        if (reader.ReadBoolean())
        {
            var slugs = new string[reader.ReadInt32()];
            for (var i = 0; i < slugs.Length; i++) slugs[i] = reader.ReadString();
            fellBack = reader.ReadBoolean();
            if (sameTaxonomy) topics = slugs;
        }
        (int, float)[]? counts = null;
        if (reader.ReadBoolean())
        {
            counts = new (int, float)[reader.ReadInt32()];
            // A hundred pairs or so per paper, ten thousand papers: one read of their bytes, not two calls a pair.
            Span<byte> pairs = counts.Length <= 512 ? stackalloc byte[counts.Length * 8] : new byte[counts.Length * 8];
            reader.BaseStream.ReadExactly(pairs);
            for (var i = 0; i < counts.Length; i++)
                counts[i] = (BinaryPrimitives.ReadInt32LittleEndian(pairs[(8 * i)..]), BinaryPrimitives.ReadSingleLittleEndian(pairs[(8 * i + 4)..]));
        }
        return new Entry(hash, paper) { Topics = topics, FellBack = fellBack && sameTaxonomy, Terms = counts };
    }

    /// <summary>
    /// Writes the cache into a staging folder (<see cref="Place"/> puts it where the next build reads
    /// it): only the recent file when the base read by this build still holds, else the base anew.
    /// Streamed: once written, what the build worked out per paper is let go before pages render.
    /// </summary>
    /// <returns>What was written, for <see cref="Place"/>.</returns>
    public static Staged Write(string stagingFolder, string generator, string taxonomyHash, string toolPins, Contents contents,
        IEnumerable<KeyValuePair<(string Tex, bool Display), string>> math, BuildCache previous)
    {
        if (previous.Base is not { } based || Recent(contents, based.Papers) is not { } recent)
        {
            // The base's identity, from all a recent file's entries are read against: the term numbering
            // and the bytes each entry was worked out from, under this generator and taxonomy. The same
            // content builds the same cache, as it builds the same site.
            var id = ViewHasher.Hex(ViewHasher.Of(generator, taxonomyHash, contents.Terms, contents.Papers.Select(p => p.File + "\t" + p.Entry.ContentHash).ToList()));
            WriteFile(Path.Combine(stagingFolder, FileName), Format, generator, taxonomyHash, toolPins, id, contents.Terms, contents.Papers, math, contents.Related);
            return new Staged(stagingFolder, IsBase: true);
        }
        WriteFile(Path.Combine(stagingFolder, RecentFileName), RecentFormat, generator, taxonomyHash, toolPins, based.Id, contents.Terms, recent, math, contents.Related);
        return new Staged(stagingFolder, IsBase: false);
    }

    /// <summary>What <see cref="Write"/> put in the staging folder: the base, or the recent file only.</summary>
    internal sealed record Staged(string Folder, bool IsBase);

    /// <summary>
    /// The entries that differ from the base's, or null when the base must be written again: too many
    /// of them, or an entry of the base that this build does not have (a paper gone or hidden).
    /// </summary>
    private static List<(string File, Entry Entry)>? Recent(Contents contents, Dictionary<string, Entry> basePapers)
    {
        var recent = new List<(string, Entry)>();
        var inBase = 0;
        foreach (var (file, entry) in contents.Papers)
        {
            if (basePapers.TryGetValue(file, out var known))
            {
                inBase++;
                if (known.SameWork(entry)) continue;
            }
            recent.Add((file, entry));
        }
        var tooMany = recent.Count > System.Math.Max(MinRecent, basePapers.Count / RecentShare);
        return inBase < basePapers.Count || tooMany ? null : recent;
    }

    private static void WriteFile(string path, string format, string generator, string taxonomyHash, string toolPins, string baseId,
        IReadOnlyList<string> terms, IReadOnlyList<(string File, Entry Entry)> papers,
        IEnumerable<KeyValuePair<(string Tex, bool Display), string>> math, RelatedState? related)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        CheckedFile.WriteTo(file, stream => WriteContents(stream, format, generator, taxonomyHash, toolPins, baseId, terms, papers, math, related));
    }

    private static void WriteContents(Stream stream, string format, string generator, string taxonomyHash, string toolPins, string baseId,
        IReadOnlyList<string> terms, IReadOnlyList<(string File, Entry Entry)> papers,
        IEnumerable<KeyValuePair<(string Tex, bool Display), string>> math, RelatedState? related)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(format);
        writer.Write(generator);
        writer.Write(taxonomyHash);
        writer.Write(toolPins);
        writer.Write(baseId);
        writer.Write(terms.Count);
        foreach (var term in terms) writer.Write(term);
        // Each run is preceded by its length: made in memory first (a few megabytes), as the checksum is taken going forward.
        var runs = papers.Count < Runs ? 1 : Runs;
        writer.Write(runs);
        using var run = new MemoryStream();
        using var runWriter = new BinaryWriter(run, Encoding.UTF8, leaveOpen: true);
        for (var r = 0; r < runs; r++)
        {
            run.SetLength(0);
            for (var i = r * papers.Count / runs; i < (r + 1) * papers.Count / runs; i++)
            {
                runWriter.Write(papers[i].File);
                WriteEntry(runWriter, papers[i].Entry);
            }
            runWriter.Flush();
            writer.Write(run.Length);
            writer.Flush();
            run.WriteTo(stream);
        }
        var formulas = math.OrderBy(f => f.Key.Tex, StringComparer.Ordinal).ThenBy(f => f.Key.Display).ToList();
        writer.Write(formulas.Count);
        foreach (var ((tex, display), mathml) in formulas)
        {
            writer.Write(tex);
            writer.Write(display);
            writer.Write(mathml);
        }
        writer.Write(related is not null);
        related?.Write(writer);
        writer.Write(format); // the end mark: a file cut short reads as no cache
    }

    /// <summary>
    /// Puts a written cache in place, each file by one rename. A new base goes first, then the old
    /// recent file goes: a build stopped in between reads the new base and a recent file written over
    /// another base, which it ignores.
    /// </summary>
    public static void Place(Staged staged, string outputDir)
    {
        if (staged.IsBase)
        {
            File.Move(Path.Combine(staged.Folder, FileName), PathIn(outputDir, FileName), overwrite: true);
            File.Delete(PathIn(outputDir, RecentFileName));
        }
        else File.Move(Path.Combine(staged.Folder, RecentFileName), PathIn(outputDir, RecentFileName), overwrite: true);
    }

    private static void WriteEntry(BinaryWriter writer, Entry entry)
    {
        writer.Write(entry.ContentHash);
        PaperBinary.Write(writer, entry.Paper);
        writer.Write(entry.Topics is not null);
        if (entry.Topics is not null)
        {
            writer.Write(entry.Topics.Count);
            foreach (var slug in entry.Topics) writer.Write(slug);
            writer.Write(entry.FellBack);
        }
        writer.Write(entry.Terms is not null);
        if (entry.Terms is not null)
        {
            writer.Write(entry.Terms.Length);
            foreach (var (term, count) in entry.Terms)
            {
                writer.Write(term);
                writer.Write(count);
            }
        }
    }

    private static string PathIn(string outputDir, string fileName) => OutputWriter.ManifestFile(outputDir, fileName);
}
