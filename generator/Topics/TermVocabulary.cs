namespace PaperTrail.Topics;

/// <summary>A paper as the topic model reads it: term indices (ascending) and their weights, of length one.</summary>
public readonly record struct TermVector(int[] Terms, double[] Values)
{
    public static readonly TermVector Empty = new([], []);
}

/// <summary>
/// The terms the topic model knows and what each weighs (its IDF, from the papers it was trained on).
/// A term is a word as <see cref="TextTokens"/> makes it (lower case, accents dropped, lightly stemmed)
/// or two neighbouring words ("languag model"). A paper's vector counts each known term once per
/// occurrence in the abstract and <see cref="TitleWeight"/> times per occurrence in the title, damps the
/// count (1 + ln n: the tenth "model" says less than the first), multiplies by the IDF and scales the
/// whole to length one, so long and short abstracts weigh the same.
/// </summary>
public sealed class TermVocabulary
{
    /// <summary>A term in the title counts this many times one in the abstract: a title says what a paper is about.</summary>
    public const int TitleWeight = 3;

    private readonly Dictionary<(string, string), int> _index = new();

    public TermVocabulary(IReadOnlyList<string> terms, IReadOnlyList<double> idf)
    {
        Terms = terms;
        Idf = idf;
        for (var i = 0; i < terms.Count; i++) _index[Key(terms[i])] = i;
    }

    /// <summary>The terms, in ordinal order.</summary>
    public IReadOnlyList<string> Terms { get; }

    public IReadOnlyList<double> Idf { get; }

    public int Count => Terms.Count;

    public int IndexOf(string term) => _index.GetValueOrDefault(Key(term), -1);

    /// <summary>The paper's vector over these terms: looked up by its words, with no string made per term.</summary>
    public TermVector Vector(PaperTokens tokens)
    {
        var counts = new Dictionary<int, int>();
        CountTerms(tokens.Title, TitleWeight, counts);
        CountTerms(tokens.Abstract, 1, counts);
        if (counts.Count == 0) return TermVector.Empty;
        var terms = counts.Keys.ToArray();
        Array.Sort(terms);
        var values = new double[terms.Length];
        var norm = 0.0;
        for (var i = 0; i < terms.Length; i++)
        {
            values[i] = (1 + Math.Log(counts[terms[i]])) * Idf[terms[i]];
            norm += values[i] * values[i];
        }
        norm = Math.Sqrt(norm);
        for (var i = 0; i < values.Length; i++) values[i] /= norm;
        return new TermVector(terms, values);
    }

    private void CountTerms(string[] tokens, int weight, Dictionary<int, int> counts)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (_index.TryGetValue((tokens[i], ""), out var word)) counts[word] = counts.GetValueOrDefault(word) + weight;
            if (i + 1 < tokens.Length && _index.TryGetValue((tokens[i], tokens[i + 1]), out var pair)) counts[pair] = counts.GetValueOrDefault(pair) + weight;
        }
    }

    /// <summary>Every term a paper has (its words and pairs of words), once each: what the vocabulary is chosen from.</summary>
    public static IEnumerable<string> TermsOf(PaperTokens tokens)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in new[] { tokens.Title, tokens.Abstract })
            for (var i = 0; i < part.Length; i++)
            {
                seen.Add(part[i]);
                if (i + 1 < part.Length) seen.Add(part[i] + " " + part[i + 1]);
            }
        return seen;
    }

    private static (string, string) Key(string term)
    {
        var space = term.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (term, "") : (term[..space], term[(space + 1)..]);
    }
}
