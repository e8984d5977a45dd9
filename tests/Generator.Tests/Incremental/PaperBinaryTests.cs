using System.Collections;
using PaperTrail.Content;
using PaperTrail.Incremental;

namespace PaperTrail.Tests.Incremental;

/// <summary>The build cache keeps parsed papers as binary: every field must come back as it went in.</summary>
public sealed class PaperBinaryTests
{
    private static readonly Paper[] Samples =
    [
        new Paper { Title = "Minimal", Slug = "minimal" },
        new Paper
        {
            Title = "Everything \"set\" — ünïcode ✓",
            Slug = "everything",
            Arxiv = "2401.00001",
            Authors = ["Ada Lovelace", "Alan Turing"],
            Published = new DateOnly(2024, 1, 2),
            Trending = [new DateOnly(2024, 1, 3), new DateOnly(2024, 2, 1)],
            Topics = ["diffusion-models"],
            Links = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["code"] = "https://github.com/x/y", ["pdf"] = "https://arxiv.org/pdf/2401.00001" },
            Upvotes = 0,
            Comments = 12,
            AiSummary = "A one-line summary.",
            GithubStars = 101,
            GithubStarsAsOf = new DateOnly(2024, 2, 1),
            Organization = "TIGER-Lab",
            Ranks = new Dictionary<DateOnly, int> { [new DateOnly(2024, 2, 1)] = 3 },
            Categories = ["cs.LG", "cs.CV"],
            Hidden = true,
            RedirectTo = "other",
            Aliases = ["old-slug"],
            Abstract = "Line one with $x^2$.\n\nLine two.",
            Cut = [new FieldCut(2, "'title' has 6,000 characters, more than the 5,000 a title may have: the site shows it cut")],
        },
        new Paper { Title = "Empty topics", Slug = "empty", Topics = [], Upvotes = -3 },
    ];

    public static TheoryData<int> Papers() => new(Enumerable.Range(0, Samples.Length));

    [Theory]
    [MemberData(nameof(Papers))]
    public void Every_property_survives_a_round_trip(int sample)
    {
        var paper = Samples[sample];
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) PaperBinary.Write(writer, paper);
        buffer.Position = 0;
        var read = PaperBinary.Read(new BinaryReader(buffer));

        // Every public property, by reflection: a field added to Paper and forgotten in PaperBinary fails here.
        foreach (var property in typeof(Paper).GetProperties())
            Assert.True(Same(property.GetValue(paper), property.GetValue(read)), $"{property.Name} did not survive");
        Assert.Equal(buffer.Length, buffer.Position);
    }

    [Fact]
    public void The_sample_sets_every_property_of_a_paper()
    {
        var (bare, full) = (Samples[0], Samples[1]);
        foreach (var property in typeof(Paper).GetProperties().Where(p => p.Name != nameof(Paper.FirstTrending) && p.Name != nameof(Paper.Title) && p.Name != nameof(Paper.Slug)))
            Assert.False(Same(property.GetValue(full), property.GetValue(bare)), $"the full sample leaves {property.Name} at its default");
    }

    private static bool Same(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (string x, string y) => x == y,
        (IDictionary x, IDictionary y) => x.Count == y.Count && x.Keys.Cast<object>().All(k => y.Contains(k) && Equals(x[k], y[k])),
        (IEnumerable x, IEnumerable y) => x.Cast<object>().SequenceEqual(y.Cast<object>()),
        _ => Equals(a, b),
    };
}
