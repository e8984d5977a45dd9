using PaperTrail.Content;

namespace PaperTrail.Topics;

/// <summary>
/// Finds every rule phrase in a token stream in one pass: phrases are compiled into a trie of
/// tokens, walked from each position, so the cost grows with the text, not with the rule count.
/// </summary>
internal sealed class PhraseMatcher
{
    private sealed class Node
    {
        public Dictionary<string, Node> Exact { get; } = new(StringComparer.Ordinal);
        public List<(string Prefix, Node Node)> Prefixes { get; } = [];
        public List<int> Ends { get; } = [];
    }

    private readonly Node _root = new();
    private readonly List<string> _phrases = [];

    // The root holds most wildcard phrases; which of them a word starts is asked again and again
    // for the same words, so the answer is kept per word.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Node[]> _rootPrefixes = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Phrases => _phrases;

    /// <summary>Adds a phrase; returns its id, the same id for a phrase added twice.</summary>
    public int Add(string phrase)
    {
        _rootPrefixes.Clear();
        var existing = _phrases.IndexOf(phrase);
        if (existing >= 0) return existing;
        var id = _phrases.Count;
        _phrases.Add(phrase);
        var node = _root;
        foreach (var raw in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw.EndsWith('*'))
            {
                var prefix = string.Concat(TextTokens.Of(raw.TrimEnd('*')));
                var next = node.Prefixes.FirstOrDefault(p => p.Prefix == prefix).Node;
                if (next is null) node.Prefixes.Add((prefix, next = new Node()));
                node = next;
                continue;
            }
            foreach (var token in TextTokens.Of(raw))
            {
                if (!node.Exact.TryGetValue(token, out var next)) node.Exact[token] = next = new Node();
                node = next;
            }
        }
        node.Ends.Add(id);
        return id;
    }

    /// <summary>How many times each phrase occurs in the tokens (indexed by phrase id).</summary>
    /// <param name="found">When given, gets each phrase id found, once.</param>
    public int[] Count(string[] tokens, List<int>? found = null)
    {
        var counts = new int[_phrases.Count];
        for (var start = 0; start < tokens.Length; start++) Walk(_root, tokens, start, counts, found);
        return counts;
    }

    private void Walk(Node node, string[] tokens, int position, int[] counts, List<int>? found)
    {
        foreach (var id in node.Ends)
            if (counts[id]++ == 0) found?.Add(id);
        if (position >= tokens.Length) return;
        var token = tokens[position];
        if (node.Exact.TryGetValue(token, out var next)) Walk(next, tokens, position + 1, counts, found);
        if (node.Prefixes.Count == 0) return;
        if (ReferenceEquals(node, _root))
        {
            foreach (var prefixNode in _rootPrefixes.GetOrAdd(token, t => _root.Prefixes.Where(p => t.StartsWith(p.Prefix, StringComparison.Ordinal)).Select(p => p.Node).ToArray()))
                Walk(prefixNode, tokens, position + 1, counts, found);
            return;
        }
        foreach (var (prefix, prefixNode) in node.Prefixes)
            if (token.StartsWith(prefix, StringComparison.Ordinal)) Walk(prefixNode, tokens, position + 1, counts, found);
    }
}
