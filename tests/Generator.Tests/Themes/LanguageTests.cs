using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PaperTrail.Rendering;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Themes;

/// <summary>
/// A site in another language (issue 33): every word the templates and the generator show comes from
/// the theme's strings files; days and months are written as the language writes them; a string a
/// language lacks is shown in English and named by the build; a theme replaces single strings.
/// </summary>
public sealed class LanguageTests : IDisposable
{
    private readonly TempDir _themes = new();

    public void Dispose() => _themes.Dispose();

    private static string StringsFile(string language) => Path.Combine(Repo.Root, "themes", "default", "strings", language + ".yml");

    // Paper text, topics and site.yml with no English word in them, so any English on a page is the site's own.
    private static FixtureSite FrenchSite(string language = "fr", string theme = "default")
    {
        var site = new FixtureSite(
            $"title: Archive essai\nbase_url: https://example.org/\ndescription: Une archive.\nlanguage: {language}\ntheme: {theme}\npage_size: 2\nauthor_min_papers: 2\n",
            """
            fallback: divers
            topics:
              - slug: diffusion
                name: Modèles de diffusion
                description: Débruitage et scores.
              - slug: divers
                name: Divers
                description: Tout le reste.
            """);
        var authors = "authors: [Ana Lopes, Bo Chen, Ca Dinh, Da Eng, Ea Fo, Fa Gu, Ga Hu, Ha Iu, Ia Ju]";
        site.Paper("alpha", "Lorem ipsum dolor", "[{day: 2026-11-02, rank: 1}, {day: 2026-11-16, rank: 3}]", "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
            $"{authors}\ntopics: [diffusion]\nupvotes: 12\ncomments: 3\ngithub_stars: 40\ngithub_stars_as_of: 2026-11-16\norganization: Inria\n" +
            "ai_summary: Sed do eiusmod tempor.\narxiv: 2611.00001\npublished: 2026-10-30\nlinks: {code: https://example.com/c, project: https://example.com/p}");
        site.Paper("beta", "Sed ut perspiciatis", "[2026-11-02]", "Nemo enim ipsam voluptatem.", "authors: [Ana Lopes]\nupvotes: 1");
        site.Paper("gamma", "Quis autem vel", "[2026-11-16]", "", "authors: [Ana Lopes]\ntopics: [diffusion]");
        site.Paper("delta", "At vero eos", "[2026-12-01]", "Et harum quidem.", "topics: [diffusion]");
        return site;
    }

    /// <summary>
    /// Every text of the page a reader sees or hears: text outside scripts, the attributes that are read
    /// out or shown, what the reading list's script shows (the attributes of /saved/'s root, and the
    /// templates it copies controls from), but not the COinS title, which only reference managers read.
    /// </summary>
    private static string Shown(IDocument page)
    {
        foreach (var script in page.QuerySelectorAll("script, span.Z3988").ToList()) script.Remove();
        var shown = new List<string> { page.DocumentElement.TextContent };
        var elements = page.All.Concat(page.QuerySelectorAll("template").Cast<IHtmlTemplateElement>()
            .SelectMany(t => { shown.Add(t.Content.TextContent); return t.Content.QuerySelectorAll("*"); })).ToList();
        foreach (var element in elements)
            foreach (var attribute in element.Attributes)
                if (attribute.Name is "aria-label" or "title" or "placeholder" or "alt" || attribute.Name.StartsWith("data-text-", StringComparison.Ordinal)
                    || (element.HasAttribute("data-saved-root") && attribute.Name != "class")
                    || (attribute.Name == "content" && element.LocalName == "meta" && element.GetAttribute("name") is "description" || element.GetAttribute("property") is "og:title" or "og:description"))
                    shown.Add(attribute.Value);
        return string.Join("\n", shown);
    }

