using PaperTrail.Content;
using PaperTrail.Topics;

namespace PaperTrail.Related;

/// <summary>
/// The most similar papers of every paper by TF-IDF cosine over title and abstract, for the whole
/// archive at once in near-linear time: each paper keeps only its most distinctive terms
/// (<see cref="PaperVectors"/>), each term only its strongest papers (<see cref="PrunedIndex"/>), so
/// a paper is compared with the few hundred that share a distinctive term instead of with all
/// others; and, given what the last build found (<see cref="RelatedState"/>), only the papers whose
/// scores may have changed are searched again.
/// </summary>
internal static class RelatedPapers
{
    public const int Count = 5;

    /// <summary>
    /// Neighbours kept per paper for the next build (<see cref="RelatedState"/>): more than are shown,
    /// so that when a shown neighbour changes, the next best is known without a search.
    /// </summary>
    private const int Kept = 2 * Count;

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Compute(IReadOnlyList<Paper> papers, TermFrequencies reference) =>
        Compute(papers, reference, new TermTable([]), new (int, float)[]?[papers.Count], null, out _);

    /// <param name="terms">The term numbering; terms new to it are added.</param>
    /// <param name="counts">Each paper's term counts by term number, when already known (a build cache);
    /// the unknown ones are counted and filled in, for the next build.</param>
    /// <param name="previous">What the last build found, if known: papers whose scores cannot have changed are not searched again.</param>
    /// <param name="next">What this build found, for the next.</param>
    /// <param name="tokens">The build's paper tokens, shared with the topic classifier; without it they are made here and dropped after.</param>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Compute(IReadOnlyList<Paper> papers, TermFrequencies reference, TermTable terms,
        (int Term, float Count)[]?[] counts, RelatedState? previous, out RelatedState next, PaperTokenCache? tokens = null)
    {
        var n = papers.Count;
        if (n < 2)
        {
            next = new RelatedState(reference.Hash, new Dictionary<string, RelatedState.PaperState>());
            return papers.ToDictionary(p => p.Slug, _ => (IReadOnlyList<string>)[], StringComparer.Ordinal);
        }
        if (previous?.TableHash != reference.Hash) previous = null;

        var vectors = PaperVectors.Of(papers, reference, terms, counts, tokens ?? new PaperTokenCache());
        var index = PrunedIndex.Of(vectors, terms.Count);
        var pruned = index.Lists;
        // What each paper's scores against the others depend on: its vector and the pruned lists it is in.
        var member = index.Membership(vectors);
        var hashes = new ulong[n];
        Parallel.For(0, n, i => hashes[i] = ScoreHash(vectors[i], member[i], terms));

        // Papers whose scores may have changed since the last build: new ones and changed ones (and
        // those gone, which are simply not here). Every other pair of papers scores exactly as it did,
        // so an old score is reused only against an unchanged paper, found by slug at its place now.
        var changed = new bool[n];
        var unchanged = new Dictionary<string, int>(n, StringComparer.Ordinal);
        if (previous is not null)
            for (var i = 0; i < n; i++)
            {
                changed[i] = !previous.Papers.TryGetValue(papers[i].Slug, out var known) || known.Hash != hashes[i];
                if (!changed[i]) unchanged[papers[i].Slug] = i;
            }
        var changedPostings = previous is null ? [] : index.Only(changed);

        // Per thread: a dense score array and the list of papers it touched, cleared after each paper.
        var best = new List<(int Paper, double Score)>[n];
        var complete = new bool[n];
        Parallel.For(0, n, () => (Scores: new double[n], Touched: new List<int>()), (i, _, state) =>
        {
            var (scores, touched) = state;
            if (previous is null || changed[i] || !Updated(i, scores, touched, out best[i], out complete[i]))
            {
                Score(i, vectors[i], pruned, scores, touched);
                best[i] = Best(touched, scores, papers, Kept);
                complete[i] = touched.Count <= Kept;
                Clear(scores, touched);
            }
            return state;
        }, _ => { });

        // Each paper's lists made on every core; only the two maps are filled in one by one.
        var kept = new RelatedState.PaperState[n];
        var shown = new string[n][];
        Parallel.For(0, n, i =>
        {
            var list = best[i];
            var neighbours = new RelatedState.Neighbour[list.Count];
            for (var k = 0; k < list.Count; k++) neighbours[k] = new RelatedState.Neighbour(papers[list[k].Paper].Slug, list[k].Score);
            kept[i] = new RelatedState.PaperState(hashes[i], neighbours, complete[i]);
            shown[i] = neighbours.Take(Count).Select(b => b.Slug).ToArray();
        });
        var states = new Dictionary<string, RelatedState.PaperState>(n, StringComparer.Ordinal);
        var result = new Dictionary<string, IReadOnlyList<string>>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            states[papers[i].Slug] = kept[i];
            result[papers[i].Slug] = shown[i];
        }
        next = new RelatedState(reference.Hash, states);
        return result;

        // Paper i's list from its last one, when its own scores are unchanged: the old neighbours that
        // did not change keep their scores, the changed papers are scored afresh. Papers outside the
        // old list scored below its last entry and still do, so what ranks above that entry is exact;
        // fewer than Count such: false, and the paper is searched in full.
        bool Updated(int i, double[] scores, List<int> touched, out List<(int Paper, double Score)> list, out bool whole)
        {
            var known = previous!.Papers[papers[i].Slug];
            list = [];
            whole = false;
            if (!known.Complete && known.Best.Count < Count) return false; // only a damaged cache says so
            Score(i, vectors[i], changedPostings, scores, touched);
            // Only the Kept best are needed and, when the old list was cut short, only those that rank
            // at or above its last entry: a bounded selection, not a sort of every candidate (a paper
            // can share terms with dozens of the changed papers).
            var cut = !known.Complete;
            var (lastSlug, lastScore) = known.Best.Count > 0 ? known.Best[^1] : default;
            var selected = new List<(int Paper, double Score)>(Kept + 1);
            var exact = 0;
            foreach (var other in touched)
                if (!cut || Order(scores[other], papers[other].Slug, lastScore, lastSlug) <= 0)
                {
                    exact++;
                    Insert(selected, other, scores[other], papers, Kept);
                }
            Clear(scores, touched);
            foreach (var (slug, score) in known.Best)
                if (unchanged.TryGetValue(slug, out var other))
                {
                    exact++;
                    Insert(selected, other, score, papers, Kept);
                }
            if (cut && exact < Count) return false;
            whole = known.Complete && exact <= Kept;
            list = selected;
            return true;
        }
    }

    /// <summary>
    /// Adds paper i's score against every paper in the given posting lists of its terms, in the
    /// order of its vector: the same order whichever lists, so a pair's score has the same bits
    /// whether it comes from a full search or from the changed papers alone.
    /// </summary>
    private static void Score(int i, (int Term, double Weight)[] vector, (int Paper, double Weight)[][] postings, double[] scores, List<int> touched)
    {
        foreach (var (term, weight) in vector)
            foreach (var (other, otherWeight) in postings[term])
            {
                if (other == i) continue;
                if (scores[other] == 0) touched.Add(other);
                scores[other] += weight * otherWeight;
            }
    }

    private static void Clear(double[] scores, List<int> touched)
    {
        foreach (var o in touched) scores[o] = 0;
        touched.Clear();
    }

    /// <summary>Best first: the higher score, then the earlier slug.</summary>
    private static int Order(double score, string slug, double otherScore, string otherSlug) =>
        score != otherScore ? otherScore.CompareTo(score) : string.CompareOrdinal(slug, otherSlug);

    /// <summary>A 64-bit FNV-1a of a paper's vector (terms by text, weights by bits) and its pruned-list membership.</summary>
    private static ulong ScoreHash((int Term, double Weight)[] vector, uint member, TermTable terms)
    {
        const ulong prime = 1099511628211;
        var hash = 14695981039346656037;
        void Add(ulong value)
        {
            for (var b = 0; b < 8; b++, value >>= 8) hash = (hash ^ (value & 0xff)) * prime;
        }
        foreach (var (term, weight) in vector)
        {
            foreach (var c in terms[term]) hash = (hash ^ c) * prime;
            hash = (hash ^ 0xffff) * prime; // not a character of any term: "ab" + "c" differs from "a" + "bc"
            Add((ulong)BitConverter.DoubleToInt64Bits(weight));
        }
        Add(member);
        return hash;
    }

    /// <summary>The <paramref name="keep"/> highest scores, ties by slug: a partial selection, not a sort of all candidates.</summary>
    private static List<(int Paper, double Score)> Best(List<int> candidates, double[] scores, IReadOnlyList<Paper> papers, int keep)
    {
        var best = new List<(int Paper, double Score)>(keep + 1);
        foreach (var candidate in candidates) Insert(best, candidate, scores[candidate], papers, keep);
        return best;
    }

    /// <summary>Puts a candidate at its place in a best-first list of at most <paramref name="keep"/>, if it ranks among them.</summary>
    private static void Insert(List<(int Paper, double Score)> best, int candidate, double score, IReadOnlyList<Paper> papers, int keep)
    {
        var at = best.Count;
        // Scores decide all but ties: slugs are looked up only for those (most candidates fall below a full list at the first comparison).
        while (at > 0 && (score != best[at - 1].Score ? score > best[at - 1].Score : string.CompareOrdinal(papers[candidate].Slug, papers[best[at - 1].Paper].Slug) < 0)) at--;
        if (at >= keep) return;
        best.Insert(at, (candidate, score));
        if (best.Count > keep) best.RemoveAt(keep);
    }
}
