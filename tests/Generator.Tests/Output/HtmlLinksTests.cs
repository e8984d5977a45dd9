using System.Text;
using AngleSharp.Html.Parser;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperTrail.Output;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Output;

/// <summary>
/// The link checker's reader finds the links a browser finds: checked on written cases, on
/// generated tag soup against AngleSharp (an HTML5 parser that follows the standard's tokenizer),
/// and on every page of a built site.
/// </summary>
public sealed class HtmlLinksTests
{
    private static List<string> Found(string html)
    {
        var bytes = Encoding.UTF8.GetBytes(html);
        var links = new List<HtmlLink>();
        HtmlLinks.Find(bytes, links);
        return links.Select(l => Encoding.UTF8.GetString(bytes, l.Start, l.Length)).ToList();
    }

    [Theory]
    [InlineData("<a href=\"/x/\">", "/x/")]
    [InlineData("<a href='/x/'>", "/x/")]
    [InlineData("<a href=/x/>", "/x/")]
    [InlineData("<A HREF=\"/x/\">", "/x/")]
    [InlineData("<a\nhref=\"/x/\">", "/x/")]
    [InlineData("<a\tclass=\"c\"\n  href = \"/x/\" >", "/x/")]
    [InlineData("<a title=\"x > y\" href=\"/x/\">", "/x/")]
    [InlineData("<a data-x=\"href=/nope/\" href=\"/x/\">", "/x/")]
    [InlineData("<div data-x=\"href=/nope/\">text</div>")]
    [InlineData("<p data-x='<a href=\"/nope/\">'>text</p>")]
    [InlineData("<div href=\"/nope/\">not a link element</div>")]
    [InlineData("<a href=\"/x/\" HREF=\"/nope/\">", "/x/")]
    [InlineData("</a href=\"/nope/\">")]
    [InlineData("<!-- <a href=\"/nope/\"> -->")]
    [InlineData("<!-- -- > <a href=\"/nope/\"> --!><a href=/x/>", "/x/")]
    [InlineData("<!--><a href=/x/>", "/x/")]
    [InlineData("<!DOCTYPE html><?pi <a href=/nope/> ?><a href=/x/>", "/x/")]
    [InlineData("<script>var s = '<a href=\"/nope/\">' + '</scr' + 'ipt>';</script><a href=\"/x/\">", "/x/")]
    [InlineData("<SCRIPT>document.write('<a href=/nope/>')</script ><a href=/x/>", "/x/")]
    [InlineData("<style>a[href=\"/nope/\"] { color: red }</style>")]
    [InlineData("<textarea><a href=\"/nope/\"></textarea><title><a href=/nope/></title>")]
    [InlineData("a < b and <3 <a href=/x/>", "/x/")]
    [InlineData("<script src=\"/app.js\"></script>", "/app.js")]
    [InlineData("<link rel=stylesheet href=/style.css><area href=/map/>", "/style.css", "/map/")]
    [InlineData("<img src=\"/a.png\" srcset=\"/a.png 1x, /b.png 2x\">", "/a.png", "/a.png 1x, /b.png 2x")]
    [InlineData("<video src=/v.mp4 poster=/p.png><source src=/v.webm><track src=/t.vtt></video>", "/v.mp4", "/p.png", "/v.webm", "/t.vtt")]
    [InlineData("<iframe src=/frame/><a href=/nope/></iframe>", "/frame/")]
    [InlineData("<a href=\"/x/\"")] // the page ends inside the tag: no element, no link
    public void Finds_the_links_a_browser_follows_and_nothing_else(string html, params string[] expected) =>
        Assert.Equal(expected, Found(html));

    [Theory]
    [InlineData("/a.png 1x, /b.png 2x", "/a.png", "/b.png")]
    [InlineData("/a.png, /b.png", "/a.png", "/b.png")]
    [InlineData("/a.png,/b.png", "/a.png,/b.png")] // no space: one URL with a comma in it, as a browser reads it
    [InlineData("/a.png, /b.png,", "/a.png", "/b.png")]
    [InlineData("  /a.png 100w ,\n /b.png 200w  ", "/a.png", "/b.png")]
    [InlineData("/a.png", "/a.png")]
    [InlineData("data:image/png;base64,AAAA 1x, /b.png 2x", "data:image/png;base64,AAAA", "/b.png")]
    [InlineData("/a.png (max-width: 1px, 2px) 1x, /b.png", "/a.png", "/b.png")]
    public void A_srcset_gives_every_candidate_url(string srcset, params string[] expected) =>
        Assert.Equal(expected, LinkChecker.SrcsetUrls(srcset));

    /// <summary>Which attributes of which elements are links: the standard's, written out again here on purpose.</summary>
    private static readonly Dictionary<string, string[]> LinkAttributes = new()
    {
        ["a"] = ["href"], ["area"] = ["href"], ["link"] = ["href"],
        ["img"] = ["src", "srcset"], ["source"] = ["src", "srcset"], ["video"] = ["src", "poster"],
        ["audio"] = ["src"], ["embed"] = ["src"], ["iframe"] = ["src"], ["input"] = ["src"], ["script"] = ["src"], ["track"] = ["src"],
    };

