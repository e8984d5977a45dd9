using System.CommandLine;
using PaperTrail.Content;
using PaperTrail.Errors;
using PaperTrail.Ingest.Sources;
using PaperTrail.Topics;

namespace PaperTrail.Commands;

/// <summary>
/// <c>generator topics --report | --explain &lt;slug-or-title&gt; | --evaluate LABELS</c>: what the
/// classifier (the rules, and the model when the archive has one) does with the archive (or with
/// <c>--papers</c> files), and how well it agrees with labels; <c>generator topics train</c> makes the model.
/// </summary>
internal static class TopicsCommand
{
    /// <summary>Where the repository keeps its labelled set, beside the archive folder: what train and --report use when given no labels.</summary>
    private static readonly string[] LabelsBesideContent = ["..", "bench", "topics", "labels"];

    public static Command Create(CommandContext context)
    {
        var content = CommonOptions.Content();
        var report = new Option<bool>("--report") { Description = "papers per topic, how many fell back, and precision and recall per topic on the test labels (--labels, or bench/topics/labels/test.jsonl)" };
        var explain = new Option<string?>("--explain") { Description = "a paper's slug or title: its topics, the rules that fired, the model's scores and terms" };
        var evaluate = new Option<string?>("--evaluate") { Description = "a labels file (JSON lines with title, topics, id): precision, recall, F1" }.NamingAPath();
        var papers = new Option<string[]>("--papers") { Description = "read papers from these files or folders (any source) instead of the archive", AllowMultipleArgumentsPerToken = true };
        var details = new Option<bool>("--details") { Description = "with --evaluate: list every paper where classifier and labels disagree" };
        var name = new Option<string>("--name") { Description = "the name evaluation figures are printed under", DefaultValueFactory = _ => "labels" };
        var labels = new Option<string?>("--labels") { Description = "with --report: the test labels to measure precision and recall on" }.NamingAPath();
        var use = new Option<ClassifierChoice>("--classifier") { Description = "rules, model or both (default: both when the archive has a model)", DefaultValueFactory = _ => ClassifierChoice.Both };
        var command = new Command("topics", "inspect and measure topic assignment; `topics train` learns the model") { content, report, explain, evaluate, papers, name, details, labels, use };
        command.Subcommands.Add(TopicsTrainCommand.Create(context));
        command.SetAction(result => context.Guarded(() =>
        {
            var dir = ContentFolder.Require(result.GetValue(content)!);
            var problems = new List<ContentProblem>();
            var taxonomy = ReadTaxonomy(dir, problems);
            var model = TopicModelFile.Load(dir, problems);
            if (problems.Count > 0) throw new ContentException(problems);
            var classifier = Choose(taxonomy, model, result.GetValue(use));

            var from = result.GetValue(papers) ?? [];
            // Papers from --papers; else those a labels file carries itself (title and abstract); else the archive's.
            var carried = from.Length == 0 && result.GetValue(evaluate) is { } labelsFile && File.Exists(labelsFile) ? ClassifierEvaluation.PapersIn(labelsFile) : [];
            var set = from.Length > 0 ? SourceFilePapers.Read(from)
                : carried.Count > 0 ? carried.ToList()
                : ArchiveLoader.LoadPapers(dir, problems).Select(f => f.Paper).ToList();
            if (problems.Count > 0) throw new ContentException(problems);

            if (result.GetValue(explain) is { } wanted)
            {
                var paper = Find(set, wanted) ?? throw new UsageException($"no paper has the slug or title '{wanted}'");
                context.Output.Write(TopicReport.Explain(taxonomy, classifier, paper));
            }
            else if (result.GetValue(evaluate) is { } labelsPath)
            {
                if (!File.Exists(labelsPath)) throw new UserError($"--evaluate {DisplayPath.Of(labelsPath)}: no such file");
                var evaluation = ClassifierEvaluation.Evaluate(taxonomy, classifier, set, labelsPath);
                if (result.GetValue(details)) context.Output.Write(evaluation.FormatDisagreements());
                context.Output.Write(evaluation.Format(result.GetValue(name)!));
                foreach (var title in evaluation.Unmatched) context.Errors.WriteLine($"warning: no paper for label '{title}'");
            }
            else
            {
                context.Output.Write(TopicReport.Format(taxonomy, classifier, set));
                var test = result.GetValue(labels) ?? Beside(dir, "test.jsonl");
                if (test is null) return ExitCodes.Ok;
                if (!File.Exists(test)) throw new UserError($"--labels {DisplayPath.Of(test)}: no such file");
                var own = ClassifierEvaluation.PapersIn(test);
                var evaluation = ClassifierEvaluation.Evaluate(taxonomy, classifier, own.Count > 0 ? own : set, test);
                context.Output.WriteLine();
                context.Output.WriteLine($"precision and recall per topic on {DisplayPath.Of(test)} ({Describe(classifier)}):");
                context.Output.Write(evaluation.Format("test"));
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The classifier to measure or explain: <c>--classifier rules</c> needs no model; model and both need one.</summary>
    internal enum ClassifierChoice
    {
        Both,
        Rules,
        Model,
    }

    internal static Taxonomy ReadTaxonomy(string dir, List<ContentProblem> problems)
    {
        var topicsPath = Path.Combine(dir, "topics.yml");
        if (!File.Exists(topicsPath)) throw new UserError($"no topics.yml in {DisplayPath.Of(dir)}: topics reads the taxonomy from it");
        return TopicsReader.Read(DisplayPath.Of(topicsPath), ArchiveLoader.ReadText(topicsPath), problems);
    }

    /// <summary>A file of the repository's labelled set (bench/topics/labels/) beside the archive folder, when there is one.</summary>
    internal static string? Beside(string contentDir, string file)
    {
        var path = Path.Combine([contentDir, .. LabelsBesideContent, file]);
        return File.Exists(path) ? Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.GetFullPath(path)) : null;
    }

    private static ITopicClassifier Choose(Taxonomy taxonomy, TopicModel? model, ClassifierChoice choice) => choice switch
    {
        ClassifierChoice.Rules => new RuleClassifier(taxonomy),
        _ when model is null && choice == ClassifierChoice.Model => throw new UsageException($"--classifier model: the archive has no {TopicModel.FileName} (make one with `generator topics train`)"),
        ClassifierChoice.Model => new ModelAndRulesClassifier(taxonomy, new RuleClassifier(taxonomy), model!.WithDecision(TopicDecision.Model)) { IgnoreRules = true },
        _ => ModelAndRulesClassifier.For(taxonomy, model),
    };

    private static string Describe(ITopicClassifier classifier) => classifier is ModelAndRulesClassifier ? "rules and model" : "rules alone";

    private static Paper? Find(IReadOnlyList<Paper> papers, string wanted) =>
        papers.FirstOrDefault(p => p.Slug == wanted)
        ?? papers.FirstOrDefault(p => TitleKey.Of(p.Title) == TitleKey.Of(wanted))
        ?? papers.FirstOrDefault(p => p.Arxiv == wanted);
}
