using PaperTrail.Content;
using PaperTrail.Related;

namespace PaperTrail.Tests.Incremental;

/// <summary>
/// Related papers worked out from the last build's lists (only the papers whose scores changed are
/// searched) are exactly the lists a search of the whole archive gives, through chains of rebuilds
/// with papers added, edited and removed. The archives are big enough (400 papers over a small
/// vocabulary) that posting lists are pruned and most papers have more candidates than are kept.
/// </summary>
public sealed class RelatedRebuildTests
{
    private static readonly string[] Vocabulary = Enumerable.Range(0, 40).Select(Word).ToArray();

    /// <summary>Made-up words that no stemmer shortens: consonant-vowel syllables.</summary>
    private static string Word(int n)
    {
        const string consonants = "bdfgklmnprtvz", vowels = "aeiou";
        var word = "";
        for (var k = 0; k < 3; k++, n /= 7) word += $"{consonants[(n * 5 + k) % consonants.Length]}{vowels[(n + k) % vowels.Length]}";
        return word + "x";
    }

    private static Paper RandomPaper(Random random, string slug, int day)
    {
        // A few topic words, repeated, and a few others: papers share terms at many strengths.
        var focus = Enumerable.Range(0, 3).Select(_ => Vocabulary[random.Next(5)]).ToArray();
        var words = Enumerable.Range(0, 12).Select(_ => random.Next(3) == 0 ? Vocabulary[random.Next(Vocabulary.Length)] : focus[random.Next(focus.Length)]);
        return new Paper
        {
            Title = $"{Vocabulary[random.Next(Vocabulary.Length)]} {focus[0]}",
            Slug = slug,
            Abstract = string.Join(' ', words) + ".",
            Trending = [new DateOnly(2026, 1, 1).AddDays(day)],
        };
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> Compute(List<Paper> papers, TermFrequencies reference, RelatedState? previous, out RelatedState next) =>
        RelatedPapers.Compute(papers, reference, new TermTable([]), new (int, float)[]?[papers.Count], previous, out next);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Lists_from_the_last_build_equal_a_full_search_after_every_change(int seed)
    {
        var random = new Random(seed);
        var papers = Enumerable.Range(0, 400).Select(i => RandomPaper(random, $"p{i:000}", random.Next(300))).ToList();
        // Every word weighs something, and differently: the topic words' posting lists outgrow the pruning.
        var reference = TermFrequencies.Parse("test",
            "papers 10000\n" + string.Join('\n', Vocabulary.Select((w, i) => $"{PaperTrail.Content.TextTokens.Stem(w)} {20 + 37 * i}")), [])!;
        Compute(papers, reference, null, out var state);
        var searchedAgain = 0;

        var direct = 0;
        for (var round = 0; round < 4; round++)
        {
            direct += 9;
            for (var k = 0; k < 6; k++) papers.Insert(random.Next(papers.Count + 1), RandomPaper(random, $"n{round}-{k}", random.Next(300)));
            for (var k = 0; k < 3; k++)
            {
                var at = random.Next(papers.Count);
                papers[at] = RandomPaper(random, papers[at].Slug, papers[at].FirstTrending.DayNumber % 300);
            }
            for (var k = 0; k < 2; k++) papers.RemoveAt(random.Next(papers.Count));

            var incremental = Compute(papers, reference, state, out var next);
            var full = Compute(papers, reference, null, out _);

            Assert.Equal(full.Count, incremental.Count);
            Assert.All(full, list => Assert.Equal(list.Value, incremental[list.Key]));
            searchedAgain += next.Papers.Count(p => !state.Papers.TryGetValue(p.Key, out var before) || before.Hash != p.Value.Hash);
            state = next;
        }
        // What the test means to cover: papers searched again though their text is the same (their
        // place in a pruned list moved), and lists that do not hold every candidate.
        Assert.True(searchedAgain > direct, $"only the {searchedAgain} changed papers were searched again");
        Assert.Contains(state.Papers.Values, p => !p.Complete);
        // The point of the cache: over four rounds, fewer searches than one full search of the archive.
        Assert.InRange(searchedAgain, direct, papers.Count);
    }
}
