using PaperTrail.Content;
using PaperTrail.Topics;

namespace PaperTrail.Related;

/// <summary>
/// Each paper's TF-IDF vector over its title and abstract: its strongest terms, weighed by the IDF
/// of a fixed table (<see cref="TermFrequencies"/>), L2-normalised. A vector depends on its paper
/// alone, but for one thing: a term no other paper of the archive uses is left out.
/// </summary>
internal static class PaperVectors
{
    /// <summary>Terms kept per paper: its highest TF-IDF weights (at most 32: see <see cref="PrunedIndex.Membership"/>).</summary>
    public const int TermsPerPaper = 30;

    /// <summary>Terms in more than this share of the reference papers say nothing about similarity.</summary>
    private const double MaxDocumentShare = 0.2;

    private const double TitleWeight = 2;

    /// <param name="terms">The term numbering; terms new to it are added.</param>
    /// <param name="counts">Each paper's term counts by term number, when already known (a build cache);
    /// the unknown ones are counted and filled in, for the next build.</param>
    /// <param name="tokens">The build's paper tokens, shared with the topic classifier.</param>
    /// <returns>Per paper, (term number, weight), strongest first (ties by the term's text).</returns>
    public static (int Term, double Weight)[][] Of(IReadOnlyList<Paper> papers, TermFrequencies reference, TermTable terms, (int Term, float Count)[]?[] counts, PaperTokenCache tokens)
    {
        var n = papers.Count;
        // Term frequencies per paper (title counts double), with words too short or too common dropped.
        var frequencies = new Dictionary<string, double>?[n];
        Parallel.For(0, n, i => frequencies[i] = counts[i] is null ? TermCounts(tokens.Of(papers[i])) : null);

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

        // Terms no other paper of the archive uses are left out: they cannot make two papers alike.
        for (var t = 0; t < terms.Count; t++)
            if (documentFrequency[t] <= 1) inverseFrequency[t] = 0;
        // Counts are whole numbers, mostly small: their logarithms looked up, the same values Math.Log gives.
        var logs = new double[64];
        for (var c = 1; c < logs.Length; c++) logs[c] = Math.Log(c);

        // Each paper's vector.
        var vectors = new (int Term, double Weight)[n][];
        Parallel.For(0, n, () => new (int Term, double Weight)[TermsPerPaper + 1], (i, _, weighted) =>
        {
            // The TermsPerPaper heaviest, heaviest first (ties by the term's text), picked as they come
            // into one buffer per thread: a paper has a hundred terms or so, and a full sort of each,
            // ten thousand times, cost more.
            var kept = 0;
            foreach (var (term, count) in paperTerms[i])
            {
                var inverse = inverseFrequency[term];
                if (inverse <= 0) continue;
                var whole = (int)count;
                var weight = (1 + (whole == count && whole > 0 && whole < logs.Length ? logs[whole] : Math.Log(count))) * inverse;
                var at = kept;
                while (at > 0 && Before(term, weight, weighted[at - 1])) at--;
                if (at >= TermsPerPaper) continue;
                Array.Copy(weighted, at, weighted, at + 1, kept - at);
                weighted[at] = (term, weight);
                if (kept < TermsPerPaper) kept++;
            }
            var norm = 0.0;
            for (var k = 0; k < kept; k++) norm += weighted[k].Weight * weighted[k].Weight;
            norm = Math.Sqrt(norm);
            var vector = norm == 0 ? [] : new (int Term, double Weight)[kept];
            for (var k = 0; k < vector.Length; k++) vector[k] = (weighted[k].Term, weighted[k].Weight / norm);
            vectors[i] = vector;
            return weighted;
        }, _ => { });

        return vectors;

        bool Before(int term, double weight, (int Term, double Weight) other) =>
            weight != other.Weight ? weight > other.Weight : string.CompareOrdinal(terms[term], terms[other.Term]) < 0;
    }

    /// <summary>A paper's terms, each with its count (a title word counts double); short, numeric and stop words left out.</summary>
    public static Dictionary<string, double> TermCounts(PaperTokens tokens)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
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
