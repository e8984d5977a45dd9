using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PaperTrail.Content;

/// <summary>
/// YamlDotNet's parser over one text, which knows how far it read and refuses nesting deeper than
/// any file of the archive needs. YamlDotNet does not always fail with a <see cref="YamlException"/>
/// that says where: on some broken input (an unclosed flow list followed by more lines) its scanner
/// throws an <see cref="InvalidOperationException"/> with no position, so the line to name is the
/// one the scanner had reached. And the document model is built by recursion, one level per
/// bracket: a line of ten thousand '[' overflowed the stack, which no handler can catch. An alias
/// to no anchor is reported here too, where its line is known.
/// </summary>
public sealed class BoundedYamlParser : IParser
{
    /// <summary>Far more than any file needs (topics.yml nests four deep), far less than overflows a stack.</summary>
    public const int MaxDepth = 64;

    private readonly Scanner _scanner;
    private readonly Parser _parser;
    private readonly List<(bool Flow, Mark Start)> _open = [];
    private readonly HashSet<AnchorName> _anchors = [];

    public BoundedYamlParser(TextReader text)
    {
        _scanner = new Scanner(text);
        _parser = new Parser(_scanner);
    }

    public ParsingEvent? Current => _parser.Current;

    /// <summary>The 1-based line the scanner has read up to.</summary>
    public long LineReached => _scanner.CurrentPosition.Line;

    /// <summary>Where the outermost <c>[ … ]</c> or <c>{ … }</c> still open began, if one is: the likely unclosed one.</summary>
    public Mark? OpenFlowStart => _open.FirstOrDefault(o => o.Flow) is { Flow: true } open ? open.Start : null;

    public bool MoveNext()
    {
        if (!_parser.MoveNext()) return false;
        if (_parser.Current is DocumentStart) _anchors.Clear(); // anchors do not reach across documents
        if (_parser.Current is NodeEvent { Anchor.IsEmpty: false } anchored) _anchors.Add(anchored.Anchor);
        switch (_parser.Current)
        {
            // YamlDotNet reports an unknown alias only once the document is read, without its line.
            case AnchorAlias alias when !_anchors.Contains(alias.Value):
                throw new YamlException(alias.Start, alias.End, $"'*{alias.Value}' refers to no anchor '&{alias.Value}' above it");
            case SequenceStart or MappingStart:
                var current = (NodeEvent)_parser.Current;
                if (_open.Count == MaxDepth)
                    throw new YamlException(current.Start, current.End, $"lists and mappings are nested more than {MaxDepth} levels deep");
                _open.Add((current is SequenceStart { Style: SequenceStyle.Flow } or MappingStart { Style: MappingStyle.Flow }, current.Start));
                break;
            case SequenceEnd or MappingEnd when _open.Count > 0:
                _open.RemoveAt(_open.Count - 1);
                break;
        }
        return true;
    }
}
