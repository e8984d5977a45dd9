namespace PaperTrail.Related;

/// <summary>
/// The inverted index of the papers' vectors, each posting list cut to the papers where its term
/// weighs most (ties by paper number): a paper is then compared with the few hundred that share a
/// distinctive term, not with all others.
/// </summary>
internal sealed class PrunedIndex
{
    /// <summary>Papers kept per term.</summary>
    private const int PapersPerTerm = 200;

    private PrunedIndex((int Paper, double Weight)[][] lists) => Lists = lists;

    /// <summary>Per term number, (paper number, weight): its strongest papers, in no particular order.</summary>
    public (int Paper, double Weight)[][] Lists { get; }

    public static PrunedIndex Of((int Term, double Weight)[][] vectors, int termCount)
    {
        var n = vectors.Length;
        var postingCount = new int[termCount];
        foreach (var vector in vectors)
            foreach (var (term, _) in vector) postingCount[term]++;
        var postings = new (int Paper, double Weight)[termCount][];
        for (var t = 0; t < termCount; t++) postings[t] = postingCount[t] == 0 ? [] : new (int, double)[postingCount[t]];
        Array.Clear(postingCount);
        for (var i = 0; i < n; i++)
            foreach (var (term, weight) in vectors[i]) postings[term][postingCount[term]++] = (i, weight);
        var pruned = new (int Paper, double Weight)[termCount][];
        Parallel.For(0, termCount, t =>
        {
            var list = postings[t];
            // A list short enough to keep whole needs no order: a paper's scores are summed in the order
            // of its own vector, and its neighbours ranked by score and slug, whatever order they come in.
            if (list.Length <= PapersPerTerm)
            {
                pruned[t] = list;
                return;
            }
            Array.Sort(list, (a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : a.Paper.CompareTo(b.Paper));
            pruned[t] = list[..PapersPerTerm];
        });

        return new PrunedIndex(pruned);
    }

    /// <summary>Per paper, which of its vector's terms have it in their pruned list: bit k for its k-th term.</summary>
    public uint[] Membership((int Term, double Weight)[][] vectors)
    {
        var member = new uint[vectors.Length];
        for (var t = 0; t < Lists.Length; t++)
            foreach (var (paper, _) in Lists[t])
            {
                var vector = vectors[paper];
                var k = 0;
                while (vector[k].Term != t) k++;
                member[paper] |= 1u << k;
            }
        return member;
    }

    /// <summary>The lists with only the given papers in them.</summary>
    public (int Paper, double Weight)[][] Only(bool[] papers) => Array.ConvertAll(Lists, list => list.Where(p => papers[p.Paper]).ToArray());
}
