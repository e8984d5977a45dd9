using System.Globalization;
using System.Net;
using System.Text;
using PaperTrail.Content;

namespace PaperTrail.Rendering;

/// <summary>
/// The words of the site in its language (site.yml's <c>language</c>), from the theme chain's
/// strings files: <c>strings/en.yml</c> is every string there is; a language's file
/// (<c>strings/fr.yml</c>, or <c>fr-CA.yml</c> before it) replaces what it has, and a string it
/// lacks is shown in English and listed in <see cref="Missing"/>. A theme's own file of a language
/// replaces single strings of the default theme's. A string is template text: its words go into the
/// page as they are, the values put in it (<c>{name}</c>) are encoded.
/// </summary>
internal sealed class UiStrings
{
    public const string English = "en";
    public const string Folder = "strings";

    private readonly IReadOnlyDictionary<string, UiString> _strings;
    private readonly string[] _months;
    private readonly string[] _monthsShort;

    /// <summary>The language the site asked for, as site.yml writes it.</summary>
    public string Language { get; }

    /// <summary>Which form of a counted string a number takes.</summary>
    public PluralRule Plural { get; }

    /// <summary>The strings of English the language's files lack, shown in English, sorted.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>The files the language's strings were looked for in when none was found; empty when one was.</summary>
    public IReadOnlyList<string> NotFound { get; }

    private UiStrings(string language, IReadOnlyDictionary<string, UiString> strings, IReadOnlyList<string> missing, IReadOnlyList<string> notFound)
    {
        Language = language;
        _strings = strings;
        Missing = missing;
        NotFound = notFound;
        Plural = PluralRules.Parse(Require("plural").Text ?? "") ?? PluralRule.One;
        _months = [.. Require("dates.months").List!];
        _monthsShort = [.. Require("dates.months_short").List!];
    }