    private static HashSet<string> FoundByAngleSharp(string html) =>
        new HtmlParser().ParseDocument(html).All
            .SelectMany(e => LinkAttributes.GetValueOrDefault(e.LocalName, []).Select(e.GetAttribute))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Documents made of the pieces that trip a span search: every quoting, case and spacing, comments, raw text, stray '&lt;'.</summary>
    public static class TagSoup
    {
        private static Gen<string> Cased(string name) =>
            Gen.Elements(name, name.ToUpperInvariant(), char.ToUpperInvariant(name[0]) + name[1..]);

        private static readonly Gen<string> Space = Gen.Elements(" ", "\n", "\t", "  \n\t ", " / ");

        private static readonly Gen<string> Attribute =
            from name in Gen.Elements("href", "src", "srcset", "poster", "data-x", "class", "title", "alt").SelectMany(Cased)
            from form in Gen.Choose(0, 4)
            from value in Gen.Elements("/x/", "/y/?q=1", "href=/nope/", "", "/a.png 1x, /b.png 2x")
            from quoted in Gen.Elements("a > b", "it's", "/p q/", "<a href=/in-value/>")
            from around in Gen.Elements("", " ", "\n")
            select form switch
            {
                0 => name,                                                                            // no value
                1 => $"{name}{around}={around}\"{value}{(quoted.Contains('"') ? "" : quoted)}\"",
                2 => $"{name}{around}='{value}{(quoted.Contains('\'') ? "" : quoted)}'",
                3 => value.Length == 0 || value.Contains(' ') ? $"{name}=/u/" : $"{name}={value}",      // unquoted
                _ => $"{name}=a'b\"c",                                                                  // quotes inside an unquoted value
            };

        private static readonly Gen<string> Tag =
            from name in Gen.Elements("a", "img", "image", "link", "area", "source", "video", "audio", "embed", "input", "track", "div", "span", "p", "data").SelectMany(Cased)
            from attributes in Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Gen.Zip(Space, Attribute).Select(p => p.Item1 + p.Item2), n))
            from end in Gen.Elements(">", " >", "/>", "\n>")
            select $"<{name}{string.Concat(attributes)}{end}";

        private static readonly Gen<string> EndTag =
            from name in Gen.Elements("a", "div", "p", "span").SelectMany(Cased)
            from attribute in Gen.Elements("", " href=\"/in-end-tag/\"", " x")
            select $"</{name}{attribute}>";

        private static readonly Gen<string> RawText =
            from name in Gen.Elements("script", "style", "textarea", "title", "iframe", "xmp", "noembed", "noframes")
            from attribute in Gen.Elements("", " src=/s.js", " type=module")
            from content in Gen.Elements("", "<a href=\"/nope/\">", "if (a < b) x = '</scrip' + 't>';", "a[href='/nope/'] {}", "</scriptx>", "</styles>")
            from close in Gen.Elements(">", " >", "\n>", "/>")
            from openCase in Cased(name)
            from closeCase in Cased(name)
            select $"<{openCase}{attribute}>{content}</{closeCase}{close}";

        private static readonly Gen<string> Other = Gen.Elements(
            "text", "a < b", "<3", "<", "</ >", "</>", "<!x>", "<?php echo 1 ?>", "<!DOCTYPE html>",
            "<!-- c -->", "<!-- x > <a href=/in-comment/> -->", "<!-->", "<!--->", "<!---->", "<!-- <a href=/in-comment/> --!>", "<!-- -- > -->", "<!-- <a href='/x/'> -->");

        public static Arbitrary<string> Documents() =>
            Gen.Frequency((4, Tag), (2, EndTag), (1, RawText), (2, Other))
                .ArrayOf()
                .Select(string.Concat)
                .ToArbitrary();
    }

    [Property(Arbitrary = [typeof(TagSoup)], MaxTest = 2000, EndSize = 60)]
    public bool Finds_what_an_html5_parser_finds_in_tag_soup(string html) =>
        Found(html).ToHashSet(StringComparer.Ordinal).SetEquals(FoundByAngleSharp(html));

    [Fact]
    public void Finds_what_an_html5_parser_finds_on_every_page_of_a_built_site()
    {
        using var site = new FixtureSite()
            .Paper("a", "Paper A", "[2026-11-27]", "An abstract with a [link](https://arxiv.org/abs/2401.00001) and $x < y$.", "arxiv: \"2401.00001\"\ntopics: [diffusion-models]")
            .Paper("b", "Paper B", "[2026-11-28]")
            .BuildOk();
        var pages = Directory.GetFiles(site.Output, "*.html", SearchOption.AllDirectories);
        Assert.True(pages.Length > 10);

        foreach (var page in pages)
        {
            var html = File.ReadAllText(page);
            var expected = FoundByAngleSharp(html);
            Assert.NotEmpty(expected);
            Assert.Equal(expected.Order(StringComparer.Ordinal), Found(html).Distinct().Order(StringComparer.Ordinal));
        }
    }
}
