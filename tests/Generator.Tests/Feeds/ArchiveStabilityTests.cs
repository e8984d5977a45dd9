using System.Text.Json.Nodes;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Feeds;

/// <summary>
/// A month's archive, once closed, is a record: a new day leaves every closed month's archive byte for
/// byte as it was, but for the archives of the papers that trended again that day (an update to those
/// papers: their upvotes, so their day's order, changed).
/// </summary>
public sealed class ArchiveStabilityTests : IDisposable
{
    private readonly CorpusSlice _slice = new();
    private readonly TempDir _dir = new();

    public void Dispose()
    {
        _slice.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void A_new_day_leaves_closed_months_archives_untouched_but_for_papers_trending_again()
    {
        // The papers that trend again first trended on 2025-11-21: 2025/11 archives may change.
        var closedBefore = ArchiveFiles().Where(f => !f.Contains("2026/07/", StringComparison.Ordinal) && !f.Contains("2025/11/", StringComparison.Ordinal))
            .ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(_slice.Output, f)));
        Assert.True(closedBefore.Count > 50, $"{closedBefore.Count} closed archives");
        var openBefore = File.ReadAllText(Path.Combine(_slice.Output, "archive/2026/07/atom.xml"));

        // The next day's answer: half its papers new, the other half papers of 2025-11-21 trending again.
        var day = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Corpus, "2025-11-21.json")))!.AsArray();
        for (var i = 0; i < day.Count; i++)
        {
            var item = day[i]!;
            var paper = item["paper"]!;
            // The day the daily page listed it.
            item["publishedAt"] = "2026-07-18T00:00:00.000Z";
            paper["submittedOnDailyAt"] = "2026-07-18T09:00:00.000Z";
            paper["upvotes"] = (paper["upvotes"]?.GetValue<int>() ?? 0) + 7;
            if (i % 2 == 0)
            {
                paper["id"] = $"2607.{99000 + i}";
                var title = $"A new paper number {i} on {item["title"]!.GetValue<string>()}";
                paper["title"] = title;
                item["title"] = title;
            }
        }
        var answer = _dir.Write("2026-07-18.json", day.ToJsonString());
        var ingest = Generator.Run("ingest", answer, "--content", _slice.Content, "--date", "2026-07-18");
        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.Contains($"{(day.Count + 1) / 2} new, {day.Count / 2} updated", ingest.Output);

        _slice.Build();

        foreach (var (file, bytes) in closedBefore)
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_slice.Output, file))), $"{file} changed");
        var openAfter = File.ReadAllText(Path.Combine(_slice.Output, "archive/2026/07/atom.xml"));
        Assert.NotEqual(openBefore, openAfter);
        Assert.Contains("A new paper number 0 on", openAfter);
    }

    private IEnumerable<string> ArchiveFiles() =>
        Directory.GetFiles(_slice.Output, "atom.xml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_slice.Output, f).Replace('\\', '/'))
            .Where(f => System.Text.RegularExpressions.Regex.IsMatch(f, @"\d{4}/\d\d/atom\.xml$"));
}
