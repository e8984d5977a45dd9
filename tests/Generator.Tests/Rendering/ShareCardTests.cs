using System.Buffers.Binary;
using System.Xml.Linq;
using PaperTrail.Rendering;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Rendering;

/// <summary>
/// Share cards: a link to any page unfurls with a picture. Every og:image a page names is a PNG the
/// build wrote, 1200×630, the same bytes on every build and every machine (drawn with the theme's
/// font only), with whatever text a title holds drawn as text.
/// </summary>
public sealed class ShareCardTests : IDisposable
{
    // A site title of markup: it is drawn on every card, so every card's SVG must stay well-formed.
    private const string Hostile = "<script>alert(1)</script> & \"Friends\" 'Archive'";
    private readonly FixtureSite _site;

    public ShareCardTests()
    {
        _site = new FixtureSite($"title: '{Hostile.Replace("'", "''")}'\nbase_url: https://example.org/sub/\ndescription: A test archive.\nlanguage: en\n");
        // Three weeks: the two closed ones get pages of their own.
        _site.Paper("a", "Denoising Diffusion One", "[2026-11-03]", "A diffusion model.", extra: "topics: [diffusion-models]\nupvotes: 3")
            .Paper("b", "Policy Gradients", "[2026-11-11]", "Reinforcement learning.", extra: "topics: [reinforcement-learning]\nupvotes: 5")
            .Paper("c", "Diffusion Policies", "[2026-11-18]", "Both.", extra: "topics: [diffusion-models, reinforcement-learning]");
    }

    public void Dispose() => _site.Dispose();

    [Fact]
    public void Every_og_image_is_a_1200_by_630_png_the_build_wrote()
    {
        _site.BuildOk();
        var pages = Directory.GetFiles(_site.Output, "*.html", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/.paper-trail/", StringComparison.Ordinal)).ToList();
        var images = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var relative = Path.GetRelativePath(_site.Output, page);
            var html = _site.Html(relative);
            if (html.QuerySelector("meta[http-equiv=refresh]") is not null) continue; // a redirect page
            string Meta(string selector) => html.QuerySelector(selector)?.GetAttribute("content") ?? "";
            var image = Meta("meta[property='og:image']");
            Assert.True(image.StartsWith("https://example.org/sub/cards/", StringComparison.Ordinal), $"{relative}: og:image is '{image}'");
            Assert.Equal("summary_large_image", Meta("meta[name='twitter:card']"));
            Assert.Equal("1200", Meta("meta[property='og:image:width']"));
            Assert.Equal("630", Meta("meta[property='og:image:height']"));
            Assert.NotEqual("", Meta("meta[property='og:image:alt']"));
            images.Add(image);
        }
        foreach (var image in images)
        {
            var file = Path.Combine(_site.Output, image["https://example.org/sub/".Length..]);
            Assert.True(File.Exists(file), $"{image} names no file the build wrote");
            Assert.Equal((1200, 630), PngSize(File.ReadAllBytes(file)));
        }
        // The site's card, each day's, each topic's (a topic's months show the topic's), each week's and month's.
        Assert.Contains("https://example.org/sub/cards/site.png", images);
        Assert.Contains("https://example.org/sub/cards/days/2026-11-03.png", images);
        Assert.Contains("https://example.org/sub/cards/topics/diffusion-models.png", images);
        Assert.Contains("https://example.org/sub/cards/top/week/2026-W45.png", images);
        Assert.Contains("https://example.org/sub/cards/top/month/2026-11.png", images);
        Assert.Equal("https://example.org/sub/cards/topics/diffusion-models.png",
            _site.Html("topics/diffusion-models/2026/11/index.html").QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
    }

    [Fact]
    public void Two_builds_draw_the_same_bytes()
    {
        _site.BuildOk();
        using var other = new TempDir();
        var result = Generator.Run("build", "--content", _site.Content, "--output", other.Path, "--themes", _site.Themes, "--no-search");
        Assert.True(result.ExitCode == 0, result.ToString());
        var cards = Directory.GetFiles(Path.Combine(_site.Output, "cards"), "*.png", SearchOption.AllDirectories);
        Assert.True(cards.Length == 11, $"{cards.Length} cards, not the site's, 3 days', 3 topics', 3 weeks' and 1 month's");
        foreach (var card in cards)
            Assert.True(File.ReadAllBytes(card).SequenceEqual(File.ReadAllBytes(Path.Combine(other.Path, Path.GetRelativePath(_site.Output, card)))),
                $"{Path.GetRelativePath(_site.Output, card)} differs between two builds");
    }

    [Fact]
    public void A_new_day_draws_only_its_own_card()
    {
        _site.BuildOk();
        var before = Directory.GetFiles(Path.Combine(_site.Output, "cards"), "*.png", SearchOption.AllDirectories)
            .ToDictionary(f => f, File.ReadAllBytes, StringComparer.Ordinal);
        _site.Paper("d", "Diffusion Again", "[2026-11-19]", "A diffusion model.", extra: "topics: [diffusion-models]");
        var rebuild = _site.Build("--verbose");
        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        // The day's card is new; no other card (its topic's, the site's, another day's) is drawn again.
        Assert.Contains("card: 1 rendered (1 new), 1 written", rebuild.Output, StringComparison.Ordinal);
        Assert.All(before, card => Assert.Equal(card.Value, File.ReadAllBytes(card.Key)));
    }

    [Fact]
    public void A_title_of_markup_is_drawn_as_its_text()
    {
        using var themes = new TempDir();
        var design = Design(themes, "DejaVu Sans");
        var svg = XDocument.Parse(design.Template.Fill(new Dictionary<string, string> { ["title_1"] = Hostile, ["site"] = "x" }));
        Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "text" && e.Value == Hostile);
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName == "script");

        var drawn = ShareCardDrawer.Draw(design, "example.org", new ShareCard(Hostile, "subtitle"));
        var plain = ShareCardDrawer.Draw(design, "example.org", new ShareCard("", "subtitle"));
        Assert.Equal((1200, 630), PngSize(drawn));
        Assert.NotEqual(plain, drawn); // the title is drawn, not lost
    }

