using PaperTrail.Content;
using PaperTrail.Topics;

namespace PaperTrail.Related;

/// <summary>
/// The most similar papers of every paper by TF-IDF cosine over title and abstract (the IDF from a
/// fixed table, <see cref="TermFrequencies"/>, so a paper's weights are its own), for the whole
/// archive at once in near-linear time: each paper keeps only its most distinctive terms, each term
/// only its strongest papers (an inverted index with pruning), so a paper is compared with the few
/// hundred that share a distinctive term instead of with all others.
/// </summary>
public static class RelatedPapers
{
    public const int Count = 5;

    /// <summary>Terms kept per paper: its highest TF-IDF weights.</summary>
    private const int TermsPerPaper = 30;

    /// <summary>Papers kept per term: those where the term weighs most.</summary>
    private const int PapersPerTerm = 200;

    /// <summary>Terms in more than this share of the reference papers say nothing about similarity.</summary>
    private const double MaxDocumentShare = 0.2;

    private const double TitleWeight = 2;

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
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Compute(IReadOnlyList<Paper> papers, TermFrequencies reference, TermTable terms,
        (int Term, float Count)[]?[] counts, RelatedState? previous, out RelatedState next)
    {
        var n = papers.Count;
        if (n < 2)
        {
            next = new RelatedState(reference.Hash, new Dictionary<string, RelatedState.PaperState>());
            return papers.ToDictionary(p => p.Slug, _ => (IReadOnlyList<string>)[], StringComparer.Ordinal);
        }
        if (previous?.TableHash != reference.Hash) previous = null;

        // Term frequencies per paper (title counts double), with words too short or too common dropped.
        var frequencies = new Dictionary<string, double>?[n];
        Parallel.For(0, n, i => frequencies[i] = counts[i] is null ? TermCounts(papers[i]) : null);

        // Every term gets a number, so what follows works on arrays instead of string-keyed maps.
        for (var i = 0; i < n; i++)
        {
            if (frequencies[i] is not { } own) continue;
            counts[i] = own.Select(f => (terms.Id(f.Key), (float)f.Value)).ToArray(); // whole numbers: exact as float
            frequencies[i] = null;
        }
        var paperTerms = Array.ConvertAll(counts, c => c!);
        var documentFrequency = new int[terms.Count];
        foreach (var own in paperTerms)
            foreach (var (term, _) in own) documentFrequency[term]++;

        // Each term's IDF from the reference table (a term it does not know counts as used once);
        // 0 for a term too common to tell papers apart.
        var inverseFrequency = new double[terms.Count];
        for (var t = 0; t < terms.Count; t++)
        {
            var used = Math.Max(1, reference.Count(terms[t]));
            inverseFrequency[t] = used > reference.Papers * MaxDocumentShare ? 0 : Math.Log((double)Math.Max(reference.Papers, used) / used);
        }

        // Each paper's vector: its strongest TF-IDF terms (ties by the term's text), L2-normalised.
        // Terms no other paper of the archive uses are left out: they cannot make two papers alike.
        var vectors = new (int Term, double Weight)[n][];
        Parallel.For(0, n, i =>
        {
            var weighted = new List<(int Term, double Weight)>(paperTerms[i].Length);
            foreach (var (term, count) in paperTerms[i])
            {
                if (documentFrequency[term] > 1 && inverseFrequency[term] > 0) weighted.Add((term, (1 + Math.Log(count)) * inverseFrequency[term]));
            }
            weighted.Sort((a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : string.CompareOrdinal(terms[a.Term], terms[b.Term]));
            if (weighted.Count > TermsPerPaper) weighted.RemoveRange(TermsPerPaper, weighted.Count - TermsPerPaper);
            var norm = 0.0;
            foreach (var t in weighted) norm += t.Weight * t.Weight;
            norm = Math.Sqrt(norm);
            vectors[i] = norm == 0 ? [] : weighted.Select(t => (t.Term, t.Weight / norm)).ToArray();
        });

        // Inverted index, each posting list cut to the papers where the term weighs most.
        var postingCount = new int[terms.Count];
        foreach (var vector in vectors)
            foreach (var (term, _) in vector) postingCount[term]++;
        var postings = new (int Paper, double Weight)[terms.Count][];
        for (var t = 0; t < terms.Count; t++) postings[t] = postingCount[t] == 0 ? [] : new (int, double)[postingCount[t]];
        Array.Clear(postingCount);
        for (var i = 0; i < n; i++)
            foreach (var (term, weight) in vectors[i]) postings[term][postingCount[term]++] = (i, weight);
        var pruned = new (int Paper, double Weight)[terms.Count][];
        Parallel.For(0, terms.Count, t =>
        {
            var list = postings[t];
            Array.Sort(list, (a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : a.Paper.CompareTo(b.Paper));
            pruned[t] = list.Length > PapersPerTerm ? list[..PapersPerTerm] : list;
        });

        // What each paper's scores against the others depend on: its vector and the pruned lists it is in.
        var member = new uint[n]; // bit k: the paper is in the pruned list of its k-th term
        for (var t = 0; t < terms.Count; t++)
            foreach (var (paper, _) in pruned[t])
            {
                var vector = vectors[paper];
                var k = 0;
                while (vector[k].Term != t) k++;
                member[paper] |= 1u << k;
            }
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
        var changedPostings = previous is null ? [] : Array.ConvertAll(pruned, list => list.Where(p => changed[p.Paper]).ToArray());

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

        var states = new Dictionary<string, RelatedState.PaperState>(n, StringComparer.Ordinal);
        var result = new Dictionary<string, IReadOnlyList<string>>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            states[papers[i].Slug] = new RelatedState.PaperState(hashes[i],
                best[i].Select(b => new RelatedState.Neighbour(papers[b.Paper].Slug, b.Score)).ToArray(), complete[i]);
            result[papers[i].Slug] = best[i].Take(Count).Select(b => papers[b.Paper].Slug).ToList();
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
            var candidates = new List<(int Paper, double Score)>(known.Best.Count + touched.Count);
            foreach (var other in touched) candidates.Add((other, scores[other]));
            Clear(scores, touched);
            foreach (var (slug, score) in known.Best)
                if (unchanged.TryGetValue(slug, out var other)) candidates.Add((other, score));
            candidates.Sort((a, b) => Order(a.Score, papers[a.Paper].Slug, b.Score, papers[b.Paper].Slug));
            if (!known.Complete)
            {
                var (lastSlug, lastScore) = known.Best[^1];
                var exact = candidates.FindIndex(c => Order(c.Score, papers[c.Paper].Slug, lastScore, lastSlug) > 0);
                if (exact >= 0) candidates.RemoveRange(exact, candidates.Count - exact);
                if (candidates.Count < Count) return false;
            }
            whole = known.Complete && candidates.Count <= Kept;
            list = candidates.Count > Kept ? candidates[..Kept] : candidates;
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
        foreach (var candidate in candidates)
        {
            var score = scores[candidate];
            var at = best.Count;
            while (at > 0 && Order(score, papers[candidate].Slug, best[at - 1].Score, papers[best[at - 1].Paper].Slug) < 0) at--;
            if (at >= keep) continue;
            best.Insert(at, (candidate, score));
            if (best.Count > keep) best.RemoveAt(keep);
        }
        return best;
    }

    /// <summary>A paper's terms, each with its count (a title word counts double); short, numeric and stop words left out.</summary>
    public static Dictionary<string, double> TermCounts(Paper paper)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        var tokens = PaperTokens.Of(paper);
        void Add(string[] words, double weight)
        {
            foreach (var token in words)
                if (token.Length > 2 && !char.IsDigit(token[0]) && !StopWords.Contains(token))
                    counts[token] = counts.GetValueOrDefault(token) + weight;
        }
        Add(tokens.Title, TitleWeight);
        Add(tokens.Abstract, 1);
        return counts;
    }

    // Words every abstract uses, stemmed the way the tokens are.
    private static readonly HashSet<string> StopWords = new(
        ("the and for with that this from are our we which can these their such using use based show shows propose proposed " +
         "present paper method methods approach results new also while has have been more than not but its into over both each " +
         "other how what when where task tasks model models data performance improve improves achieve achieves state art work " +
         "existing furthermore however moreover demonstrate extensive experiments significantly framework introduce code available " +
         "github http https com www via between through across without within among they them was were will may one two all any " +
         "most only well large study provide further first")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(TextTokens.Stem),
        StringComparer.Ordinal);
}
