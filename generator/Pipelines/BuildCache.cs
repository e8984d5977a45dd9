using System.Text;
using PaperTrail.Content;
using PaperTrail.Output;

namespace PaperTrail.Pipelines;

/// <summary>
/// What the last build worked out per paper file, so a rebuild does that work only for files that
/// changed: the parsed paper (by the file's content hash), its topics (valid while topics.yml is the
/// same) and its term counts for related papers; and each paper's rendered card (valid while
/// everything pages share is the same). Kept in the output folder's hidden manifest folder, written
/// after a successful build only. Made by another generator, unreadable or cut short: ignored, and
/// everything is worked out again — a cache can make a build slower, never different.
/// </summary>
public sealed class BuildCache
{
    public const string FileName = "cache.bin";
    private const string Format = "paper-trail-cache 1";

    /// <summary>One paper file's cached work. Topics and Terms are null when not valid or not known.</summary>
    public sealed record Entry(string ContentHash, Paper Paper)
    {
        public IReadOnlyList<string>? Topics { get; init; }
        public bool FellBack { get; init; }
        public (int Term, double Count)[]? Terms { get; init; }
    }

    /// <summary>What one build worked out, to write: each paper file's entry, and the term table their counts index into.</summary>
    public sealed record Contents(IReadOnlyList<(string File, Entry Entry)> Papers, IReadOnlyList<string> Terms);

    private readonly Dictionary<string, Entry> _papers;
    private readonly Dictionary<string, byte[]> _cards;

    /// <summary>The term table the cached term counts index into, in id order.</summary>
    public IReadOnlyList<string> Terms { get; }

    private readonly string _cardsShared;

    /// <summary>Formulas the same KaTeX turned into MathML ("" when it could not), valid while the Node tools' pins are the same.</summary>
    public IReadOnlyDictionary<(string Tex, bool Display), string> Math { get; private init; } = new Dictionary<(string, bool), string>();

    private BuildCache(Dictionary<string, Entry> papers, IReadOnlyList<string> terms, Dictionary<string, byte[]> cards, string cardsShared)
    {
        _cardsShared = cardsShared;
        _papers = papers;
        Terms = terms;
        _cards = cards;
    }

    public static BuildCache Empty { get; } = new(new(StringComparer.Ordinal), [], new(StringComparer.Ordinal), "");

    /// <summary>The paper of this file as the last build parsed it, when the file's bytes are the same.</summary>
    public Entry? Paper(string relativePath, string contentHash) =>
        _papers.TryGetValue(relativePath, out var entry) && entry.ContentHash == contentHash ? entry : null;

    /// <summary>A paper's rendered card, by its fingerprint, when what every page shares is as it was.</summary>
    public byte[]? Card(string sharedHash, string paperFingerprint) =>
        sharedHash == _cardsShared ? _cards.GetValueOrDefault(paperFingerprint) : null;

    /// <summary>The cards this build rendered, and the cached ones of its papers it did not need to.</summary>
    public IEnumerable<(string Fingerprint, byte[] Card)> CardsStillValid(string sharedHash, IEnumerable<string> papers, IEnumerable<(string Fingerprint, byte[] Card)> rendered)
    {
        var cards = rendered.ToDictionary(c => c.Fingerprint, c => c.Card, StringComparer.Ordinal);
        foreach (var paper in papers)
            if (!cards.ContainsKey(paper) && Card(sharedHash, paper) is { } card) cards[paper] = card;
        return cards.Select(c => (c.Key, c.Value));
    }

    /// <summary>Reads the cache; topics made under another taxonomy, and math made by other tools, are left out.</summary>
    public static BuildCache Read(string outputDir, string generator, string taxonomyHash, string toolPins)
    {
        var path = PathIn(outputDir);
        if (!File.Exists(path)) return Empty;
        try
        {
            using var reader = new BinaryReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16), Encoding.UTF8);
            if (reader.ReadString() != Format || reader.ReadString() != generator) return Empty;
            var sameTaxonomy = reader.ReadString() == taxonomyHash;
            var cardsShared = reader.ReadString();
            var terms = new string[reader.ReadInt32()];
            for (var i = 0; i < terms.Length; i++) terms[i] = reader.ReadString();
            var papers = new Dictionary<string, Entry>(StringComparer.Ordinal);
            for (var n = reader.ReadInt32(); n > 0; n--)
            {
                var file = reader.ReadString();
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
                (int, double)[]? counts = null;
                if (reader.ReadBoolean())
                {
                    counts = new (int, double)[reader.ReadInt32()];
                    for (var i = 0; i < counts.Length; i++) counts[i] = (reader.ReadInt32(), reader.ReadDouble());
                }
                papers[file] = new Entry(hash, paper) { Topics = topics, FellBack = fellBack && sameTaxonomy, Terms = counts };
            }
            var cards = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            for (var n = reader.ReadInt32(); n > 0; n--)
            {
                var fingerprint = reader.ReadString();
                var card = reader.ReadBytes(reader.ReadInt32());
                cards[fingerprint] = card;
            }
            var sameTools = reader.ReadString() == toolPins;
            var math = new Dictionary<(string, bool), string>();
            for (var n = reader.ReadInt32(); n > 0; n--)
            {
                var formula = (reader.ReadString(), reader.ReadBoolean());
                var mathml = reader.ReadString();
                if (sameTools) math[formula] = mathml;
            }
            return reader.ReadString() == Format ? new BuildCache(papers, terms, cards, cardsShared) { Math = math } : Empty;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException or FormatException)
        {
            return Empty;
        }
    }

    /// <summary>Writes what this build worked out; the entries' Terms index into <paramref name="terms"/>.</summary>
    public static void Write(string outputDir, string generator, string taxonomyHash, string sharedHash, Contents contents,
        IEnumerable<(string Fingerprint, byte[] Card)> cards, string toolPins, IEnumerable<KeyValuePair<(string Tex, bool Display), string>> math)
    {
        var (papers, terms) = contents;
        AtomicFile.Write(PathIn(outputDir), stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(Format);
            writer.Write(generator);
            writer.Write(taxonomyHash);
            writer.Write(sharedHash);
            writer.Write(terms.Count);
            foreach (var term in terms) writer.Write(term);
            writer.Write(papers.Count);
            foreach (var (file, entry) in papers)
            {
                writer.Write(file);
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
            var list = cards.ToList();
            writer.Write(list.Count);
            foreach (var (fingerprint, card) in list.OrderBy(c => c.Fingerprint, StringComparer.Ordinal))
            {
                writer.Write(fingerprint);
                writer.Write(card.Length);
                writer.Write(card);
            }
            writer.Write(toolPins);
            var formulas = math.OrderBy(f => f.Key.Tex, StringComparer.Ordinal).ThenBy(f => f.Key.Display).ToList();
            writer.Write(formulas.Count);
            foreach (var ((tex, display), mathml) in formulas)
            {
                writer.Write(tex);
                writer.Write(display);
                writer.Write(mathml);
            }
            writer.Write(Format); // the end mark: a file cut short reads as no cache
        });
    }

    /// <summary>Forgets the cache (a build that failed part way must not leave one that vouches for it).</summary>
    public static void Delete(string outputDir)
    {
        var path = PathIn(outputDir);
        if (File.Exists(path)) File.Delete(path);
    }

    private static string PathIn(string outputDir) => Path.Combine(outputDir, OutputWriter.ManifestFolder, FileName);
}
