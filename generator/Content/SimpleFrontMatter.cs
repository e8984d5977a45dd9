using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PaperTrail.Content;

/// <summary>
/// Reads the one shape of YAML that <see cref="PaperWriter"/> writes, and so nearly every file of the
/// archive, without a general YAML parser (at 10,000 papers YamlDotNet was most of the load stage):
/// one <c>key: value</c> per line, each value plain, double-quoted or a flow list
/// (<c>[a, "b"]</c>), and <c>links:</c> as an indented block of <c>name: "url"</c> lines.
/// Anything else (a comment, a block list, single quotes, an anchor, a line it does not fully
/// understand) gives null, and the file goes to YamlDotNet. The nodes are YamlDotNet's own, so the
/// same checks read them either way; a property test holds the two readers equal.
/// </summary>
internal static class SimpleFrontMatter
{
    public static YamlMappingNode? TryParse(string yaml)
    {
        var root = new YamlMappingNode();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0) continue;
            var key = Key(line, out var rest);
            if (key is null || !keys.Add(key)) return null;
            YamlNode? value;
            if (rest.Length == 0)
            {
                // Only a block of name: "url" lines may follow a bare key (links:).
                var block = new YamlMappingNode();
                var names = new HashSet<string>(StringComparer.Ordinal);
                while (i + 1 < lines.Length && lines[i + 1].StartsWith("  ", StringComparison.Ordinal))
                {
                    var name = Key(lines[++i].AsSpan(2).ToString(), out var url);
                    if (name is null || !names.Add(name) || Scalar(url, inFlow: false) is not { } urlNode) return null;
                    block.Add(PlainKey(name), urlNode);
                }
                if (block.Children.Count == 0) return null;
                value = block;
            }
            else if (rest[0] == '[') value = FlowList(rest);
            else value = Scalar(rest, inFlow: false);
            if (value is null) return null;
            root.Add(PlainKey(key), value);
        }
        return root;
    }

    private static YamlScalarNode PlainKey(string key) => new(key) { Style = ScalarStyle.Plain };

    /// <summary>"title: x" gives "title" and "x"; "links:" gives "links" and ""; null for anything else.</summary>
    private static string? Key(string line, out string rest)
    {
        rest = "";
        var colon = line.IndexOf(':');
        if (colon <= 0) return null;
        for (var i = 0; i < colon; i++)
        {
            var c = line[i];
            if (!(char.IsAsciiLetterLower(c) || c == '_' || (i > 0 && char.IsAsciiDigit(c)))) return null;
        }
        if (colon == line.Length - 1) return line[..colon];
        if (line[colon + 1] != ' ' || colon + 2 >= line.Length || line[colon + 2] == ' ') return null;
        rest = line[(colon + 2)..];
        return line[..colon];
    }

    private static YamlSequenceNode? FlowList(string text)
    {
        if (text[^1] != ']') return null;
        var list = new YamlSequenceNode { Style = YamlDotNet.Core.Events.SequenceStyle.Flow };
        var inner = text[1..^1];
        if (inner.Length == 0) return list;
        var at = 0;
        while (true)
        {
            int end;
            if (inner[at] == '{')
            {
                // A trending day with its rank: {day: 2026-11-28, rank: 3}.
                end = inner.IndexOf('}', at);
                if (end < 0 || FlowMapping(inner[(at + 1)..end]) is not { } mapping) return null;
                list.Add(mapping);
                end++;
                if (end == inner.Length) return list;
                if (!inner.AsSpan(end).StartsWith(", ") || end + 2 >= inner.Length) return null;
                at = end + 2;
                continue;
            }
            if (inner[at] == '"')
            {
                end = ClosingQuote(inner, at);
                if (end < 0) return null;
                end++;
            }
            else
            {
                end = inner.IndexOf(", ", at, StringComparison.Ordinal);
                if (end < 0) end = inner.Length;
            }
            if (Scalar(inner[at..end], inFlow: true) is not { } item) return null;
            list.Add(item);
            if (end == inner.Length) return list;
            if (!inner.AsSpan(end).StartsWith(", ") || end + 2 >= inner.Length) return null;
            at = end + 2;
        }
    }

    /// <summary>The inside of <c>{key: value, key: value}</c> whose values are all safe plain scalars, or null.</summary>
    private static YamlMappingNode? FlowMapping(string inner)
    {
        var mapping = new YamlMappingNode { Style = YamlDotNet.Core.Events.MappingStyle.Flow };
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in inner.Split(", "))
        {
            if (Key(pair, out var value) is not { } name || !names.Add(name) || value.Length == 0
                || value.Contains(',') || !IsSafePlain(value, inFlow: true)) return null;
            mapping.Add(PlainKey(name), new YamlScalarNode(value) { Style = ScalarStyle.Plain });
        }
        return mapping;
    }

    private static YamlScalarNode? Scalar(string text, bool inFlow)
    {
        if (text.Length == 0) return null;
        if (text[0] == '"')
        {
            if (ClosingQuote(text, 0) != text.Length - 1) return null;
            return Unescape(text.AsSpan(1, text.Length - 2)) is { } value
                ? new YamlScalarNode(value) { Style = ScalarStyle.DoubleQuoted }
                : null;
        }
        return IsSafePlain(text, inFlow) ? new YamlScalarNode(text) { Style = ScalarStyle.Plain } : null;
    }

    /// <summary>
    /// A plain scalar that means exactly its text: letters, digits, spaces between words and a few
    /// harmless marks, never starting with a YAML indicator. Anything else is left to YamlDotNet.
    /// </summary>
    private static bool IsSafePlain(string text, bool inFlow)
    {
        if (text[0] is ' ' || text[^1] is ' ' || !(char.IsLetterOrDigit(text[0]))) return false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) && c < 0xD800) continue;
            switch (c)
            {
                case '.' or '-' or '_' or '/' or '+' or '(' or ')' or '\'': continue;
                case ' ': continue;
                case ':' when !inFlow: continue;
                default: return false;
            }
        }
        // No "key: value" or " #comment" hidden in it, and no run of spaces (YAML folds nothing here, but be strict).
        return !text.Contains(": ", StringComparison.Ordinal) && !text.Contains("  ", StringComparison.Ordinal) && !text.EndsWith(':');
    }

    /// <summary>The index of the quote that closes the one at <paramref name="open"/>, or -1.</summary>
    private static int ClosingQuote(string text, int open)
    {
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\\') i++;
            else if (text[i] == '"') return i;
        }
        return -1;
    }

    private static string? Unescape(ReadOnlySpan<char> text)
    {
        if (!IsPrintable(text)) return null;
        if (!text.Contains('\\')) return text.ToString();
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }
            if (++i >= text.Length) return null;
            switch (text[i])
            {
                case '\\': sb.Append('\\'); break;
                case '"': sb.Append('"'); break;
                case '/': sb.Append('/'); break;
                case '0': sb.Append('\0'); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 't': sb.Append('\t'); break;
                case 'n': sb.Append('\n'); break;
                case 'v': sb.Append('\v'); break;
                case 'f': sb.Append('\f'); break;
                case 'r': sb.Append('\r'); break;
                case 'e': sb.Append('\x1B'); break;
                case ' ': sb.Append(' '); break;
                case 'N': sb.Append('\u0085'); break;
                case '_': sb.Append('\u00A0'); break;
                case 'L': sb.Append('\u2028'); break;
                case 'P': sb.Append('\u2029'); break;
                case 'x' or 'u' or 'U':
                    var digits = text[i] switch { 'x' => 2, 'u' => 4, _ => 8 };
                    if (i + digits >= text.Length ||
                        !uint.TryParse(text.Slice(i + 1, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) ||
                        !Rune.IsValid(code))
                        return null; // a lone surrogate or out of range: YamlDotNet decides
                    sb.Append(new Rune(code).ToString());
                    i += digits;
                    break;
                default: return null;
            }
        }
        return sb.ToString();
    }

    /// <summary>The raw text between the quotes has only characters YAML takes literally there.</summary>
    private static bool IsPrintable(ReadOnlySpan<char> raw)
    {
        foreach (var c in raw)
            if (c < 0x20 || c == 0x7F || char.IsSurrogate(c) || c is '\uFEFF' or '\uFFFE' or '\uFFFF' || (c >= 0x80 && c <= 0x9F))
                return false;
        return true;
    }
}
