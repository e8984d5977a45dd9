using System.Globalization;
using System.Text;

namespace PaperTrail.Content;

/// <summary>
/// The most a paper's fields may hold, wherever the paper comes from (a source at ingest, a file a
/// person edits). Each cap is a generous multiple of the largest real value, so no real paper is
/// cut; they exist because one 10 MB title made a 177 MB site (the title is on its page, the home
/// page and every feed). docs/security.md, "Limits", lists them.
/// </summary>
internal static class FieldLimits
{
    /// <summary>Characters of a title. The longest of the trending corpus has 146; the longest seen on Hugging Face about 250.</summary>
    public const int TitleLength = 1_000;

    /// <summary>Characters of an abstract. arXiv itself stops at 1,920, the longest of the corpus.</summary>
    public const int AbstractLength = 20_000;

    /// <summary>Authors of one paper. The corpus has one of 533; large collaborations (Gemini's reports, CERN's) list 1,000 to 5,000.</summary>
    public const int Authors = 5_000;

    /// <summary>Characters of one author's name. The longest of the corpus has 29.</summary>
    public const int AuthorNameLength = 200;

    /// <summary>Named links of one paper (sources give at most two: code and project page).</summary>
    public const int Links = 20;

    /// <summary>Characters of one link's address. The longest of the corpus has 98; 2,048 is what every browser and server takes.</summary>
    public const int UrlLength = 2_048;

    /// <summary>arXiv categories of one paper (a primary and a few cross-lists; arXiv allows no more than a handful).</summary>
    public const int Categories = 50;

    /// <summary>Characters of one category ("physics.comp-ph" has 15).</summary>
    public const int CategoryLength = 64;

    /// <summary>Characters of the source's one-line summary (Hugging Face's are one sentence, about 150 to 300).</summary>
    public const int AiSummaryLength = 2_000;

    /// <summary>Characters of an organisation's name (Hugging Face's longest are about 60).</summary>
    public const int OrganizationLength = 200;

    /// <summary>
    /// <paramref name="text"/> when it has at most <paramref name="max"/> characters (UTF-16 units);
    /// otherwise its beginning, ended by "…", in at most <paramref name="max"/> characters. It is cut
    /// between words when a space is in the second half, and always between user-perceived
    /// characters (a letter and its accents, an emoji sequence stay whole); when a single one of
    /// those is longer than the cap (thousands of stacked accents), between code points: a surrogate
    /// pair is never split.
    /// </summary>
    public static string Cut(string text, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (text.Length <= max) return text;
        var room = max - 1; // for the "…"
        int end = 0, lastSpace = -1;
        while (end < room)
        {
            var next = StringInfo.GetNextTextElementLength(text.AsSpan(end));
            if (end + next > room) break;
            end += next;
            if (end < text.Length && char.IsWhiteSpace(text[end])) lastSpace = end;
        }
        if (end == 0)
        {
            // One text element longer than the cap: cut between code points instead.
            while (end < room)
            {
                Rune.DecodeFromUtf16(text.AsSpan(end), out _, out var units); // a lone surrogate is one unit
                if (end + units > room) break;
                end += units;
            }
        }
        // Between words, when the last space is not far back: "Huge Title…", not "Huge Titl…".
        else if (!char.IsWhiteSpace(text[end]) && lastSpace > room / 2) end = lastSpace;
        return text[..end].TrimEnd() + "…";
    }
}
