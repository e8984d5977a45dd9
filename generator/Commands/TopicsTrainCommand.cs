using System.CommandLine;
using System.Text;
using PaperTrail.Content;
using PaperTrail.Errors;
using PaperTrail.Output;
using PaperTrail.Topics;

namespace PaperTrail.Commands;

/// <summary>
/// <c>generator topics train [--labels FILE…] [--output FILE] [--cross-validate]</c>: learns the topic
/// model from labelled papers (labels files, and the archive's papers whose topics a person wrote in
/// their front matter) and writes <c>content/topics-model.txt</c>, which builds then read. Run by a
/// person, rarely: builds never train.
/// </summary>
internal static class TopicsTrainCommand
{
    public static Command Create(CommandContext context)
    {
        var content = CommonOptions.Content();
        var labels = new Option<string[]>("--labels") { Description = "labels files (JSON lines with title, topics, and abstract or an id of a paper of the archive); default: bench/topics/labels/train.jsonl beside the archive, if there", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string?>("--output") { Description = $"where to write the model (default: <content>/{TopicModel.FileName}, which builds then use)" }.NamingAPath();
        var crossValidate = new Option<bool>("--cross-validate") { Description = "write nothing: print precision, recall and F1 of rules, model and both, each paper predicted by a model trained without it" };
        var subset = new Option<double>("--subset") { Description = "train on this share of the labelled papers (every n-th), for learning curves", DefaultValueFactory = _ => 1.0 };
        var keepRules = new Option<bool>("--keep-rule-topics") { Description = "let the model only add topics to those the rules give, never take one away (safer when new papers drift from the labelled ones)" };
        var command = new Command("train", "learn the topic model from labelled papers and write it into the archive") { content, labels, output, crossValidate, subset, keepRules };
        command.SetAction(result => context.Guarded(() =>
        {
            var dir = ContentFolder.Require(result.GetValue(content)!);
            var problems = new List<ContentProblem>();
            var taxonomy = TopicsCommand.ReadTaxonomy(dir, problems);
            var archive = ArchiveLoader.LoadPapers(dir, problems).Select(f => f.Paper).Where(p => !p.Hidden && p.RedirectTo is null).ToList();
            if (problems.Count > 0) throw new ContentException(problems);

            var files = result.GetValue(labels) is { Length: > 0 } given ? given : TopicsCommand.Beside(dir, "train.jsonl") is { } beside ? [beside] : [];
            var set = LabelledSet(taxonomy, archive, files, context.Errors);
            var share = result.GetValue(subset);
            if (share is <= 0 or > 1) throw new UsageException("--subset is a share of the labelled papers, more than 0 and at most 1");
            if (share < 1) set = set.Where((_, i) => Math.Floor((i + 1) * share) > Math.Floor(i * share)).ToList();
            var settings = new TrainingSettings { KeepRuleTopics = result.GetValue(keepRules) };
            if (set.Count < settings.Folds * 2)
                throw new UserError($"topics train: {set.Count} labelled papers; label at least 50 (front matter `topics:` or --labels FILE) to train a model");
            var described = $"{set.Count} labelled papers ({string.Join(", ", files.Select(DisplayPath.Of).Append("front matter"))})";

            if (result.GetValue(crossValidate))
            {
                var (combined, alone, rules) = TopicModelTrainer.CrossValidate(taxonomy, set, settings);
                context.Output.WriteLine($"cross-validated on {described}, {settings.Folds} folds");
                foreach (var (name, predicted) in new[] { ("cv.rules", rules), ("cv.model", alone), ("cv.combined", combined) })
                    context.Output.Write(ClassifierEvaluation.Score(taxonomy, set.Select((p, i) => (p.Paper.Title, p.Topics, predicted[i]))).Format(name));
                return ExitCodes.Ok;
            }

            var path = result.GetValue(output) ?? Path.Combine(dir, TopicModel.FileName);
            using var writer = FolderLock.OnContent(dir, "topics train", context.Output);
            var model = TopicModelTrainer.Train(taxonomy, set, settings);
            var text = TopicModelFile.Format(model);
            AtomicFile.Write(path, Encoding.UTF8.GetBytes(text));
            var decisions = model.Topics.GroupBy(t => t.Decision).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
            context.Output.WriteLine($"topics train: {model.Topics.Count} topics from {described}: {model.Vocabulary.Count} terms, {text.Length / 1024} KB, written to {DisplayPath.Of(path)}");
            context.Output.WriteLine($"decided by: {string.Join(", ", decisions)}; topics with fewer than {settings.MinPositives} labelled papers are left to the rules");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>
    /// The labelled papers: each labels file's (the papers it carries, or the archive's it names), then
    /// the archive's papers whose front matter has topics (which win over a label of the same paper).
    /// Topics the taxonomy lacks are dropped, with a warning.
    /// </summary>
    private static List<LabelledPaper> LabelledSet(Taxonomy taxonomy, IReadOnlyList<Paper> archive, IReadOnlyList<string> files, TextWriter errors)
    {
        var known = taxonomy.Topics.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);
        var byTitle = new Dictionary<string, LabelledPaper>(StringComparer.Ordinal);
        foreach (var paper in archive.Where(p => p.Topics is { Count: > 0 }))
            byTitle[TitleKey.Of(paper.Title)] = new LabelledPaper(paper, paper.Topics!);
        var set = new List<LabelledPaper>();
        foreach (var file in files)
        {
            if (!File.Exists(file)) throw new UserError($"--labels {DisplayPath.Of(file)}: no such file");
            var carried = ClassifierEvaluation.PapersIn(file);
            var labelled = ClassifierEvaluation.Labelled(file, carried.Count > 0 ? carried : archive, out var unmatched);
            foreach (var label in labelled)
                if (!byTitle.ContainsKey(TitleKey.Of(label.Paper.Title))) set.Add(label);
            foreach (var title in unmatched) errors.WriteLine($"warning: {DisplayPath.Of(file)}: no paper for label '{title}'");
        }
        set.AddRange(byTitle.Values.OrderBy(l => l.Paper.Slug, StringComparer.Ordinal));
        var unknown = set.SelectMany(l => l.Topics).Where(t => !known.Contains(t)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0) errors.WriteLine($"warning: topics.yml has no topic {string.Join(", ", unknown)}: labels with it are learned without it");
        return set.Select(l => l with { Topics = l.Topics.Where(known.Contains).ToList() }).ToList();
    }
}
