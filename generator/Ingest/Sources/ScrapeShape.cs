using System.Text.RegularExpressions;

namespace PaperTrail.Ingest.Sources;

/// <summary>
/// Whether text that no structured source claims has the shape of a Hugging Face papers page's
/// scrape. Detection used to read any text as one, and a README became 66 "papers", a one-line
/// file a paper called "vm". The page's own boilerplate at the top (the newsletter prompt,
/// "Subscribe" glued to the first title) is enough; without it the text must read as title and
/// abstract lines alternating. A verdict against names the first line that does not fit.
/// </summary>
internal static partial class ScrapeShape
{
    /// <summary>The shape of the text; when it is not a papers page's, the line (0: the whole file) and why.</summary>
    internal readonly record struct Verdict(bool IsPapersPage, int Line, string Why)
    {
        public static readonly Verdict Fits = new(true, 0, "");

        public static Verdict Misfit(int line, string why) => new(false, line, why);
    }

    // Longer than any paper's title (the longest on Hugging Face run to about 250): a paragraph.
    private const int MaxTitleLength = 300;

    // An abstract that ends in a URL or a stray heading (one in twelve on Hugging Face) still runs
    // to a hundred words or more; a hard-wrapped line of prose does not reach this.
    private const int AbstractWords = 20;

    // Invalid bytes and controls in a real scrape are a few characters; in binary data, over half.
    private const double MaxNonTextShare = 0.25;

    private static readonly (Regex Pattern, string What)[] Markup =
    [
        (Heading(), "a Markdown heading"),
        (Fence(), "a Markdown code fence"),
        (Rule(), "a Markdown rule or front-matter fence"),
        (ListItem(), "a Markdown list item"),
        (BlockQuote(), "a Markdown quote"),
        (TableRow(), "a Markdown table row"),
        (LinkDefinition(), "a Markdown link definition"),
        (Tag(), "an HTML or XML tag"),
    ];

    public static Verdict Judge(ReadOnlySpan<byte> bytes)
    {
        var text = ScrapeTextSource.Decode(bytes);
        var lines = ScrapeTextSource.SplitLines(text);
        if (StartsWithBoilerplate(lines)) return Verdict.Fits;

        var share = NonTextShare(text);
        if (share > MaxNonTextShare)
            return Verdict.Misfit(0, $"binary data, not text: {share:P0} of its characters are control characters or bytes that are not UTF-8");

        var records = lines.Select((line, i) => (Text: line.Trim(), Line: i + 1)).Where(r => r.Text.Length > 0).ToList();
        if (records.Count == 0) return Verdict.Fits; // empty: the reader says it holds no paper

        foreach (var (line, number) in records)
            foreach (var (pattern, what) in Markup)
                if (pattern.IsMatch(line))
                    return Verdict.Misfit(number, $"{Quote(line)} is {what}, not a paper's title or abstract");

        if (records.Count == 1)
            return Verdict.Misfit(records[0].Line, $"a single line, {Quote(records[0].Text)}: a scrape has a title line and an abstract line for each paper");

        for (var i = 0; i < records.Count; i += 2)
        {
            var title = TextCleaner.Clean(records[i].Text);
            if (title.Length > MaxTitleLength)
                return Verdict.Misfit(records[i].Line, $"{Quote(title)} is {title.Length} characters long: a paragraph where a paper's title is expected");
            if (title.EndsWith('.') || title.EndsWith(',') || title.EndsWith(';') || title.EndsWith(':'))
                return Verdict.Misfit(records[i].Line, $"{Quote(title)} ends like a sentence where a paper's title is expected");
            if (i + 1 == records.Count) break; // a last title without its abstract: the page was cut
            var abstractText = TextCleaner.Clean(records[i + 1].Text);
            if (!SentenceEnd().IsMatch(abstractText) && abstractText.Split(' ').Length < AbstractWords)
                return Verdict.Misfit(records[i + 1].Line, $"{Quote(abstractText)} ends no sentence and is too short for an abstract");
        }
        return Verdict.Fits;
    }

    /// <summary>The page's lines above its list, or "Subscribe" glued to the first title.</summary>
    private static bool StartsWithBoilerplate(List<string> lines)
    {
        var first = ScrapeTextSource.FindFirstTitle(lines);
        return lines.Take(first).Any(line => line.Trim().Length > 0)
            || (first < lines.Count && ScrapeTextSource.IsGlued(lines[first].Trim()));
    }

    /// <summary>The share of characters (line ends aside) that are controls or U+FFFD, which stands for bytes that were not UTF-8.</summary>
    private static double NonTextShare(string text)
    {
        int counted = 0, nonText = 0;
        foreach (var c in text)
        {
            if (c is '\n' or '\r') continue;
            counted++;
            if (c == '\uFFFD' || (char.IsControl(c) && c is not ('\t' or '\f' or '\v'))) nonText++;
        }
        return counted == 0 ? 0 : (double)nonText / counted;
    }

    private static string Quote(string line)
    {
        var clean = TextCleaner.Clean(line);
        return "\"" + (clean.Length > 60 ? clean[..60] + "…" : clean) + "\"";
    }

    [GeneratedRegex(@"^#{1,6}(\s|$)")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(```|~~~)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^([-*_=])(\s*\1){2,}$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^([-*+]|\d{1,9}[.)])\s")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^>")]
    private static partial Regex BlockQuote();

    [GeneratedRegex(@"^\|")]
    private static partial Regex TableRow();

    [GeneratedRegex(@"^\[[^\]]+\]:\s")]
    private static partial Regex LinkDefinition();

    [GeneratedRegex(@"^<[A-Za-z!?/]")]
    private static partial Regex Tag();

    // '.', '!', '?' or '…', perhaps inside a closing bracket or quote.
    [GeneratedRegex(@"[.!?…][""'”’»)\]]*$")]
    private static partial Regex SentenceEnd();
}
