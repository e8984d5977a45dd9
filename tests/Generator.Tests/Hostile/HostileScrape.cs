using System.Text;

namespace PaperTrail.Tests.Hostile;

/// <summary>
/// A scrape made of everything the open web can send: markup, template syntax, YAML specials,
/// path tricks, links into the site itself, controls, broken bytes, bidi and zero-width characters, huge titles, CRLF and a BOM,
/// duplicates and a dangling title. Built as bytes, since some of it is not valid UTF-8.
/// </summary>
public static class HostileScrape
{
    public static readonly string LongTitle = ("Long " + string.Join(" ", Enumerable.Repeat("representation", 400)))[..5000];

    /// <summary>(title, abstract) pairs, in file order; raw, before cleaning.</summary>
    public static readonly (string Title, string Abstract)[] Records =
    [
        ("<script>alert('title')</script> Script In Title", "<script>alert('abstract')</script> An abstract with a script."),
        ("\"><svg onload=alert('svg')> Attribute Break-out", "'><img src=x onerror=alert('img')> and \" onmouseover=\"alert('attr')"),
        ("</script><script>alert('jsonld')</script> JSON-LD Break-out", "Closes </script> early <!-- and opens a comment"),
        ("Links In The Abstract", "[click](javascript:alert('md')) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) <a href=\"javascript:alert('raw')\">raw</a> [vb](vbscript:msgbox) [ok](https://arxiv.org/abs/2303.08797) <mailto:someone@example.org> <javascript:alert('auto')> ![img](https://example.org/x.png \"t\")"),
        ("Links Into This Site", "[a missing page](https://example.org/no-such-page/) <https://EXAMPLE.org:8443/gone> and [arXiv](https://arxiv.org/abs/2303.08797) kept."),
        ("Template {{ 7 * 7 }} and {% if true %}yes{% endif %} {{ site.title }}", "{% raw %}{{ 7 * 7 }}{% endraw %} {%- comment -%} {{ 'x' | upcase }}"),
        ("key: value", "- item"),
        ("- item: &anchor *alias !tag | > --- # comment", "--- \n..."),
        ("../../etc/passwd", "Path traversal as a title."),
        ("CON", "A name Windows reserves."),
        ("数学の定理について", "A title with no ASCII letter."),
        ("Φ^4 ∑ ∫ χ^2", "Only symbols and Greek."),
        ("Control\u0000\u0007\u001B[31m Characters", "Tabs\tand\u000B vertical\u000C feeds\u0085 NEL."),
        ("Bidi \u202Egnp.exe\u202C Zero\u200Bwidth\u2066 Isolates\u2069", "\u200F\u061C marks"),
        (LongTitle, "A very long title."),
        ("Duplicate Paper", "First copy."),
        ("DUPLICATE paper!", "Second copy."),
        ("\u200B\u0000 \u202E -- \u0007", "A record whose title has nothing usable: skipped."),
    ];

    public const string DanglingTitle = "Dangling Title Without Abstract";

    // Bytes that are not UTF-8 go in the middle of one title.
    private static readonly byte[] InvalidUtf8Title = [.. Encoding.UTF8.GetBytes("Invalid "), 0xC3, 0x28, 0xFF, 0xFE, .. Encoding.UTF8.GetBytes(" Bytes Title")];

    public const string InvalidUtf8TitleCleaned = "Invalid ( Bytes Title";

    public static byte[] Bytes()
    {
        var bytes = new List<byte> { 0xEF, 0xBB, 0xBF };
        void Line(string text) => bytes.AddRange(Encoding.UTF8.GetBytes(text + "\r\n"));
        Line("Get trending papers in your email inbox once a day!");
        Line("Get trending papers in your email inbox!");
        bytes.AddRange(Encoding.UTF8.GetBytes("Subscribe"));
        foreach (var (title, abstractText) in Records)
        {
            Line(title.Replace("\r", "").Replace("\n", " "));
            Line(abstractText.Replace("\r", "").Replace("\n", " "));
            Line("");
        }
        bytes.AddRange(InvalidUtf8Title);
        bytes.AddRange("\r\n"u8.ToArray());
        Line("An abstract after broken bytes.   ");
        Line(DanglingTitle);
        return [.. bytes];
    }
}
