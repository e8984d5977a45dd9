using System.Buffers;
using System.Text;

namespace PaperTrail.Output;

/// <summary>Where a link attribute's value lies in the page's bytes, still HTML-encoded.</summary>
/// <param name="IsSrcset">A <c>srcset</c>: a list of URLs with descriptors, not one URL.</param>
internal readonly record struct HtmlLink(int Start, int Length, bool IsSrcset);

/// <summary>
/// Finds the link attributes of an HTML page the way a browser's tokenizer reads tags (HTML
/// Standard, "Tokenization", kept to what finds tags and attributes): names in any case, values
/// double-, single- or unquoted, any whitespace before a name; nothing in comments, in the text
/// of script, style and the other raw-text elements, nor in another attribute's value. Links are
/// <c>href</c> of a, area and link; <c>src</c> of the elements that load one; <c>srcset</c> of img
/// and source; <c>poster</c> of video. One forward pass over the bytes and no DOM: it runs on every
/// page of the build (a DOM parse cost 40 times as much). Left out, as no page of ours has them: the
/// script escape states ("&lt;!--" then "&lt;script" inside a script) and SVG and MathML's own rules.
/// tests/…/Output/HtmlLinksTests hold it to an HTML5 parser on generated tag soup.
/// </summary>
internal static class HtmlLinks
{
    [Flags]
    private enum Element
    {
        Other = 0,
        Href = 1,
        Src = 2,
        Srcset = 4,
        Poster = 8,
        /// <summary>Its content is text up to its end tag, not markup (script, style, textarea…).</summary>
        RawText = 16,
    }

    /// <summary>Adds the links of <paramref name="html"/> to <paramref name="links"/>, in page order.</summary>
    public static void Find(ReadOnlySpan<byte> html, List<HtmlLink> links)
    {
        var at = 0;
        while (at < html.Length)
        {
            var open = html[at..].IndexOf((byte)'<');
            if (open < 0) return;
            at += open + 1;
            if (at >= html.Length) return;
            var next = html[at];
            if (char.IsAsciiLetter((char)next)) at = StartTag(html, at, links);
            else if (next == '!') at = html[at..].StartsWith("!--"u8) ? AfterComment(html, at + 3) : After(html, at, (byte)'>');
            else if (next == '?') at = After(html, at, (byte)'>');                                           // a bogus comment
            else if (next == '/') at = at + 1 < html.Length && char.IsAsciiLetter((char)html[at + 1])
                ? Attributes(html, at + 1 + NameLength(html[(at + 1)..]), Element.Other, links)       // an end tag: attributes ignored
                : After(html, at, (byte)'>');
            // else: a '<' in text
        }
    }

    /// <summary>Reads a start tag from its name at <paramref name="at"/>; returns where the markup resumes.</summary>
    private static int StartTag(ReadOnlySpan<byte> html, int at, List<HtmlLink> links)
    {
        var nameLength = NameLength(html[at..]);
        var element = Classify(html.Slice(at, nameLength));
        var end = Attributes(html, at + nameLength, element, links);
        return (element & Element.RawText) != 0 ? AfterRawText(html, end, html.Slice(at, nameLength)) : end;
    }

    /// <summary>
    /// Reads the attributes from <paramref name="at"/> to the tag's '&gt;'; returns the position after it.
    /// A tag the page ends inside is no tag, and its links are dropped.
    /// </summary>
    private static int Attributes(ReadOnlySpan<byte> html, int at, Element element, List<HtmlLink> links)
    {
        var first = links.Count;
        var seen = Element.Other; // a repeated attribute is ignored: the first one counts
        while (true)
        {
            while (at < html.Length && (IsSpace(html[at]) || html[at] == '/')) at++;
            if (at >= html.Length) return Unterminated(html, links, first);
            if (html[at] == '>') return at + 1;

            // The name runs to whitespace, '/', '>' or '='; a '=' first is part of it.
            var nameStart = at++;
            at = End(html, at, AttributeNameEnd);
            var kind = element == Element.Other ? Element.Other : LinkAttribute(html[nameStart..at]) & element & ~seen;
            seen |= kind;

            while (at < html.Length && IsSpace(html[at])) at++;
            if (at >= html.Length || html[at] != '=')
            {
                if (kind != Element.Other) links.Add(new HtmlLink(at, 0, kind == Element.Srcset)); // no value: an empty one
                continue;
            }
            at++;
            while (at < html.Length && IsSpace(html[at])) at++;
            if (at >= html.Length) return Unterminated(html, links, first);

            int valueStart, valueEnd;
            var quote = html[at];
            if (quote is (byte)'"' or (byte)'\'')
            {
                valueStart = at + 1;
                var close = html[valueStart..].IndexOf(quote);
                if (close < 0) return Unterminated(html, links, first);
                valueEnd = valueStart + close;
                at = valueEnd + 1;
            }
            else
            {
                valueStart = at;
                valueEnd = at = End(html, at, UnquotedValueEnd);
            }
            if (kind != Element.Other) links.Add(new HtmlLink(valueStart, valueEnd - valueStart, kind == Element.Srcset));
        }
    }

