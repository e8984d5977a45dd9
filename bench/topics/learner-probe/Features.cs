using PaperTrail.Topics;

namespace LearnerProbe;

/// <summary>How a learner turns a paper's term counts into a vector over a fold's vocabulary.</summary>
internal enum Weighting
{
    /// <summary>(1 + ln count) × IDF, scaled to length one: the generator's vectors.</summary>
    TfIdf,

    /// <summary>1 for a term present, scaled to length one (NB-SVM's binary features).</summary>
    Binary,

    /// <summary>ln(1 + count) × IDF, scaled to length one (Rennie et al.'s transforms for complement NB).</summary>
    LogTfIdf,
}

/// <summary>A vocabulary chosen on one set of training documents (terms in at least 3 of them) and the vectors it makes.</summary>
internal sealed class Features
{
    private readonly Dictionary<string, int> _index;
    private readonly double[] _idf;

    public int Count => _idf.Length;

    public Features(IReadOnlyList<Dictionary<string, int>> counts, IEnumerable<int> train, int minDocumentFrequency = 3)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var n = 0;
        foreach (var d in train)
        {
            n++;
            foreach (var term in counts[d].Keys) df[term] = df.GetValueOrDefault(term) + 1;
        }
        var terms = df.Where(kv => kv.Value >= minDocumentFrequency).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
        _index = terms.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        _idf = terms.Select(t => Math.Log((1.0 + n) / (1.0 + df[t])) + 1).ToArray();
    }

    public TermVector Vector(Dictionary<string, int> counts, Weighting weighting)
    {
        var found = new List<(int Term, double Value)>();
        foreach (var (term, count) in counts)
            if (_index.TryGetValue(term, out var j))
                found.Add((j, weighting switch
                {
                    Weighting.TfIdf => (1 + Math.Log(count)) * _idf[j],
                    Weighting.LogTfIdf => Math.Log(1 + count) * _idf[j],
                    _ => 1,
                }));
        found.Sort((a, b) => a.Term.CompareTo(b.Term));
        var norm = Math.Sqrt(found.Sum(f => f.Value * f.Value));
        if (norm == 0) return TermVector.Empty;
        return new TermVector(found.Select(f => f.Term).ToArray(), found.Select(f => f.Value / norm).ToArray());
    }
}
