using System.Text;
using System.Text.RegularExpressions;

namespace PaperTrail.Ingest.Sources;

/// <summary>
/// Repairs the bytes of an answer before a parser reads them, so that broken text costs a character,
/// never the night: bytes that are not UTF-8 become U+FFFD, and so do JSON escapes of lone
/// surrogates (<c>"\ud800"</c>, what JavaScript writes for a string cut in the middle of an emoji).
/// System.Text.Json parses both but throws when the string is read; <see cref="TextCleaner"/> then
/// removes every U+FFFD. Line breaks are never touched, so a line number still names the same line.
/// </summary>
internal static partial class TextRepair
{
    private static readonly UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The bytes, with each invalid UTF-8 sequence (a stray byte, a cut sequence, an encoded surrogate) replaced by U+FFFD.</summary>
    public static byte[] Utf8(byte[] bytes) =>
        System.Text.Unicode.Utf8.IsValid(bytes) ? bytes : Lenient.GetBytes(Lenient.GetString(bytes));

    /// <summary>JSON bytes that System.Text.Json can read every string of: valid UTF-8, no escaped lone surrogate.</summary>
    public static byte[] Json(byte[] bytes) => LoneSurrogateEscapes(Utf8(bytes));

    /// <summary>JSON text (an attribute's value): as UTF-8, repaired as <see cref="Json(byte[])"/>.</summary>
    public static byte[] Json(string text) => LoneSurrogateEscapes(Lenient.GetBytes(text)); // a lone surrogate char encodes as U+FFFD

    /// <summary>
    /// Each <c>\uD800</c>–<c>\uDFFF</c> escape not part of a high-low pair becomes <c>\uFFFD</c>, of the
    /// same length. A backslash only occurs in JSON as an escape inside a string (or in a comment,
    /// which is skipped), so escapes are found without tracking where strings begin.
    /// </summary>
    private static byte[] LoneSurrogateEscapes(byte[] json)
    {
        byte[]? repaired = null;
        var i = 0;
        while (i < json.Length)
        {
            if (json[i] != (byte)'\\') { i++; continue; }
            var unit = EscapedUnit(json, i);
            if (unit is null) { i += 2; continue; } // \n, \", \\ …: two bytes
            if (char.IsHighSurrogate(unit.Value) && EscapedUnit(json, i + 6) is { } next && char.IsLowSurrogate(next))
            {
                i += 12; // a whole pair: an emoji, kept
                continue;
            }
            if (char.IsSurrogate(unit.Value))
            {
                repaired ??= (byte[])json.Clone();
                "FFFD"u8.CopyTo(repaired.AsSpan(i + 2));
            }
            i += 6;
        }
        return repaired ?? json;
    }

    /// <summary>The UTF-16 unit of a <c>\uXXXX</c> escape at <paramref name="at"/>, or null if there is none.</summary>
    private static char? EscapedUnit(byte[] json, int at)
    {
        if (at + 6 > json.Length || json[at] != (byte)'\\' || json[at + 1] != (byte)'u') return null;
        var value = 0;
        for (var k = at + 2; k < at + 6; k++)
        {
            var digit = HexDigit(json[k]);
            if (digit < 0) return null;
            value = value * 16 + digit;
        }
        return (char)value;
    }

    private static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    // The encoding an XML declaration names, if any.
    [GeneratedRegex(@"^\s*<\?xml[^>]*?\bencoding\s*=\s*[""'](?<name>[^""']*)[""']")]
    private static partial Regex DeclaredEncoding();

    /// <summary>
    /// XML bytes with invalid UTF-8 repaired, when the document is UTF-8 (no UTF-16 byte order mark,
    /// and no encoding declared but UTF-8); a document in another encoding is left to the parser.
    /// </summary>
    public static byte[] Xml(byte[] bytes)
    {
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..]) return bytes;
        var start = bytes.AsSpan().StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        var head = Encoding.Latin1.GetString(bytes, start, Math.Min(bytes.Length - start, 256));
        var declared = DeclaredEncoding().Match(head);
        if (declared.Success && !declared.Groups["name"].Value.Equals("utf-8", StringComparison.OrdinalIgnoreCase)) return bytes;
        return Utf8(bytes);
    }
}
