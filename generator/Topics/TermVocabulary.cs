using System.Buffers;

namespace PaperTrail.Topics;

/// <summary>A paper as the topic model reads it: term indices (ascending) and their weights, of length one.</summary>
internal readonly record struct TermVector(int[] Terms, double[] Values)
{
    public static readonly TermVector Empty = new([], []);
}

/// <summary>
/// The terms the topic model knows and what each weighs (its IDF, from the papers it was trained on).
/// A term is a word as <see cref="Content.TextTokens"/> makes it (lower case, accents dropped, lightly stemmed)
/// or two neighbouring words ("languag model"). A paper's vector counts each known term once per
/// occurrence in the abstract and <see cref="TitleWeight"/> times per occurrence in the title, damps the
/// count (1 + ln n: the tenth "model" says less than the first), multiplies by the IDF and scales the
/// whole to length one, so long and short abstracts weigh the same.
/// </summary>
internal sealed class TermVocabulary
{
    /// <summary>A term in the title counts this many times one in the abstract: a title says what a paper is about.</summary>
    public const int TitleWeight = 3;

    // Every word of any term gets a number, so a paper's words are each looked up once (builds read
    // every paper through here) and a pair of words is found by the pair of numbers.
    private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);
    private readonly List<int> _termOfWord = [];
    private readonly Dictionary<long, int> _termOfPair = new();

    public TermVocabulary(IReadOnlyList<string> terms, IReadOnlyList<double> idf)
    {
        Terms = terms;
        Idf = idf;
        for (var i = 0; i < terms.Count; i++)
        {
            var (first, second) = Key(terms[i]);
            if (second.Length == 0) _termOfWord[Word(first)] = i;
            else _termOfPair[Pair(Word(first), Word(second))] = i;
        }
    }

    private int Word(string word)
    {
        if (_words.TryGetValue(word, out var id)) return id;
        _words[word] = id = _words.Count;
        _termOfWord.Add(-1);
        return id;
    }

    private static long Pair(int first, int second) => ((long)first << 32) | (uint)second;

    /// <summary>The terms, in ordinal order.</summary>
    public IReadOnlyList<string> Terms { get; }

    public IReadOnlyList<double> Idf { get; }

    public int Count => Terms.Count;

    public int IndexOf(string term)
    {
        var (first, second) = Key(term);
        if (!_words.TryGetValue(first, out var a)) return -1;
        if (second.Length == 0) return _termOfWord[a];
        return _words.TryGetValue(second, out var b) ? _termOfPair.GetValueOrDefault(Pair(a, b), -1) : -1;
    }

    /// <summary>The paper's vector over these terms: looked up by its words, with no string made per term.</summary>
    public TermVector Vector(PaperTokens tokens)
    {
        // Every occurrence of a known term (a title's TitleWeight times), sorted: a term's run is its count.
        // A pooled buffer instead of a dictionary per paper: a build makes a vector for every paper.
        var found = ArrayPool<int>.Shared.Rent(2 * (TitleWeight * tokens.Title.Length + tokens.Abstract.Length) + 1);
        try
        {
            var n = Occurrences(tokens.Title, TitleWeight, found, 0);
            n = Occurrences(tokens.Abstract, 1, found, n);
            if (n == 0) return TermVector.Empty;
            Array.Sort(found, 0, n);
            var distinct = 1;
            for (var i = 1; i < n; i++) if (found[i] != found[i - 1]) distinct++;
            var terms = new int[distinct];
            var values = new double[distinct];
            for (int i = 0, k = -1; i < n; i++)
            {
                if (i == 0 || found[i] != found[i - 1]) terms[++k] = found[i];
                values[k]++;
            }
            var norm = 0.0;
            for (var i = 0; i < terms.Length; i++)
            {
                values[i] = (1 + Math.Log(values[i])) * Idf[terms[i]];
                norm += values[i] * values[i];
            }
            norm = Math.Sqrt(norm);
            for (var i = 0; i < values.Length; i++) values[i] /= norm;
            return new TermVector(terms, values);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(found);
        }
    }

    /// <summary>Writes each known word and pair of neighbouring words of <paramref name="tokens"/> into <paramref name="found"/>, <paramref name="weight"/> times; returns the new end.</summary>
    private int Occurrences(string[] tokens, int weight, int[] found, int n)
    {
        var previous = -1;
        foreach (var token in tokens)
        {
            var word = _words.GetValueOrDefault(token, -1);
            if (word >= 0 && _termOfWord[word] is var term and >= 0)
                for (var w = 0; w < weight; w++) found[n++] = term;
            if (previous >= 0 && word >= 0 && _termOfPair.TryGetValue(Pair(previous, word), out var pair))
                for (var w = 0; w < weight; w++) found[n++] = pair;
            previous = word;
        }
        return n;
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
