using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PaperTrail.Content;

/// <summary>
/// YamlDotNet's parser over one text, which knows how far it read and refuses what would cost more
/// than any file of the archive needs. YamlDotNet does not always fail with a <see cref="YamlException"/>
/// that says where: on some broken input (an unclosed flow list followed by more lines) its scanner
/// throws an <see cref="InvalidOperationException"/> with no position, so the line to name is the
/// one the scanner had reached. The document model is built by recursion, one level per bracket: a
/// line of ten thousand '[' overflowed the stack, which no handler can catch. And an alias is a
/// shared copy of its anchor's node, so ten lines of anchors each listing the one before nine times
/// make 9^10 nodes: used as a mapping key, YamlDotNet hashes the whole of it (hashing walks every
/// copy) and <c>check</c> ran for minutes; an alias inside its own anchor (<c>? &amp;a [*a]</c>) hashed
/// for ever and overflowed the stack. So aliases are counted as the nodes they stand for, and
/// refused past <see cref="MaxNodes"/>, past <see cref="MaxDepth"/> once written out, or inside
/// their own anchor. An alias to no anchor is reported here too, where its line is known.
/// </summary>
internal sealed class BoundedYamlParser : IParser
{
    /// <summary>Far more than any file needs (topics.yml nests four deep), far less than overflows a stack.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Nodes of one text, aliases counted as the nodes they stand for: the repository's topics.yml has
    /// about 1,700, a paper with 5,000 authors about as many more. Walking this many takes a millisecond.
    /// </summary>
    public const int MaxNodes = 100_000;

    private const string MaxNodesText = "100,000";

    /// <summary>Aliases in site.yml or topics.yml, where a person may share a list (a paper's front matter takes none).</summary>
    public const int MaxAliases = 100;

    private readonly Scanner _scanner;
    private readonly Parser _parser;
    private readonly int _maxAliases;
    private readonly List<Open> _open = [];

    // Each anchor's node written out: its nodes and how deep it nests; null while the node is still being read.
    private readonly Dictionary<AnchorName, Shape?> _anchors = [];
    private long _nodes;
    private int _aliases;

    /// <param name="maxAliases">How many aliases the text may use: 0 where none belongs.</param>
    public BoundedYamlParser(TextReader text, int maxAliases = MaxAliases)
    {
        _scanner = new Scanner(text);
        _parser = new Parser(_scanner);
        _maxAliases = maxAliases;
    }

    public ParsingEvent? Current => _parser.Current;

    /// <summary>Where the scanner has read up to.</summary>
    public Mark Reached => _scanner.CurrentPosition;

    /// <summary>Where the outermost <c>[ … ]</c> or <c>{ … }</c> still open began, if one is: the likely unclosed one.</summary>
    public Mark? OpenFlowStart => _open.FirstOrDefault(o => o.Flow) is { Flow: true } open ? open.Start : null;

    public bool MoveNext()
    {
        if (!_parser.MoveNext()) return false;
        var current = _parser.Current;
        if (current is DocumentStart) _anchors.Clear(); // anchors do not reach across documents
        switch (current)
        {
            case AnchorAlias alias:
                Alias(alias);
                break;
            case Scalar scalar:
                Count(scalar, 1);
                if (!scalar.Anchor.IsEmpty) _anchors[scalar.Anchor] = new Shape(1, 0);
                break;
            case SequenceStart or MappingStart:
                var start = (NodeEvent)current;
                if (_open.Count == MaxDepth)
                    throw new YamlLimitException(start.Start, start.End, $"lists and mappings are nested more than {MaxDepth} levels deep");
                Count(start, 1);
                if (!start.Anchor.IsEmpty) _anchors[start.Anchor] = null;
                _open.Add(new Open(start is SequenceStart { Style: SequenceStyle.Flow } or MappingStart { Style: MappingStyle.Flow }, start.Start, start.Anchor, _nodes - 1));
                break;
            case SequenceEnd or MappingEnd when _open.Count > 0:
                var closed = _open[^1];
                _open.RemoveAt(_open.Count - 1);
                var depth = closed.Deepest + 1;
                if (_open.Count > 0) _open[^1].Deepest = Math.Max(_open[^1].Deepest, depth);
                if (!closed.Anchor.IsEmpty) _anchors[closed.Anchor] = new Shape(_nodes - closed.NodesBefore, depth);
                break;
        }
        return true;
    }

    /// <summary>An alias stands for its anchor's node written out again: counted so, and nested so.</summary>
    private void Alias(AnchorAlias alias)
    {
        // YamlDotNet reports an unknown alias only once the document is read, without its line.
        if (!_anchors.TryGetValue(alias.Value, out var shape))
            throw new YamlException(alias.Start, alias.End, $"'*{alias.Value}' refers to no anchor '&{alias.Value}' above it");
        if (_maxAliases == 0)
            throw new YamlLimitException(alias.Start, alias.End, $"'*{alias.Value}' is an alias, which a paper's front matter does not take (the generator never writes one); write the value out");
        if (shape is not { } written)
            throw new YamlLimitException(alias.Start, alias.End, $"'*{alias.Value}' is inside the very value '&{alias.Value}' it stands for, and a value cannot contain itself");
        if (++_aliases > _maxAliases)
            throw new YamlLimitException(alias.Start, alias.End, $"more than {_maxAliases} aliases ('*name'); write the values out");
        if (_open.Count + written.Depth > MaxDepth)
            throw new YamlLimitException(alias.Start, alias.End, $"lists and mappings are nested more than {MaxDepth} levels deep once '*{alias.Value}' is written out");
        Count(alias, written.Nodes);
        if (_open.Count > 0) _open[^1].Deepest = Math.Max(_open[^1].Deepest, written.Depth);
    }

    private void Count(ParsingEvent at, long nodes)
    {
        _nodes += nodes;
        if (_nodes > MaxNodes)
            throw new YamlLimitException(at.Start, at.End, at is AnchorAlias alias
                ? $"with its aliases written out, this text has more than {MaxNodesText} values, lists and mappings ('*{alias.Value}' passes that); write it with fewer aliases"
                : $"more than {MaxNodesText} values, lists and mappings");
    }

    /// <summary>A list or mapping being read: where, whether in brackets, its anchor, the nodes before it and how deep it nests so far.</summary>
    private sealed class Open(bool flow, Mark start, AnchorName anchor, long nodesBefore)
    {
        public bool Flow { get; } = flow;
        public Mark Start { get; } = start;
        public AnchorName Anchor { get; } = anchor;
        public long NodesBefore { get; } = nodesBefore;
        public int Deepest { get; set; }
    }

    private readonly record struct Shape(long Nodes, int Depth);
}

/// <summary>A text that may be valid YAML but passes a limit of <see cref="BoundedYamlParser"/>.</summary>
internal sealed class YamlLimitException(Mark start, Mark end, string reason) : YamlException(start, end, reason)
{
    /// <summary>What limit the text passes, without YamlDotNet's position prefix.</summary>
    public string Reason { get; } = reason;
}