    /// <summary>The strings of <paramref name="language"/> in this theme chain; a broken file stops with its file and line.</summary>
    public static UiStrings Load(ThemeFiles theme, string language)
    {
        var problems = new List<ContentProblem>();
        var english = Layers(theme, [English], problems);
        var names = Names(language);
        var own = names.Count == 0 ? [] : Layers(theme, names, problems);
        if (english.Count == 0)
            problems.Add(new ContentProblem(Errors.DisplayPath.Of(Path.Combine(theme.Folders[^1], Folder, English + ".yml")), 0,
                "the theme has no English strings file, which every other language falls back to"));
        var strings = new Dictionary<string, UiString>(english, StringComparer.Ordinal);
        foreach (var (key, entry) in own)
        {
            if (english.TryGetValue(key, out var fallback) && fallback.Kind != entry.Kind)
                problems.Add(new ContentProblem(entry.File, entry.Line, $"'{key}' is {entry.Kind} here, and {fallback.Kind} in {fallback.File}: write it as English does"));
            else strings[key] = entry;
        }
        Check(strings, problems);
        if (problems.Count > 0) throw new ContentException(problems);
        var found = names.Count == 0 || names.Any(n => theme.Find($"{Folder}/{n}.yml") is not null);
        var missing = names.Count == 0 || !found ? [] : english.Keys.Where(k => !own.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var notFound = found ? [] : names.Select(n => $"{Folder}/{n}.yml").ToList();
        return new UiStrings(language, strings, missing, notFound);
    }

    /// <summary>The files a language is looked for in, most general first ("fr", then "fr-CA"); none for English, which is always read.</summary>
    private static List<string> Names(string language)
    {
        var primary = language.Split('-', '_')[0].ToLowerInvariant();
        var names = new List<string>();
        if (primary != English && Safe(primary)) names.Add(primary);
        if (language != primary && !language.StartsWith(English + "-", StringComparison.OrdinalIgnoreCase) && Safe(language)) names.Add(language);
        return names;
    }

    // A language names a file: letters, digits and hyphens only, never a path.
    private static bool Safe(string name) => name.Length is > 0 and <= 35 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The files of these names, the default theme's first, each later one replacing what it has.</summary>
    private static Dictionary<string, UiString> Layers(ThemeFiles theme, IReadOnlyList<string> names, List<ContentProblem> problems)
    {
        var strings = new Dictionary<string, UiString>(StringComparer.Ordinal);
        foreach (var name in names)
            foreach (var folder in theme.Folders.Reverse())
            {
                var path = Path.Combine(folder, Folder, name + ".yml");
                if (!File.Exists(path)) continue;
                foreach (var (key, entry) in StringsFile.Read(path, problems)) strings[key] = entry;
            }
        return strings;
    }

    /// <summary>The entries the generator itself reads must be there and make sense.</summary>
    private static void Check(Dictionary<string, UiString> strings, List<ContentProblem> problems)
    {
        if (strings.TryGetValue("plural", out var plural) && PluralRules.Parse(plural.Text ?? "") is null)
            problems.Add(new ContentProblem(plural.File, plural.Line, $"'plural' has '{plural.Text}'; write {PluralRules.Names}"));
        foreach (var key in new[] { "dates.months", "dates.months_short" })
            if (strings.TryGetValue(key, out var months) && months.List is not { Count: 12 })
                problems.Add(new ContentProblem(months.File, months.Line, $"'{key}' must list the 12 months, January first"));
    }

    /// <summary>What a build warns about: the language's missing strings, or its missing file, shown in English.</summary>
    public IEnumerable<string> Warnings()
    {
        if (NotFound.Count > 0)
            yield return $"warning: site.yml's language '{Language}' has no strings file in the theme ({string.Join(" or ", NotFound)}); the site's words are shown in English";
        else if (Missing.Count > 0)
            yield return $"warning: the strings of '{Language}' lack {Missing.Count} of English's, shown in English: {string.Join(", ", Missing)}";
    }

    private UiString Require(string key) =>
        _strings.TryGetValue(key, out var entry) ? entry : throw new MissingStringException(key);

    /// <summary>True when the strings have an entry of this name.</summary>
    public bool Has(string key) => _strings.ContainsKey(key);

    /// <summary>
    /// A string as HTML, ready for a page or a feed's content: its own words as written, each value
    /// put in encoded by <paramref name="encode"/> (or as it is, when <paramref name="encode"/> is null: values already HTML).
    /// </summary>
    public string Html(string key, long? count, IReadOnlyList<(string Name, string Value)> values, Func<string, string>? encode)
    {
        var text = Pick(key, count);
        return Fill(text, count, values, encode ?? (v => v), literal => literal);
    }

    /// <summary>A string as plain text (a page's title, a feed's title): entities in its words decoded, values as they are.</summary>
    public string Text(string key, params (string Name, string Value)[] values) => Fill(Pick(key, null), null, values, v => v, WebUtility.HtmlDecode);

    /// <summary>A counted string as plain text: "1 paper", "119 papers".</summary>
    public string Count(string key, long count, params (string Name, string Value)[] values) =>
        Fill(Pick(key, count), count, values, v => v, WebUtility.HtmlDecode);

    /// <summary>A counted string as HTML, its values encoded for a feed's content.</summary>
    public string CountHtml(string key, long count, params (string Name, string Value)[] values) =>
        Html(key, count, values, WebUtility.HtmlEncode);

    private string Pick(string key, long? count)
    {
        var entry = Require(key);
        if (entry.List is not null) throw new MissingStringException(key);
        if (!entry.IsCount) return entry.Text!;
        return count is { } n && Plural.IsOne(n) ? entry.One! : entry.Other!;
    }

    /// <summary>Puts the values into <c>{name}</c>; <c>{count}</c> is the count; a name with no value is left as written.</summary>
    private static string Fill(string text, long? count, IReadOnlyList<(string Name, string Value)> values, Func<string, string> encode, Func<string, string> literal)
    {
        if (text.IndexOf('{') < 0) return literal(text);
        var result = new StringBuilder(text.Length + 32);
        var at = 0;
        while (at < text.Length)
        {
            var open = text.IndexOf('{', at);
            var close = open < 0 ? -1 : text.IndexOf('}', open + 1);
            if (close < 0)
            {
                result.Append(literal(text[at..]));
                break;
            }
            result.Append(literal(text[at..open]));
            var name = text[(open + 1)..close];
            if (Value(name, count, values) is { } value) result.Append(encode(value));
            else result.Append(literal(text[open..(close + 1)]));
            at = close + 1;
        }
        return result.ToString();
    }

    private static string? Value(string name, long? count, IReadOnlyList<(string Name, string Value)> values)
    {
        foreach (var (n, v) in values)
            if (n == name) return v;
        return name == "count" && count is { } c ? c.ToString(CultureInfo.InvariantCulture) : null;
    }

    /// <summary>A day as the language writes it (<c>dates.day</c>): "2026-12-07", "7 décembre 2026".</summary>
    public string Day(DateOnly day) => Date(Pick("dates.day", null), day);

    /// <summary>A month as the language writes it (<c>dates.month</c>): "November 2026", "novembre 2026".</summary>
    public string Month(int year, int month) => Date(Pick("dates.month", null), new DateOnly(year, month, 1));

    /// <summary>
    /// A span of days, a week's or a month's: "13 Jul to 19 Jul 2026"; its first day is written as
    /// its last (<c>dates.week_end</c>, with its year) when the span crosses a new year: "29 Dec 2025 to 4 Jan 2026".
    /// </summary>
    public string Range(DateOnly first, DateOnly last) =>
        Text("dates.week", ("start", Date(Pick(first.Year == last.Year ? "dates.week_start" : "dates.week_end", null), first)),
            ("end", Date(Pick("dates.week_end", null), last)));

    /// <summary>
    /// Writes a day by a pattern of <c>{d}</c>, <c>{dd}</c>, <c>{MM}</c>, <c>{MMM}</c>, <c>{MMMM}</c> and
    /// <c>{yyyy}</c>; <c>{d}</c> of the first day of a month is <c>dates.first_day</c> when the language has one (French "1er").
    /// </summary>
    private string Date(string pattern, DateOnly day)
    {
        var first = day.Day == 1 && _strings.TryGetValue("dates.first_day", out var ordinal) && ordinal.Text is { } f ? f : null;
        (string, string)[] parts =
        [
            ("d", first ?? day.Day.ToString(CultureInfo.InvariantCulture)),
            ("dd", day.Day.ToString("00", CultureInfo.InvariantCulture)),
            ("MM", day.Month.ToString("00", CultureInfo.InvariantCulture)),
            ("MMM", _monthsShort[day.Month - 1]),
            ("MMMM", _months[day.Month - 1]),
            ("yyyy", day.Year.ToString("0000", CultureInfo.InvariantCulture)),
        ];
        return Fill(pattern, null, parts, v => v, WebUtility.HtmlDecode);
    }
}

/// <summary>A template or the generator asked for a string no strings file has: the theme's mistake, told with the key.</summary>
internal sealed class MissingStringException(string key)
    : Exception($"there is no string '{key}' in the theme's strings/{UiStrings.English}.yml (or it is not a text or a count)")
{
    public string Key { get; } = key;
}
