using System.CommandLine;
using PaperTrail.Build;
using PaperTrail.Content;
using PaperTrail.Errors;
using PaperTrail.Rendering;

namespace PaperTrail.Commands;

/// <summary>
/// <c>generator check [--content DIR] [--themes DIR]</c>: validates the archive a person edits, every
/// rule a build leaves a paper out for (links to this site's own pages included: the site is
/// planned, not rendered, to judge them), and exits with 1 on any problem.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CommandContext context)
    {
        var content = CommonOptions.Content();
        var themes = new Option<string?>("--themes") { Description = "the themes folder the site is built with (default: the repository's themes/)" }.NamingAPath();
        var command = new Command("check", "validate the archive: schema, slugs, topics, dates, links to the site's own pages") { content, themes };
        command.SetAction(result => context.Guarded(() =>
        {
            var dir = ContentFolder.Require(result.GetValue(content)!);
            var check = ArchiveCheck.Run(dir, result.GetValue(themes) ?? ThemeFiles.DefaultThemesDir());
            foreach (var cut in check.Warnings) context.Errors.WriteLine(cut);
            if (check.Problems.Count > 0) throw new ContentException(check.Problems);
            context.Output.WriteLine($"check: {check.Papers} papers, {check.Topics} topics, no problems");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
