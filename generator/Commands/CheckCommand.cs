using System.CommandLine;
using PaperTrail.Content;
using PaperTrail.Errors;

namespace PaperTrail.Commands;

/// <summary><c>generator check [--content DIR]</c>: validates the archive a person edits.</summary>
public static class CheckCommand
{
    public static Command Create(CommandContext context)
    {
        var content = CommonOptions.Content();
        var command = new Command("check", "validate the archive: schema, slugs, topics, dates") { content };
        command.SetAction(result => context.Guarded(() =>
        {
            var dir = ContentFolder.Require(result.GetValue(content)!);
            var problems = new List<ContentProblem>();
            var archive = ArchiveLoader.Load(dir, problems);
            ArchiveChecker.Check(archive, problems);
            if (problems.Count > 0) throw new ContentException(problems);
            context.Output.WriteLine($"check: {archive.Papers.Count} papers, {archive.Topics.Count} topics, no problems");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
