using PaperTrail.Commands;
using PaperTrail.Content;
using PaperTrail.Topics;

namespace LearnerProbe;

/// <summary>
/// Every paper the probe touches, in one table: the labelled training set (train.jsonl then
/// train-more.jsonl, folds i mod 5 over it), the test split, and the unlabelled pool (corpus papers
/// in no labelled set). Each paper's terms are counted once, in the two ways the learners read them.
/// </summary>
internal sealed class Documents
{
    public required Taxonomy Taxonomy { get; init; }
    public required List<LabelledPaper> Train { get; init; }
    public required List<LabelledPaper> Test { get; init; }
    public required List<Paper> Pool { get; init; }

    /// <summary>Per document (train, then test, then pool): term → count, title terms counted TitleWeight times (as the generator).</summary>
    public required List<Dictionary<string, int>> Mixed { get; init; }

    /// <summary>Per document: abstract terms as they are, title terms as their own namespace ("t:…"), each counted once per occurrence.</summary>
    public required List<Dictionary<string, int>> Namespaced { get; init; }

    /// <summary>Per document (train, then test, then pool): the paper.</summary>
    public required List<Paper> Papers { get; init; }

    public int TestStart => Train.Count;
    public int PoolStart => Train.Count + Test.Count;

    public static Documents Read(string root, string? corpus)
    {
        var problems = new List<ContentProblem>();
        var taxonomy = TopicsCommand.ReadTaxonomy(Path.Combine(root, "content"), problems);
        if (problems.Count > 0) throw new InvalidOperationException(string.Join("\n", problems));
        var known = taxonomy.Topics.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);
        List<LabelledPaper> Carried(string file) =>
            ClassifierEvaluation.Labelled(file, ClassifierEvaluation.PapersIn(file), out _).ToList();
        var train = Carried(Path.Combine(root, "bench/topics/labels/train.jsonl"));
        var test = Carried(Path.Combine(root, "bench/topics/labels/test.jsonl"));
        var seen = train.Concat(test).Select(l => TitleKey.Of(l.Paper.Title)).ToHashSet(StringComparer.Ordinal);
        var more = Carried(Path.Combine(root, "bench/topics/labels/train-more.jsonl")).Where(l => !seen.Contains(TitleKey.Of(l.Paper.Title))).ToList();
        // Training labels lose topics the taxonomy lacks, as `topics train` does; test labels are kept as written.
        var all = train.Concat(more).Select(l => l with { Topics = l.Topics.Where(known.Contains).ToList() }).ToList();
        var pool = new List<Paper>();
        if (corpus is not null && Directory.Exists(corpus))
        {
            var labelledIds = all.Concat(test).Select(l => l.Paper.Arxiv).Where(a => a is not null).ToHashSet(StringComparer.Ordinal);
            var labelledTitles = all.Concat(test).Select(l => TitleKey.Of(l.Paper.Title)).ToHashSet(StringComparer.Ordinal);
            var poolTitles = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in SourceFilePapers.Read([corpus]).OrderBy(p => p.Arxiv, StringComparer.Ordinal).ThenBy(p => p.Title, StringComparer.Ordinal))
            {
                var key = TitleKey.Of(p.Title);
                if (string.IsNullOrWhiteSpace(p.Abstract) || (p.Arxiv is not null && labelledIds.Contains(p.Arxiv)) || labelledTitles.Contains(key) || !poolTitles.Add(key)) continue;
                pool.Add(p);
            }
        }
        var papers = all.Select(l => l.Paper).Concat(test.Select(l => l.Paper)).Concat(pool).ToList();
        var tokens = papers.Select(p => PaperTokens.Of(p)).ToList();
        Console.Error.WriteLine($"train+more {all.Count} ({train.Count}+{more.Count}), test {test.Count}, unlabelled pool {pool.Count}");
        return new Documents
        {
            Taxonomy = taxonomy, Train = all, Test = test, Pool = pool, Papers = papers,
            Mixed = tokens.Select(t => Count(t, TermVocabulary.TitleWeight, "")).ToList(),
            Namespaced = tokens.Select(t => Count(t, 1, "t:")).ToList(),
        };
    }

    private static Dictionary<string, int> Count(PaperTokens tokens, int titleWeight, string titlePrefix)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string[] words, int weight, string prefix)
        {
            for (var i = 0; i < words.Length; i++)
            {
                counts[prefix + words[i]] = counts.GetValueOrDefault(prefix + words[i]) + weight;
                if (i + 1 < words.Length)
                {
                    var pair = prefix + words[i] + " " + words[i + 1];
                    counts[pair] = counts.GetValueOrDefault(pair) + weight;
                }
            }
        }
        Add(tokens.Title, titleWeight, titlePrefix);
        Add(tokens.Abstract, 1, "");
        return counts;
    }
}
