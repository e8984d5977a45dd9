using System.Text;
using PaperTrail.Content;
using PaperTrail.Output;
using PaperTrail.Related;

namespace PaperTrail.Pipelines;

/// <summary>
/// What the last build worked out per paper file, so a rebuild does that work only for files that
/// changed: the parsed paper (by the file's content hash), its topics (valid while topics.yml is the
/// same) and its term counts for related papers; KaTeX's MathML per formula (valid while the
/// tools' pins are the same); and the related papers found (<see cref="RelatedState"/>). Everything
/// in it is true of the inputs whatever a build's outcome, so it is written as soon as the model is
/// made. Kept in the output folder's hidden manifest folder. Made by another build of the generator,
/// unreadable or cut short: ignored, and everything is worked out again: a cache can make a build
/// slower, never different. Hidden papers are never in it.
/// </summary>
public sealed class BuildCache
{
    public const string FileName = "cache.bin";
    private const string Format = "paper-trail-cache 4";

    /// <summary>Paper entries are written in this many runs, each preceded by its length, so that they are read on every core.</summary>
    private const int Runs = 16;

    /// <summary>One paper file's cached work. Topics and Terms are null when not valid or not known.</summary>
    public sealed record Entry(string ContentHash, Paper Paper)
    {
        public IReadOnlyList<string>? Topics { get; init; }
        public bool FellBack { get; init; }
        public (int Term, float Count)[]? Terms { get; init; }
    }

    /// <summary>What one build worked out, to write: each paper file's entry, and the term table their counts index into.</summary>
    public sealed record Contents(IReadOnlyList<(string File, Entry Entry)> Papers, IReadOnlyList<string> Terms)
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

    /// <summary>The paper of this file as the last build parsed it, when the file's bytes are the same.</summary>
    public Entry? Paper(string relativePath, string contentHash) =>
        _papers.TryGetValue(relativePath, out var entry) && entry.ContentHash == contentHash ? entry : null;

    /// <summary>Reads the cache; topics made under another taxonomy, and math made by other tools, are left out.</summary>
    public static BuildCache Read(string outputDir, string generator, string taxonomyHash, string toolPins)
    {
        var path = PathIn(outputDir);
        if (!File.Exists(path)) return Empty;
        try
        {
            using var reader = new BinaryReader(Open(path), Encoding.UTF8);
            if (reader.ReadString() != Format || reader.ReadString() != generator) return Empty;
            var sameTaxonomy = reader.ReadString() == taxonomyHash;
            var sameTools = reader.ReadString() == toolPins;
            var terms = new string[reader.ReadInt32()];
            for (var i = 0; i < terms.Length; i++) terms[i] = reader.ReadString();
            var runs = new (long Start, long End)[reader.ReadInt32()];
            for (var r = 0; r < runs.Length; r++)
            {
                var length = reader.ReadInt64();
                runs[r] = (reader.BaseStream.Position, reader.BaseStream.Position + length);
                reader.BaseStream.Seek(length, SeekOrigin.Current);
            }
            if (reader.BaseStream.Position > reader.BaseStream.Length) return Empty;
            var read = new List<(string File, Entry Entry)>[runs.Length];
            Parallel.For(0, runs.Length, r =>
            {
                using var run = new BinaryReader(Open(path), Encoding.UTF8);
                run.BaseStream.Seek(runs[r].Start, SeekOrigin.Begin);
                var entries = new List<(string, Entry)>();
                while (run.BaseStream.Position < runs[r].End) entries.Add((run.ReadString(), ReadEntry(run, sameTaxonomy)));
                if (run.BaseStream.Position != runs[r].End) throw new FormatException("a run of the cache ends inside an entry");
                read[r] = entries;
            });
            var papers = new Dictionary<string, Entry>(read.Sum(r => r.Count), StringComparer.Ordinal);
            foreach (var run in read)
                foreach (var (file, entry) in run) papers[file] = entry;
            var math = new Dictionary<(string, bool), string>();
            for (var n = reader.ReadInt32(); n > 0; n--)
            {
                var formula = (reader.ReadString(), reader.ReadBoolean());
                var mathml = reader.ReadString();
                if (sameTools) math[formula] = mathml;
            }
            var related = reader.ReadBoolean() ? RelatedState.Read(reader) : null;
            return reader.ReadString() == Format ? new BuildCache(papers, terms) { Math = math, Related = related } : Empty;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException or FormatException)
        {
            return Empty;
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is EndOfStreamException or IOException or ArgumentException or FormatException))
        {
            return Empty;
        }
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
            for (var i = 0; i < counts.Length; i++) counts[i] = (reader.ReadInt32(), reader.ReadSingle());
        }
        return new Entry(hash, paper) { Topics = topics, FellBack = fellBack && sameTaxonomy, Terms = counts };
    }

    /// <summary>
    /// Writes the cache to a staging path (<see cref="Place"/> puts it where the next build reads it).
    /// Streamed: once written, what the build worked out per paper is let go before pages render.
    /// </summary>
    public static void Write(string stagingPath, string generator, string taxonomyHash, string toolPins, Contents contents,
        IEnumerable<KeyValuePair<(string Tex, bool Display), string>> math)
    {
        var (papers, terms) = contents;
        using (var stream = new FileStream(stagingPath, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(Format);
            writer.Write(generator);
            writer.Write(taxonomyHash);
            writer.Write(toolPins);
            writer.Write(terms.Count);
            foreach (var term in terms) writer.Write(term);
            // Each run is preceded by its length, filled in once the run is written.
            writer.Write(Runs);
            for (var r = 0; r < Runs; r++)
            {
                writer.Flush();
                var start = stream.Position;
                writer.Write(0L);
                for (var i = r * papers.Count / Runs; i < (r + 1) * papers.Count / Runs; i++)
                {
                    writer.Write(papers[i].File);
                    WriteEntry(writer, papers[i].Entry);
                }
                writer.Flush();
                var end = stream.Position;
                stream.Position = start;
                writer.Write(end - start - sizeof(long));
                writer.Flush();
                stream.Position = end;
            }
            var formulas = math.OrderBy(f => f.Key.Tex, StringComparer.Ordinal).ThenBy(f => f.Key.Display).ToList();
            writer.Write(formulas.Count);
            foreach (var ((tex, display), mathml) in formulas)
            {
                writer.Write(tex);
                writer.Write(display);
                writer.Write(mathml);
            }
            writer.Write(contents.Related is not null);
            contents.Related?.Write(writer);
            writer.Write(Format); // the end mark: a file cut short reads as no cache
        }
    }

    /// <summary>Moves a written cache into place (one rename: the next build reads the old cache or the new).</summary>
    public static void Place(string stagingPath, string outputDir) => File.Move(stagingPath, PathIn(outputDir), overwrite: true);

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

    private static FileStream Open(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);

    private static string PathIn(string outputDir) => OutputWriter.ManifestFile(outputDir, FileName);
}