    /// <summary>
    /// The words of each English string that its French one does not share: the string cut at its
    /// values ({name}) and tags, each piece with a letter in it. "RSS", "arXiv" or "Code" are French too.
    /// </summary>
    private static List<(string Key, string Words)> EnglishWords()
    {
        var english = Flat(StringsFile("en"));
        var french = Flat(StringsFile("fr"));
        var words = new List<(string, string)>();
        // A French string written as the English one is a string not translated, but for these names and words French shares.
        var same = english.Keys.Where(k => french.TryGetValue(k, out var f) && f == english[k]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["dates.month", "dates.week_end", "dates.week_start", "footer.contact", "links.arxiv", "links.code", "links.hf", "links.pdf", "paper.arxiv", "paper.organisation",
            "search.result_code", "topic_month.page", "topic_month.pages"], same);
        foreach (var (key, value) in english)
        {
            if (key == "plural" || key.StartsWith("dates.", StringComparison.Ordinal)) continue; // checked as dates below
            var theirs = french[key];
            foreach (var piece in Regex.Split(value, @"\{\w+\}|<[^>]*>|&\w+;"))
            {
                var trimmed = piece.Trim(' ', '.', ',', ':', ';', '(', ')', '#', '+', '←', '→', '\'');
                if (trimmed.Any(char.IsLetter) && !theirs.Contains(trimmed, StringComparison.Ordinal)) words.Add((key, trimmed));
            }
        }
        return words;
    }

