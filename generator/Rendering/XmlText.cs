using System.Text;
using System.Xml;

namespace PaperTrail.Rendering;

/// <summary>XML output settings shared by every XML file, and a guard for characters XML forbids.</summary>
internal static class XmlText
{
    public static XmlWriterSettings Settings => new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
    };

    /// <summary>Drops characters XML 1.0 cannot carry (a hand-edited title may hold "\x01"), so a feed is always well-formed.</summary>
    public static string Clean(string text)
    {
        // Nearly all text is in U+0020..U+D7FF, which a vectorised search passes over at once; the
        // character by character check starts at the first character outside it (a feed of 10,000
        // papers cleans every abstract several times: the check was 8% of a cold build's time).
        var first = text.AsSpan().IndexOfAnyExceptInRange('\u0020', '\uD7FF');
        if (first < 0) return text;
        var rest = text.AsSpan(first);
        var valid = true;
        for (var i = 0; i < rest.Length && valid; i++)
        {
            if (XmlConvert.IsXmlChar(rest[i])) continue;
            if (i + 1 < rest.Length && XmlConvert.IsXmlSurrogatePair(rest[i + 1], rest[i])) i++;
            else valid = false;
        }
        if (valid) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) sb.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) sb.Append(text, i++, 2);
        }
        return sb.ToString();
    }

    public static byte[] Write(Action<XmlWriter> write)
    {
        // Each thread writes into the same stream file after file: a month's archive is megabytes, and
        // a fresh stream grown by doubling for each file left twice its size behind as garbage.
        var stream = t_stream ?? new MemoryStream(64 * 1024);
        t_stream = null; // taken while in use, should a writer ever write another file
        stream.SetLength(0);
        using (var writer = XmlWriter.Create(stream, Settings)) write(writer);
        stream.WriteByte((byte)'\n');
        var bytes = stream.ToArray();
        t_stream = stream;
        return bytes;
    }

    [ThreadStatic]
    private static MemoryStream? t_stream;
}
