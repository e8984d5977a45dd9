namespace PaperTrail.Related;

/// <summary>
/// Numbers for terms, so similarity works on arrays instead of string-keyed maps. Only numbers and
/// counts are compared; ties are broken by the terms' text, so the numbering never changes a result,
/// and one build can start from the numbering the last build left in its cache.
/// </summary>
internal sealed class TermTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];

    public TermTable(IEnumerable<string> terms)
    {
        foreach (var term in terms) Id(term);
    }

    public int Count => _terms.Count;

    public IReadOnlyList<string> Terms => _terms;

    public string this[int id] => _terms[id];

    /// <summary>The term's number, given it now when it has none (not thread-safe).</summary>
    public int Id(string term)
    {
        if (!_ids.TryGetValue(term, out var id))
        {
            _ids[term] = id = _terms.Count;
            _terms.Add(term);
        }
        return id;
    }
}
