using System.Text;
using AngleSharp.Dom;

namespace PaperTrail.Tests.Support;

/// <summary>
/// A page's COinS read back the way Zotero's COinS translator reads them (zotero/translators
/// <c>COinS.js</c> and <c>parseContextObject</c> of zotero/utilities <c>openurl.js</c>): every
/// <c>span</c> whose class holds the token Z3988 and that has a title; the title split on "&amp;", each
/// pair split on "=" into a raw key and a value whose "+" and "%2B" are spaces, then percent-decoded
/// as JavaScript's <c>decodeURIComponent</c> does, which throws on a broken sequence (so does this);
/// an item only when <c>rft_val_fmt</c> is a format Zotero knows, and worth saving on its own only
/// with a title.
/// </summary>
public static class ZoteroCoins
{
    /// <summary>What Zotero keeps of one span: the fields this site writes.</summary>
    public sealed record Item(string ItemType, string? Title, IReadOnlyList<string> Authors, string? Date, string? Doi, string? Url);

    public static IReadOnlyList<Item> Read(IParentNode page) =>
        page.QuerySelectorAll("span").Where(s => s.ClassList.Contains("Z3988") && s.HasAttribute("title"))
            .Select(s => Parse(s.GetAttribute("title")!) ?? throw new Xunit.Sdk.XunitException($"Zotero finds no item type in {s.GetAttribute("title")}"))
            .ToList();

    /// <summary>The item of one ContextObject, or null when Zotero would find no item type in it.</summary>
    public static Item? Parse(string contextObject)
    {
        var pairs = contextObject.Split('&');
        var format = pairs.Where(p => p.StartsWith("rft_val_fmt=", StringComparison.Ordinal)).Select(p => Decode(p[12..], plusIsSpace: false)).FirstOrDefault();
        if (format != "info:ofi/fmt:kev:mtx:journal") return null; // the only format this site writes
        string? title = null, date = null, doi = null, url = null;
        var authors = new List<string>();
        foreach (var pair in pairs)
        {
            // Zotero takes what lies between the first and the second "=": a value with a raw "=" would be cut.
            var parts = pair.Split('=');
            if (parts.Length != 2) throw new Xunit.Sdk.XunitException($"'{pair}' is not one key=value pair: Zotero would cut its value");
            var (key, value) = (parts[0], Decode(parts[1], plusIsSpace: true));
            if (value.Length == 0) continue;
            switch (key)
            {
                case "rft_id" when value.StartsWith("info:doi", StringComparison.OrdinalIgnoreCase): doi = value[9..]; break;
                case "rft_id" when value.StartsWith("http://", StringComparison.Ordinal) || value.StartsWith("https://", StringComparison.Ordinal): url = value; break;
                case "rft.atitle": title = value; break;
                case "rft.date": date = value; break;
                case "rft.au": authors.Add(value); break;
            }
        }
        return new Item("journalArticle", title, authors, date, doi, url);
    }

    /// <summary>decodeURIComponent, after Zotero's own "+" and "%2B" to space when asked.</summary>
    private static string Decode(string value, bool plusIsSpace)
    {
        if (plusIsSpace) value = value.Replace("+", " ").Replace("%2B", " ").Replace("%2b", " ");
        var bytes = new List<byte>();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '%') { bytes.AddRange(Encoding.UTF8.GetBytes(value[i].ToString())); continue; }
            if (i + 2 >= value.Length || !Uri.IsHexDigit(value[i + 1]) || !Uri.IsHexDigit(value[i + 2]))
                throw new Xunit.Sdk.XunitException($"'{value}' has a broken percent sequence: decodeURIComponent throws");
            bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
            i += 2;
        }
        return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.ToArray());
    }
}
