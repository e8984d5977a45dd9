using PaperTrail.Commands;
using PaperTrail.Content;
using PaperTrail.Topics;

namespace EmbedProbe;

/// <summary>The labelled sets the probe learns from and is measured on, read as the generator reads them.</summary>
internal sealed record LabelledSets(
    Taxonomy Taxonomy,
    IReadOnlyList<LabelledPaper> Train,
    IReadOnlyList<LabelledPaper> More,
    IReadOnlyList<(string Name, IReadOnlyList<LabelledPaper> Papers)> Evaluation)
{
    public const string MoreFile = "bench/topics/labels/train-more.jsonl"; // run from the repository root

    public IEnumerable<LabelledPaper> All => Train.Concat(More).Concat(Evaluation.SelectMany(e => e.Papers));

    public static LabelledSets Read(string root)
    {
        var problems = new List<ContentProblem>();
        var taxonomy = TopicsCommand.ReadTaxonomy(Path.Combine(root, "content"), problems);
        if (problems.Count > 0) throw new InvalidOperationException(string.Join("\n", problems));
        var known = taxonomy.Topics.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);
        // Training labels lose topics the taxonomy lacks (as `topics train` does); evaluation labels are kept as written.
        var train = Carried(Path.Combine(root, "bench/topics/labels/train.jsonl")).Select(l => l with { Topics = l.Topics.Where(known.Contains).ToList() }).ToList();
        var seen = train.Select(l => TitleKey.Of(l.Paper.Title)).ToHashSet(StringComparer.Ordinal);
        var test = Carried(Path.Combine(root, "bench/topics/labels/test.jsonl"));
        seen.UnionWith(test.Select(l => TitleKey.Of(l.Paper.Title)));
        var more = File.Exists(MoreFile)
            ? Carried(MoreFile).Where(l => !seen.Contains(TitleKey.Of(l.Paper.Title))).Select(l => l with { Topics = l.Topics.Where(known.Contains).ToList() }).ToList()
            : [];
        var seed = FromSource(Path.Combine(root, "tests/fixtures/labels/topics-dev.jsonl"), Path.Combine(root, "tests/fixtures/seed/trending-scrape.txt"));
        var llm = FromSource(Path.Combine(root, "bench/topics/labels-llm.jsonl"), Path.Combine(root, "tests/fixtures/corpus/labelled-llm.json"));
        Console.Error.WriteLine($"train {train.Count}, more {more.Count}, test {test.Count}, seed {seed.Count}, llm {llm.Count}");
        return new LabelledSets(taxonomy, train, more, [("test", test), ("seed", seed), ("llm", llm)]);
    }

    private static List<LabelledPaper> Carried(string labels) =>
        ClassifierEvaluation.Labelled(labels, ClassifierEvaluation.PapersIn(labels), out _).ToList();

    private static List<LabelledPaper> FromSource(string labels, string source) =>
        ClassifierEvaluation.Labelled(labels, SourceFilePapers.Read([source]), out _).ToList();
}
