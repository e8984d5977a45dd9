using PaperTrail.Content;
using PaperTrail.Topics;

namespace PaperTrail.Related;

/// <summary>
/// Each paper's TF-IDF vector over its title and abstract: its strongest terms, weighed by the IDF
/// of a fixed table (<see cref="TermFrequencies"/>), L2-normalised. A vector depends on its paper
/// alone, but for one thing: a term no other paper of the archive uses is left out.
/// </summary>
public static class PaperVectors
{
    /// <summary>Terms kept per paper: its highest TF-IDF weights (at most 32: see <see cref="PrunedIndex.Membership"/>).</summary>
    public const int TermsPerPaper = 30;

    /// <summary>Terms in more than this share of the reference papers say nothing about similarity.</summary>
    private const double MaxDocumentShare = 0.2;

    private const double TitleWeight = 2;

    /// <param name="terms">The term numbering; terms new to it are added.</param>
    /// <param name="counts">Each paper's term counts by term number, when already known (a build cache);
    /// the unknown ones are counted and filled in, for the next build.</param>
    /// <returns>Per paper, (term number, weight), strongest first (ties by the term's text).</returns>
    public static (int Term, double Weight)[][] Of(IReadOnlyList<Paper> papers, TermFrequencies reference, TermTable terms, (int Term, float Count)[]?[] counts)
    {
        var n = papers.Count;
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

        // Each paper's vector.
        // Terms no other paper of the archive uses are left out: they cannot make two papers alike.
        var vectors = new (int Term, double Weight)[n][];
        Parallel.For(0, n, i =>
        {
            // The TermsPerPaper heaviest, heaviest first (ties by the term's text), picked as they come:
            // a paper has a hundred terms or so, and a full sort of each, ten thousand times, cost more.
            var weighted = new List<(int Term, double Weight)>(TermsPerPaper + 1);
            foreach (var (term, count) in paperTerms[i])
            {
                if (documentFrequency[term] <= 1 || inverseFrequency[term] <= 0) continue;
                var weight = (1 + Math.Log(count)) * inverseFrequency[term];
                var at = weighted.Count;
                while (at > 0 && Before(term, weight, weighted[at - 1])) at--;
                if (at >= TermsPerPaper) continue;
                weighted.Insert(at, (term, weight));
                if (weighted.Count > TermsPerPaper) weighted.RemoveAt(TermsPerPaper);
            }
            var norm = 0.0;
            foreach (var t in weighted) norm += t.Weight * t.Weight;
            norm = Math.Sqrt(norm);
            vectors[i] = norm == 0 ? [] : weighted.Select(t => (t.Term, t.Weight / norm)).ToArray();
        });

        return vectors;

        bool Before(int term, double weight, (int Term, double Weight) other) =>
            weight != other.Weight ? weight > other.Weight : string.CompareOrdinal(terms[term], terms[other.Term]) < 0;
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
