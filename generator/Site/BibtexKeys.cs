using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PaperTrail.Content;

namespace PaperTrail.Site;

/// <summary>
/// Every paper's BibTeX key, unique within the archive: the first author's family name, the year and
/// the title's first significant word, ASCII-folded and lower-case (<c>lee2026conditional</c>). Papers
/// whose keys would be equal are told apart by a letter, given in the order they first trended (then
/// by slug, which never changes): the first keeps the plain key, the next get a, b, …, so a paper that
/// arrives later never changes the key of one already cited.
/// </summary>
internal sealed partial class BibtexKeys
{
    private readonly Dictionary<string, string> _bySlug = new(StringComparer.Ordinal);

    public BibtexKeys(IEnumerable<Paper> papers)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var paper in papers.OrderBy(p => p.FirstTrending).ThenBy(p => p.Slug, StringComparer.Ordinal))
        {
            var plain = Plain(paper);
            var key = plain;
            for (var n = 1; !taken.Add(key); n++) key = plain + Letters(n);
            _bySlug[paper.Slug] = key;
        }
    }

    /// <summary>The paper's key; its plain key for a paper these keys were not made from.</summary>
    public string Of(Paper paper) => _bySlug.GetValueOrDefault(paper.Slug) ?? Plain(paper);

    /// <summary>The key before any letter is added to keep it unique.</summary>
    public static string Plain(Paper paper)
    {
        var year = (paper.Published ?? paper.FirstTrending).Year.ToString(CultureInfo.InvariantCulture);
        return FamilyName(paper.Authors.Count > 0 ? paper.Authors[0] : "") + year + FirstWord(paper.Title);
    }

    // Words a title starts with that say nothing of it.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "on", "of", "for", "and", "or", "in", "to", "with", "via", "towards", "toward", "from",
        "is", "are", "be", "at", "by", "as", "into", "do", "does", "can", "what", "when", "how", "why", "we", "it", "its",
    };

    // Name suffixes that are not the family name ("Martin Luther King Jr.").
    private static readonly HashSet<string> Suffixes = new(StringComparer.Ordinal) { "jr", "sr", "ii", "iii", "iv" };

    [GeneratedRegex(@"\\?[A-Za-z0-9]+")]
    private static partial Regex Word();

    /// <summary>
    /// "Jane Lee", "Lee, Jane" and "Jane Lee Jr." give "lee"; "van der Waals, J." gives "vanderwaals" (written
    /// family name first, all of it is the family name); a name with no Latin letters gives "".
    /// </summary>
    private static string FamilyName(string author)
    {
        var parts = author.Split(',');
        if (parts.Length >= 2 && !Suffixes.Contains(Folded(parts[1])))
            return Folded(parts[0]);
        var words = parts[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Folded).Where(w => w.Length > 0).ToList();
        while (words.Count > 1 && Suffixes.Contains(words[^1])) words.RemoveAt(words.Count - 1);
        return words.LastOrDefault() ?? "";
    }

    /// <summary>The title's first word that is not a stop word nor a TeX command (<c>\mathcal</c>), folded; "" when none.</summary>
    private static string FirstWord(string title)
    {
        // Word by word, stopping at the first that says something: every build makes every key.
        var ascii = Transliteration.ToAscii(title);
        string? first = null;
        foreach (var match in Word().EnumerateMatches(ascii))
        {
            if (ascii[match.Index] == '\\') continue;
            var word = ascii.Substring(match.Index, match.Length).ToLowerInvariant();
            if (!StopWords.Contains(word)) return word;
            first ??= word;
        }
        return first ?? "";
    }

    /// <summary>ASCII letters and digits of the text, lower-case: "Vanden-Eijnden" is "vandeneijnden", "Ünal" "unal".</summary>
    private static string Folded(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in Transliteration.ToAscii(text))
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    /// <summary>1 is a, 26 z, 27 aa.</summary>
    private static string Letters(int n)
    {
        var letters = "";
        for (; n > 0; n = (n - 1) / 26) letters = (char)('a' + (n - 1) % 26) + letters;
        return letters;
    }
}