    [Fact]
    public void Cards_are_drawn_with_the_theme_font_only()
    {
        // A monospaced font of the machine (Debian's DejaVu Sans Mono or Liberation Mono, which Skia finds
        // among the system's fonts): a card asking for it is still drawn with the theme's font.
        var machineFont = SkiaSharp.SKFontManager.Default.FontFamilies.Order(StringComparer.Ordinal).FirstOrDefault(f => f.Contains("Mono", StringComparison.Ordinal)) ?? "Liberation Mono";
        using var machineThemes = new TempDir();
        using var missingThemes = new TempDir();
        var card = new ShareCard("Attention Is All You Need", "12 papers");
        Assert.Equal(ShareCardDrawer.Draw(Design(missingThemes, "No Such Font"), "example.org", card),
            ShareCardDrawer.Draw(Design(machineThemes, machineFont), "example.org", card));

        // A character the font lacks is drawn as the replacement character from the same font, never from a font of the machine.
        using var themes = new TempDir();
        var design = Design(themes, "No Such Font");
        Assert.Equal(ShareCardDrawer.Draw(design, "example.org", new ShareCard("Tokens \uFFFD\uFFFD", "")),
            ShareCardDrawer.Draw(design, "example.org", new ShareCard("Tokens 中文", "")));
    }

    [Fact]
    public void A_long_title_wraps_over_three_lines_ending_in_an_ellipsis()
    {
        using var themes = new TempDir();
        var design = Design(themes, "DejaVu Sans");
        using var font = new SkiaSharp.SKFont(design.Typeface(), design.Template.TitleSize);
        var title = string.Join(' ', Enumerable.Repeat("Scaling diffusion transformers", 8));
        var lines = TitleWrap.Lines(title, font, design.Template.TitleWidth);
        Assert.Equal(3, lines.Count);
        Assert.EndsWith("…", lines[2], StringComparison.Ordinal);
        Assert.All(lines, l => Assert.True(font.MeasureText(l) <= design.Template.TitleWidth, $"'{l}' is wider than the card"));
        Assert.Equal(["Short"], TitleWrap.Lines("Short", font, design.Template.TitleWidth));
        // One word wider than the card is broken where it reaches the edge.
        var word = new string('W', 40);
        var broken = TitleWrap.Lines(word, font, design.Template.TitleWidth);
        Assert.Equal(word, string.Concat(broken));
        Assert.True(broken.Count > 1);
        Assert.All(broken, l => Assert.True(font.MeasureText(l) <= design.Template.TitleWidth, $"'{l}' is wider than the card"));
    }

