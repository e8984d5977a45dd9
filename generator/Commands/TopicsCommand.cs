using System.CommandLine;
using PaperTrail.Content;
using PaperTrail.Errors;
using PaperTrail.Ingest.Sources;
using PaperTrail.Topics;

namespace PaperTrail.Commands;

/// <summary>
/// <c>generator topics --report | --explain &lt;slug-or-title&gt; | --evaluate LABELS</c>: what the
/// classifier does with the archive (or with <c>--papers</c> files), and how well it agrees with labels.
/// </summary>
public static class TopicsCommand
{
    public static Command Create(CommandContext context)
    {
        var content = CommonOptions.Content();
        var report = new Option<bool>("--report") { Description = "papers per topic, and how many fell back" };
        var explain = new Option<string?>("--explain") { Description = "a paper's slug or title: its topics and the rules that fired" };
        var evaluate = new Option<string?>("--evaluate") { Description = "a labels file (JSON lines with title, topics, id): precision, recall, F1" }.NamingAPath();
        var papers = new Option<string[]>("--papers") { Description = "read papers from these files or folders (any source) instead of the archive", AllowMultipleArgumentsPerToken = true };
        var details = new Option<bool>("--details") { Description = "with --evaluate: list every paper where classifier and labels disagree" };
        var name = new Option<string>("--name") { Description = "the name evaluation figures are printed under", DefaultValueFactory = _ => "labels" };
        var command = new Command("topics", "inspect and measure topic assignment") { content, report, explain, evaluate, papers, name, details };
        command.SetAction(result => context.Guarded(() =>
        {
            var dir = ContentFolder.Require(result.GetValue(content)!);
            var problems = new List<ContentProblem>();
            var topicsPath = Path.Combine(dir, "topics.yml");
            if (!File.Exists(topicsPath)) throw new UserError($"no topics.yml in {DisplayPath.Of(dir)}: topics reads the taxonomy from it");
            var taxonomy = TopicsReader.Read(DisplayPath.Of(topicsPath), ArchiveLoader.ReadText(topicsPath), problems);
            if (problems.Count > 0) throw new ContentException(problems);

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
                context.Output.Write(TopicReport.Explain(taxonomy, paper));
            }
            else if (result.GetValue(evaluate) is { } labels)
            {
                if (!File.Exists(labels)) throw new UserError($"--evaluate {DisplayPath.Of(labels)}: no such file");
                var evaluation = ClassifierEvaluation.Evaluate(taxonomy, set, labels);
                if (result.GetValue(details)) context.Output.Write(evaluation.FormatDisagreements());
                context.Output.Write(evaluation.Format(result.GetValue(name)!));
                foreach (var title in evaluation.Unmatched) context.Errors.WriteLine($"warning: no paper for label '{title}'");
            }
            else context.Output.Write(TopicReport.Format(taxonomy, set));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Paper? Find(IReadOnlyList<Paper> papers, string wanted) =>
        papers.FirstOrDefault(p => p.Slug == wanted)
        ?? papers.FirstOrDefault(p => TitleKey.Of(p.Title) == TitleKey.Of(wanted))
        ?? papers.FirstOrDefault(p => p.Arxiv == wanted);
}
