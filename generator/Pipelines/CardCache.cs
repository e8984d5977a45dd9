using System.Text;
using PaperTrail.Output;

namespace PaperTrail.Pipelines;

/// <summary>
/// Each paper's card (<c>partials/paper-card.liquid</c>) as the last build rendered it, by the
/// paper's fingerprint, valid while everything pages share (the theme, site.yml…: the render
/// manifest's shared hash) is the same. Topic and day pages list dozens of cards, and pagination
/// shifts them all when papers are added: with the cards kept, such a page renders without
/// rendering its papers again. Unreadable, foreign or cut short: ignored.
/// </summary>
public sealed class CardCache
{
    public const string FileName = "cards.bin";
    private const string Format = "paper-trail-cards 1";

    private readonly Dictionary<UInt128, byte[]> _cards;

    private CardCache(Dictionary<UInt128, byte[]> cards) => _cards = cards;

    public static CardCache Empty { get; } = new([]);

    public byte[]? Card(UInt128 paperFingerprint) => _cards.GetValueOrDefault(paperFingerprint);

    /// <summary>The cards the last build left, when it was made by this generator under this shared hash.</summary>
    public static CardCache Read(string outputDir, string generator, string sharedHash)
    {
        var path = PathIn(outputDir);
        if (!File.Exists(path)) return Empty;
        try
        {
            using var reader = new BinaryReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16), Encoding.UTF8);
            if (reader.ReadString() != Format || reader.ReadString() != generator || reader.ReadString() != sharedHash) return Empty;
            var cards = new Dictionary<UInt128, byte[]>();
            for (var n = reader.ReadInt32(); n > 0; n--)
            {
                var fingerprint = new UInt128(reader.ReadUInt64(), reader.ReadUInt64());
                cards[fingerprint] = reader.ReadBytes(reader.ReadInt32());
            }
            return reader.ReadString() == Format ? new CardCache(cards) : Empty;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException or FormatException)
        {
            return Empty;
        }
    }

    /// <summary>Writes this build's cards: those it rendered, and the kept ones of its papers it did not need.</summary>
    public void Write(string outputDir, string generator, string sharedHash, IEnumerable<UInt128> papers, IEnumerable<(UInt128 Fingerprint, byte[] Card)> rendered)
    {
        var cards = rendered.ToDictionary(c => c.Fingerprint, c => c.Card);
        foreach (var paper in papers)
            if (!cards.ContainsKey(paper) && Card(paper) is { } card) cards[paper] = card;
        AtomicFile.Write(PathIn(outputDir), stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(Format);
            writer.Write(generator);
            writer.Write(sharedHash);
            writer.Write(cards.Count);
            foreach (var (fingerprint, card) in cards.OrderBy(c => c.Key))
            {
                writer.Write((ulong)(fingerprint >> 64));
                writer.Write((ulong)fingerprint);
                writer.Write(card.Length);
                writer.Write(card);
            }
            writer.Write(Format); // the end mark
        }, durable: false);
    }

    private static string PathIn(string outputDir) => OutputWriter.ManifestFile(outputDir, FileName);
}