    [Fact]
    public void An_unknown_placeholder_names_the_template_and_line()
    {
        using var themes = new TempDir();
        TestFiles.CopyDefaultTheme(themes.Path);
        var template = Path.Combine(themes.Path, "default", "cards", "card.svg");
        File.WriteAllText(template, File.ReadAllText(template).Replace("{{subtitle}}", "{{ page.title }}"));
        using var site = new FixtureSite { Themes = themes.Path };
        site.Paper("a", "A Paper", "[2026-11-03]");
        var result = site.Build();
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"card\.svg:\d+: unknown placeholder '\{\{ page\.title \}\}'", result.Errors);
    }

    [Fact]
    public void A_text_is_drawn_where_the_template_puts_it()
    {
        // The default template's texts are drawn over a picture of the rest; one moved by a transform
        // is drawn from the whole SVG. Either way the title is where the template says.
        using var plainThemes = new TempDir();
        using var movedThemes = new TempDir();
        var plain = Design(plainThemes, "DejaVu Sans");
        var moved = Design(movedThemes, "DejaVu Sans", svg => svg
            .Replace("<text x=\"80\" y=\"250\">{{title_1}}</text>", "<text x=\"80\" y=\"250\" transform=\"translate(0 240)\">{{title_1}}</text>", StringComparison.Ordinal));
        Assert.NotNull(plain.Template.Slots);
        Assert.Null(moved.Template.Slots);
        var card = new ShareCard("Attention", "");

        var atTop = Ink(ShareCardDrawer.Draw(plain, "", card));
        var below = Ink(ShareCardDrawer.Draw(moved, "", card));
        Assert.InRange(atTop.Top, 190, 250); // a 64-pixel line on the baseline at 250
        // Svg.Skia lays text out on its own (shaped, rounded its way): the same place give or take a pixel or two.
        Assert.InRange(below.Top, atTop.Top + 238, atTop.Top + 242);
        Assert.InRange(below.Left, atTop.Left - 2, atTop.Left + 2);
    }

    [Fact]
    public void A_shape_drawn_after_a_text_covers_it()
    {
        // The template's order is the picture's: a box after the title hides it, on a template whose
        // texts are otherwise plain.
        using var themes = new TempDir();
        var design = Design(themes, "DejaVu Sans", svg => svg
            .Replace("</svg>", "<rect x=\"0\" y=\"150\" width=\"1200\" height=\"300\" fill=\"#fdfdfc\"/></svg>", StringComparison.Ordinal));
        Assert.Equal(ShareCardDrawer.Draw(design, "example.org", new ShareCard("", "subtitle")),
            ShareCardDrawer.Draw(design, "example.org", new ShareCard("Hidden Under A Box", "subtitle")));
    }

    [Fact]
    public void A_text_anchored_in_the_middle_is_centred()
    {
        using var themes = new TempDir();
        var design = Design(themes, "DejaVu Sans", svg => svg
            .Replace("<text x=\"80\" y=\"250\">", "<text x=\"600\" y=\"250\" text-anchor=\"middle\">", StringComparison.Ordinal));
        Assert.NotNull(design.Template.Slots);
        var ink = Ink(ShareCardDrawer.Draw(design, "", new ShareCard("Centred", "")));
        Assert.InRange((ink.Left + ink.Right) / 2, 590, 610);
    }

    /// <summary>The bounds of the card's dark pixels (text; the template's bars and rules are light or outside the title's band).</summary>
    private static SkiaSharp.SKRectI Ink(byte[] png)
    {
        using var bitmap = SkiaSharp.SKBitmap.Decode(png)!;
        int left = int.MaxValue, top = int.MaxValue, right = -1, bottom = -1;
        for (var y = 20; y < 540; y++)
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red > 128 || c.Green > 128) continue;
                (left, top, right, bottom) = (Math.Min(left, x), Math.Min(top, y), Math.Max(right, x), Math.Max(bottom, y));
            }
        Assert.True(right >= 0, "no text drawn");
        return new SkiaSharp.SKRectI(left, top, right, bottom);
    }

    /// <summary>The default theme's card design with its template asking for <paramref name="family"/>.</summary>
    private static ShareCardDesign Design(TempDir themes, string family, Func<string, string>? edit = null)
    {
        TestFiles.CopyDefaultTheme(themes.Path);
        var template = Path.Combine(themes.Path, "default", "cards", "card.svg");
        var svg = File.ReadAllText(template).Replace("font-family=\"DejaVu Sans\"", $"font-family=\"{family}\"");
        File.WriteAllText(template, edit is null ? svg : edit(svg));
        return ShareCardDesign.Find(new ThemeFiles(themes.Path, "default"))!;
    }

    /// <summary>A PNG's width and height, from its IHDR chunk; fails on anything that is not a PNG.</summary>
    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }), "not a PNG");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}
