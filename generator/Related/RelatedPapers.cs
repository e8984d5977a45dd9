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

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Compute(IReadOnlyList<Paper> papers, TermFrequencies reference) =>
        Compute(papers, reference, new TermTable([]), new (int, float)[]?[papers.Count]);

    /// <param name="terms">The term numbering; terms new to it are added.</param>
    /// <param name="counts">Each paper's term counts by term number, when already known (a build cache);
    /// the unknown ones are counted and filled in, for the next build.</param>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Compute(IReadOnlyList<Paper> papers, TermFrequencies reference, TermTable terms, (int Term, float Count)[]?[] counts)
    {
        var n = papers.Count;
        if (n < 2) return papers.ToDictionary(p => p.Slug, _ => (IReadOnlyList<string>)[], StringComparer.Ordinal);

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

        // Per thread: a dense score array and the list of papers it touched, cleared after each paper.
        var related = new IReadOnlyList<string>[n];
        Parallel.For(0, n, () => (Scores: new double[n], Touched: new List<int>()), (i, _, state) =>
        {
            var (scores, touched) = state;
            foreach (var (term, weight) in vectors[i])
                foreach (var (other, otherWeight) in pruned[term])
                {
                    if (other == i) continue;
                    if (scores[other] == 0) touched.Add(other);
                    scores[other] += weight * otherWeight;
                }
            related[i] = Best(touched, scores, papers).Select(o => papers[o].Slug).ToList();
            foreach (var o in touched) scores[o] = 0;
            touched.Clear();
            return state;
        }, _ => { });

        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++) result[papers[i].Slug] = related[i];
        return result;
    }

    /// <summary>The <see cref="Count"/> highest scores, ties by slug: a partial selection, not a sort of all candidates.</summary>
    private static List<int> Best(List<int> candidates, double[] scores, IReadOnlyList<Paper> papers)
    {
        var best = new List<int>(Count + 1);
        foreach (var candidate in candidates)
        {
            var at = best.Count;
            while (at > 0 && Better(candidate, best[at - 1])) at--;
            if (at >= Count) continue;
            best.Insert(at, candidate);
            if (best.Count > Count) best.RemoveAt(Count);
        }
        return best;

        bool Better(int a, int b) =>
            scores[a] > scores[b] || (scores[a] == scores[b] && string.CompareOrdinal(papers[a].Slug, papers[b].Slug) < 0);
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
