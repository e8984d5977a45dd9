namespace PaperTrail.Related;

/// <summary>
/// What one build's related-papers search found, kept for the next (in the build cache): per paper,
/// a hash of everything its scores against others depend on (its vector and which pruned posting
/// lists it is in) and its best neighbours with their exact scores, more of them than are shown.
/// The next build searches again only for papers whose hash changed; every other paper's list is
/// its old one, minus the changed papers, plus their new scores: the very lists a full search
/// gives, since a score is a sum taken in the same order from the same numbers.
/// </summary>
internal sealed class RelatedState
{
    /// <summary>A neighbour and its score.</summary>
    internal readonly record struct Neighbour(string Slug, double Score);

    /// <param name="Hash">What the paper's scores depend on (<see cref="RelatedPapers"/>).</param>
    /// <param name="Best">The best neighbours, best first; every paper not in it scores lower (ties: later slug).</param>
    /// <param name="Complete">Whether Best holds every paper that scores above zero.</param>
    internal sealed record PaperState(ulong Hash, IReadOnlyList<Neighbour> Best, bool Complete);

    public RelatedState(string tableHash, IReadOnlyDictionary<string, PaperState> papers)
    {
        TableHash = tableHash;
        Papers = papers;
    }

    /// <summary>The term table the scores were weighed with (<see cref="TermFrequencies.Hash"/>).</summary>
    public string TableHash { get; }

    public IReadOnlyDictionary<string, PaperState> Papers { get; }

    public void Write(BinaryWriter writer)
    {
        writer.Write(TableHash);
        var slugs = Papers.Keys.Order(StringComparer.Ordinal).ToList();
        // A hundred thousand neighbours are looked up by their slug: by reference first, which is how
        // they come (a neighbour's slug is its paper's own string, read or computed), and costs no
        // pass over the characters; by value for any other.
        var byReference = new Dictionary<object, int>(slugs.Count, ReferenceEqualityComparer.Instance);
        var byValue = new Dictionary<string, int>(slugs.Count, StringComparer.Ordinal);
        writer.Write(slugs.Count);
        foreach (var slug in slugs)
        {
            byReference[slug] = byValue.Count;
            byValue[slug] = byValue.Count;
            writer.Write(slug);
        }
        foreach (var slug in slugs)
        {
            var paper = Papers[slug];
            writer.Write(paper.Hash);
            writer.Write(paper.Complete);
            writer.Write(paper.Best.Count);
            foreach (var (neighbour, score) in paper.Best)
            {
                writer.Write(byReference.TryGetValue(neighbour, out var at) ? at : byValue[neighbour]);
                writer.Write(score);
            }
        }
    }

    /// <exception cref="FormatException">A neighbour that is not among the papers: the file is damaged.</exception>
    public static RelatedState Read(BinaryReader reader)
    {
        var tableHash = reader.ReadString();
        var slugs = new string[reader.ReadInt32()];
        for (var i = 0; i < slugs.Length; i++) slugs[i] = reader.ReadString();
        var papers = new Dictionary<string, PaperState>(slugs.Length, StringComparer.Ordinal);
        foreach (var slug in slugs)
        {
            var hash = reader.ReadUInt64();
            var complete = reader.ReadBoolean();
            var best = new Neighbour[reader.ReadInt32()];
            for (var k = 0; k < best.Length; k++)
            {
                var at = reader.ReadInt32();
                if ((uint)at >= (uint)slugs.Length) throw new FormatException("a related paper that is not in the cache");
                best[k] = new Neighbour(slugs[at], reader.ReadDouble());
            }
            papers[slug] = new PaperState(hash, best, complete);
        }
        return new RelatedState(tableHash, papers);
    }
}
