using System.Globalization;
using System.Text;
using PaperTrail.Content;

namespace PaperTrail.Rendering;

/// <summary>
/// A paper as a COinS ContextObject (OpenURL 1.0, key/encoded-value pairs joined by "&amp;"), the
/// title of a <c>&lt;span class="Z3988"&gt;</c>: what lets Zotero and other reference managers save
/// every paper of a list page at once. The paper is a journal-format preprint: Zotero reads a COinS
/// only when its format is one it knows (journal, book…), takes the title from <c>rft.atitle</c>,
/// one author per <c>rft.au</c>, the DOI from an <c>rft_id</c> of <c>info:doi/</c> and the address
/// from an http(s) one. Every value is percent-encoded, so no "&amp;" or "=" of a title can end a
/// pair early; the template HTML-escapes the whole. Zotero reads a "+" as a space, as a form would, so
/// one is written %2B, which Zotero reads as a space too: a title's "C++" arrives as "C  ".
/// </summary>
internal static class Coins
{
    /// <param name="page">The paper's address on this site: its <c>rft_id</c> when it has no arXiv id.</param>
    public static string ContextObject(Paper paper, string page)
    {
        var sb = new StringBuilder("ctx_ver=Z39.88-2004");
        Pair(sb, "rft_val_fmt", "info:ofi/fmt:kev:mtx:journal");
        Pair(sb, "rft.genre", "preprint");
        Pair(sb, "rft.atitle", InlineTex.Plain(paper.Title));
        foreach (var author in paper.Authors) Pair(sb, "rft.au", author);
        Pair(sb, "rft.date", (paper.Published ?? paper.FirstTrending).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (paper.Arxiv is { } id)
        {
            Pair(sb, "rft_id", "info:doi/" + ArxivId.Doi(id));
            Pair(sb, "rft_id", "https://arxiv.org/abs/" + id);
        }
        else Pair(sb, "rft_id", page);
        return sb.ToString();
    }

    private static void Pair(StringBuilder sb, string key, string value) =>
        sb.Append('&').Append(key).Append('=').Append(Encode(value));

    /// <summary>
    /// Every byte of the value's UTF-8 but RFC 3986's unreserved characters percent-encoded. A lone
    /// surrogate, which no UTF-8 can carry, is written as U+FFFD (the encoder's replacement), so a
    /// reader's decoder never meets a broken sequence, which makes JavaScript's throw.
    /// </summary>
    private static string Encode(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~') sb.Append((char)b);
            else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