    private static int Unterminated(ReadOnlySpan<byte> html, List<HtmlLink> links, int first)
    {
        links.RemoveRange(first, links.Count - first);
        return html.Length;
    }

    /// <summary>After "&lt;!--": the comment ends at "--&gt;" or "--!&gt;", or at once with "&gt;" or "-&gt;".</summary>
    private static int AfterComment(ReadOnlySpan<byte> html, int at)
    {
        if (html[at..].StartsWith(">"u8)) return at + 1;
        if (html[at..].StartsWith("->"u8)) return at + 2;
        for (var from = at; ;)
        {
            var dashes = html[from..].IndexOf("--"u8);
            if (dashes < 0) return html.Length;
            var after = from + dashes + 2;
            if (html[after..].StartsWith(">"u8)) return after + 1;
            if (html[after..].StartsWith("!>"u8)) return after + 2;
            from = from + dashes + 1;
        }
    }

    /// <summary>The text of a raw-text element ends at "&lt;/name" followed by whitespace, '/' or '&gt;', in any case.</summary>
    private static int AfterRawText(ReadOnlySpan<byte> html, int at, ReadOnlySpan<byte> name)
    {
        while (true)
        {
            var close = html[at..].IndexOf("</"u8);
            if (close < 0) return html.Length;
            var nameAt = at + close + 2;
            var after = nameAt + name.Length;
            if (after < html.Length && Ascii.EqualsIgnoreCase(html.Slice(nameAt, name.Length), name)
                && (IsSpace(html[after]) || html[after] is (byte)'/' or (byte)'>'))
                return at + close;
            at = nameAt;
        }
    }

    private static int After(ReadOnlySpan<byte> html, int at, byte end)
    {
        var found = html[at..].IndexOf(end);
        return found < 0 ? html.Length : at + found + 1;
    }

    private static int NameLength(ReadOnlySpan<byte> html)
    {
        var length = html.IndexOfAny(TagNameEnd);
        return length < 0 ? html.Length : length;
    }

    /// <summary>The first position from <paramref name="at"/> holding one of <paramref name="ends"/>, else the end.</summary>
    private static int End(ReadOnlySpan<byte> html, int at, SearchValues<byte> ends)
    {
        var found = html[at..].IndexOfAny(ends);
        return found < 0 ? html.Length : at + found;
    }

    private static readonly SearchValues<byte> TagNameEnd = SearchValues.Create(" \t\n\r\f/>"u8);
    private static readonly SearchValues<byte> AttributeNameEnd = SearchValues.Create(" \t\n\r\f/>="u8);
    private static readonly SearchValues<byte> UnquotedValueEnd = SearchValues.Create(" \t\n\r\f>"u8);

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f';

    /// <summary>Which link attributes an element has, and whether its content is raw text.</summary>
    private static Element Classify(ReadOnlySpan<byte> name) => Packed(name) switch
    {
        A or Area or Link => Element.Href,
        Img or Image or Source => Element.Src | Element.Srcset, // a browser reads <image> as <img>
        Video => Element.Src | Element.Poster,
        Iframe or Script => Element.Src | Element.RawText,
        Audio or Embed or Frame or Input or Track => Element.Src,
        Style or Textarea or Title or Xmp or Noembed or Noframes => Element.RawText,
        _ => Element.Other,
    };

    private static Element LinkAttribute(ReadOnlySpan<byte> name) => Packed(name) switch
    {
        Href => Element.Href,
        Src => Element.Src,
        Srcset => Element.Srcset,
        Poster => Element.Poster,
        _ => Element.Other,
    };

    /// <summary>
    /// A name of up to 8 bytes as one number, ASCII letters lower-cased (only a letter's byte ORed
    /// with 0x20 gives a lower-case letter), so that a tag is told by one comparison; 0 when longer.
    /// </summary>
    private static ulong Packed(ReadOnlySpan<byte> name)
    {
        if (name.Length > 8) return 0;
        ulong packed = 0;
        foreach (var b in name) packed = packed << 8 | (byte)(b | 0x20);
        return packed;
    }

    // The names, packed as Packed packs them (first letter in the highest byte used).
    private const ulong A = 0x61, Area = 0x61726561, Link = 0x6C696E6B, Img = 0x696D67, Image = 0x696D616765, Source = 0x736F75726365,
        Video = 0x766964656F, Iframe = 0x696672616D65, Script = 0x736372697074, Audio = 0x617564696F,
        Embed = 0x656D626564, Frame = 0x6672616D65, Input = 0x696E707574, Track = 0x747261636B,
        Style = 0x7374796C65, Textarea = 0x7465787461726561, Title = 0x7469746C65, Xmp = 0x786D70,
        Noembed = 0x6E6F656D626564, Noframes = 0x6E6F6672616D6573,
        Href = 0x68726566, Src = 0x737263, Srcset = 0x737263736574, Poster = 0x706F73746572;
}