    /// <summary>A strings file as key and text, a count's forms as two entries.</summary>
    private static Dictionary<string, string> Flat(string path)
    {
        var yaml = new YamlDotNet.RepresentationModel.YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(path)));
        var flat = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(YamlDotNet.RepresentationModel.YamlNode node, string key)
        {
            switch (node)
            {
                case YamlDotNet.RepresentationModel.YamlScalarNode scalar: flat[key] = scalar.Value ?? ""; break;
                case YamlDotNet.RepresentationModel.YamlSequenceNode list: flat[key] = string.Join(" ", list.Children.Select(c => ((YamlDotNet.RepresentationModel.YamlScalarNode)c).Value)); break;
                case YamlDotNet.RepresentationModel.YamlMappingNode map:
                    foreach (var (k, v) in map.Children) Walk(v, key.Length == 0 ? ((YamlDotNet.RepresentationModel.YamlScalarNode)k).Value! : key + "." + ((YamlDotNet.RepresentationModel.YamlScalarNode)k).Value);
                    break;
            }
        }
        Walk(yaml.Documents[0].RootNode, "");
        return flat;
    }

    [Fact]
    public void A_site_built_in_French_shows_no_English_string_outside_paper_text_and_says_fr_on_every_page()
    {
        using var site = FrenchSite();
        site.Search = true; // the search page and its script's words
        var result = site.Build();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("warning", result.Errors); // French has every string

        var words = EnglishWords();
        Assert.Contains(("header.latest", "Latest"), words);
        var months = "January February March April May June July August September October November December".Split(' ');
        var pages = Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories)
            .Where(p => !p.Contains(Path.DirectorySeparatorChar + "pagefind" + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList();
        Assert.True(pages.Count > 15, $"{pages.Count} pages");
        Assert.Contains(pages, p => p.EndsWith(Path.Combine("search", "index.html"), StringComparison.Ordinal));
        Assert.Contains(pages, p => p.Contains(Path.Combine("top", "week"), StringComparison.Ordinal));
        Assert.Contains(pages, p => p.Contains(Path.Combine("top", "month"), StringComparison.Ordinal));
        Assert.Contains(pages, p => p.EndsWith(Path.Combine("saved", "index.html"), StringComparison.Ordinal));
        Assert.Contains(pages, p => p.Contains(Path.Combine("authors", "ana-lopes"), StringComparison.Ordinal));
        var found = new List<string>();
        foreach (var path in pages)
        {
            var relative = Path.GetRelativePath(site.Output, path);
            var page = site.Html(relative);
            Assert.True(page.DocumentElement.GetAttribute("lang") == "fr", $"{relative}: lang={page.DocumentElement.GetAttribute("lang")}");
            var shown = Shown(page);
            foreach (var (key, english) in words)
                if (Regex.IsMatch(shown, $@"(?<!\w){Regex.Escape(english)}(?!\w)"))
                    found.Add($"{relative}: '{english}' ({key})");
            foreach (var month in months.Where(m => Regex.IsMatch(shown, $@"\b{m}\b"))) found.Add($"{relative}: {month}");
            foreach (Match date in Regex.Matches(shown, @"\b\d{4}-\d{2}-\d{2}\b")) found.Add($"{relative}: a day written {date.Value}");
        }
        Assert.True(found.Count == 0, string.Join("\n", found));

        // The language's own formats, and its plural: 0 and 1 singular in French.
        Assert.Equal("En tendance le 1er décembre 2026", site.Html("days/2026-12-01/index.html").QuerySelector("h1")!.TextContent);
        Assert.Equal(["décembre 2026", "novembre 2026"], site.Html("days/index.html").QuerySelectorAll("section h2").Select(h => h.TextContent));
        Assert.Contains("(1 article)", site.Html("days/index.html").QuerySelector(".day-list")!.TextContent);

        // Top pages: their labels, spans of days and "as of" days are French, a closed one's and the open one's.
        var november = site.Html("top/month/2026-11/index.html");
        Assert.Equal("Les plus votés, novembre 2026", november.QuerySelector("h1")!.TextContent);
        Assert.Equal("3 articles ont été en tendance du 1er nov. au 30 nov. 2026 ; voici les 2 plus votés. Votes au 16 novembre 2026 : "
            + "le décompte de chaque article a été relevé lors de son dernier jour de tendance.", november.QuerySelector(".lede")!.TextContent);
        Assert.Equal("Les plus votés, novembre 2026 · Archive essai", november.Title);
        var week = site.Html("top/week/2026-W49/index.html");
        Assert.StartsWith("Jusqu'ici, 1 article a été en tendance du 30 nov. au 6 déc. 2026.", week.QuerySelector(".lede")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("semaine 2026-W49", site.Html("days/2026-12-01/index.html").QuerySelector($"a[href$='/top/week/2026-W49/']")!.TextContent);
        // The reading list's words, which reading.js shows from the page's attributes.
        Assert.Equal("{n} articles enregistrés.", site.Html("saved/index.html").QuerySelector("[data-saved-root]")!.GetAttribute("data-count-many"));
    }

    [Fact]
    public void Feeds_keep_their_standard_dates_and_take_the_languages_words()
    {
        using var site = FrenchSite();
        site.BuildOk();
        var rss = site.Text("feed.xml");
        Assert.Contains("<pubDate>Tue, 01 Dec 2026", rss);          // RFC 822, in English whatever the language
        Assert.Contains("votes au 16 novembre 2026", rss);           // the item's own words are French
        Assert.Contains("<lastmod>2026-12-01", site.Text("sitemap.xml"));
        Assert.Contains("<title>Archive essai : résumé quotidien</title>", site.Text("digest.xml"));
    }

    [Fact]
    public void A_missing_string_falls_back_to_English_and_the_build_names_it()
    {
        var themes = TestFiles.CopyDefaultTheme(_themes.Path);
        // A German begun: its plural rule, its dates and one word of the header.
        _themes.Write("default/strings/de.yml", """
            plural: one
            dates:
              months: [Januar, Februar, März, April, Mai, Juni, Juli, August, September, Oktober, November, Dezember]
              months_short: [Jan., Feb., März, Apr., Mai, Juni, Juli, Aug., Sep., Okt., Nov., Dez.]
              day: "{d}. {MMMM} {yyyy}"
              month: "{MMMM} {yyyy}"
              week_start: "{d}. {MMM}"
              week_end: "{d}. {MMM} {yyyy}"
              week: "{start} bis {end}"
            header:
              latest: Neueste
            """);
        using var site = FrenchSite("de");
        site.Themes = themes;
        var result = site.Build();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("warning: the strings of 'de' lack", result.Errors);
        Assert.Contains("footer.contact", result.Errors);
        Assert.DoesNotContain("header.latest,", result.Errors);

        var home = site.Html("index.html");
        Assert.Equal("de", home.DocumentElement.GetAttribute("lang"));
        var nav = home.QuerySelectorAll("nav[aria-label] a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Neueste", "Days", "Topics", "Subscribe", "Saved"], nav);
        Assert.Equal("Trending on 1. Dezember 2026", home.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void A_language_with_no_strings_file_is_shown_in_English_and_the_build_says_so()
    {
        using var site = FrenchSite("pt-BR");
        var result = site.Build();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("language 'pt-BR' has no strings file in the theme (strings/pt.yml or strings/pt-BR.yml)", result.Errors);
        Assert.Equal("Latest", site.Html("index.html").QuerySelector("nav[aria-label] a")!.TextContent);
        Assert.Equal("pt-BR", site.Html("index.html").DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public void A_theme_replaces_single_strings_and_a_rebuild_renders_the_pages_that_show_them()
    {
        var themes = TestFiles.CopyDefaultTheme(_themes.Path);
        _themes.Write("mine/strings/fr.yml", "header:\n  latest: Nouveautés\n");
        using var site = FrenchSite(theme: "mine");
        site.Themes = themes;
        site.BuildOk();
        var home = site.Html("index.html");
        Assert.Equal("Nouveautés", home.QuerySelector("nav[aria-label] a")!.TextContent);
        Assert.Equal("Jours", home.QuerySelectorAll("nav[aria-label] a")[1].TextContent); // the rest from the default theme's fr.yml

        _themes.Write("mine/strings/fr.yml", "header:\n  latest: Du jour\ndays:\n  empty: Rien.\n");
        var again = site.Build();
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.DoesNotContain(" 0 rendered", again.Output);
        foreach (var page in new[] { "index.html", "papers/alpha/index.html", "days/2026-11-02/index.html", "topics/diffusion/index.html" })
            Assert.Equal("Du jour", site.Html(page).QuerySelector("nav[aria-label] a")!.TextContent);
    }

    [Fact]
    public void A_broken_strings_file_is_an_error_naming_its_file_and_line()
    {
        var themes = TestFiles.CopyDefaultTheme(_themes.Path);
        _themes.Write("mine/strings/fr.yml", "header:\n  latest: [Nouveautés\nfooter:\n  contact: Contact\n");
        _themes.Write("other/strings/fr.yml", "counts:\n  papers: Articles\n");
        using var site = FrenchSite(theme: "mine");
        site.Themes = themes;
        var result = site.Build();
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"mine/strings/fr\.yml:\d+: ", result.Errors);

        using var other = FrenchSite(theme: "other");
        other.Themes = themes;
        var wrongKind = other.Build();
        Assert.Equal(1, wrongKind.ExitCode);
        Assert.Contains("other/strings/fr.yml:2: 'counts.papers' is a text here, and a count (one and other)", wrongKind.Errors);
    }

    [Fact]
    public void A_template_asking_for_a_string_there_is_not_fails_naming_the_template_its_line_and_the_key()
    {
        var themes = TestFiles.CopyDefaultTheme(_themes.Path);
        _themes.Write("mine/layouts/day.liquid", "<h1>{{ 'day.nope' | t }}</h1>\n");
        using var site = FrenchSite(theme: "mine");
        site.Themes = themes;
        var result = site.Build();
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("mine/layouts/day.liquid:1: template error: {{ 'day.nope' | t }}", result.Errors);
        Assert.Contains("'day.nope'", result.Errors);
    }

    [Theory]
    [InlineData("fr", 0, "0 article")]
    [InlineData("fr", 1, "1 article")]
    [InlineData("fr", 2, "2 articles")]
    [InlineData("en", 0, "0 papers")]
    [InlineData("en", 1, "1 paper")]
    [InlineData("en", 119, "119 papers")]
    public void Counts_take_the_languages_plural_rule(string language, int count, string shown)
    {
        var strings = UiStrings.Load(new ThemeFiles(Path.Combine(Repo.Root, "themes"), "default"), language);
        Assert.Equal(shown, strings.Count("counts.papers", count));
    }

    [Theory]
    [InlineData("en", "2026-12-07", "2026-12-07", "December 2026", "7 Dec to 13 Dec 2026")]
    [InlineData("fr", "2026-12-07", "7 décembre 2026", "décembre 2026", "7 déc. au 13 déc. 2026")]
    [InlineData("fr", "2026-08-01", "1er août 2026", "août 2026", "1er août au 7 août 2026")]
    [InlineData("en", "2025-12-29", "2025-12-29", "December 2025", "29 Dec 2025 to 4 Jan 2026")]
    [InlineData("fr", "2025-12-29", "29 décembre 2025", "décembre 2025", "29 déc. 2025 au 4 janv. 2026")]
    public void Days_months_and_weeks_are_written_as_the_language_writes_them(string language, string iso, string day, string month, string week)
    {
        var strings = UiStrings.Load(new ThemeFiles(Path.Combine(Repo.Root, "themes"), "default"), language);
        var date = DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(day, strings.Day(date));
        Assert.Equal(month, strings.Month(date.Year, date.Month));
        Assert.Equal(week, strings.Range(date, date.AddDays(6)));
    }
}
