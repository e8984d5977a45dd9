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
            var problems = new List<ContentProblem>();
            var archive = ArchiveLoader.Load(dir, problems);
            var tables = LearnedTables.Load(dir, problems);
            var quarantine = Quarantine.Sort(archive, problems);
            // With site.yml or topics.yml broken there is no site to plan; those problems come first anyway.
            if (quarantine.ArchiveProblems.Count == 0)
                SitePlanning.LeaveOutLinksToNoPage(quarantine, tables.TopicModel, result.GetValue(themes) ?? ThemeFiles.DefaultThemesDir());
            // A field over its limit is shown cut and its paper kept: a warning, not a problem (PaperFieldCaps).
            foreach (var cut in PaperFieldCaps.Warnings(quarantine.Archive)) context.Errors.WriteLine(cut);
            if (quarantine.Problems.Count > 0) throw new ContentException(quarantine.Problems);
            context.Output.WriteLine($"check: {archive.Papers.Count} papers, {archive.Topics.Count} topics, no problems");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
