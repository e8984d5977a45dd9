using System.Globalization;
using PaperTrail.Content;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Content;

/// <summary>
/// Each file of content/ has a size its reader takes (<see cref="ContentFile"/>), far above any real
/// one; a larger file is not read. A paper file over it is left out like any paper that cannot be read;
/// site.yml, topics.yml or term-frequencies.txt over it stops the build, as any problem of theirs does.
/// </summary>
public sealed class FileSizeLimitTests : IDisposable
{
    private readonly FixtureSite _site = new FixtureSite().Paper("good", "A Good Paper", "[2026-11-28]");

    public void Dispose() => _site.Dispose();

    [Theory]
    [InlineData("site.yml", "title: Fixture Archive\nbase_url: https://example.org/\n", ContentFile.MaxSiteBytes, "more than the 65,536 site.yml may have")]
    [InlineData("topics.yml", FixtureSite.DefaultTopics + "\n", ContentFile.MaxTopicsBytes, "more than the 1,048,576 topics.yml may have")]
    [InlineData("term-frequencies.txt", "papers 10\ndiffus 3\n", ContentFile.MaxTermTableBytes, "more than the 16,777,216 term-frequencies.txt may have")]
    public void A_settings_file_over_its_size_stops_check_and_build(string file, string start, long cap, string message)
    {
        // Comments, so that the file is one its reader would otherwise take.
        const string filler = "# filler\n";
        var text = start + string.Concat(Enumerable.Repeat(filler, (int)(cap / filler.Length) + 1));
        _site.Write("content/" + file, text);

        var check = Generator.Run("check", "--content", _site.Content);
        var build = _site.Build();

        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.Contains($"{file}: has {text.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes, ", check.Errors);
        Assert.Contains(message + ", and is not read", check.Errors);
        Assert.True(build.ExitCode == 1, build.ToString());
        Assert.Contains(message, build.Errors);
    }

    [Fact]
    public void A_settings_file_just_within_its_size_is_read()
    {
        var text = "title: Fixture Archive\nbase_url: https://example.org/\n";
        text += string.Concat(Enumerable.Repeat("# filler\n", (int)((ContentFile.MaxSiteBytes - text.Length) / 9)));
        _site.Write("content/site.yml", text);

        var check = Generator.Run("check", "--content", _site.Content);

        Assert.True(check.ExitCode == 0, check.ToString());
    }

    [Fact]
    public void A_paper_file_over_its_size_is_left_out_and_the_rest_built()
    {
        _site.Write("content/papers/2026/11/big.md", "---\ntitle: \"Big\"\nslug: big\ntrending: [2026-11-28]\n---\n" + new string('x', (int)ContentFile.MaxPaperBytes));

        var build = _site.Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("big.md: has 1,048,630 bytes, more than the 1,048,576 a paper file may have, and is not read; this paper is left out of the site", build.Errors);
        Assert.True(_site.Exists("papers/good/index.html"));
        Assert.False(_site.Exists("papers/big/index.html"));
    }
}
