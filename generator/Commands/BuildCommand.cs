using System.CommandLine;
using PaperTrail.Pipelines;
using PaperTrail.Rendering;

namespace PaperTrail.Commands;

/// <summary><c>generator build [--content DIR] [--output DIR] [--themes DIR] [--clean]</c></summary>
public static class BuildCommand
{
    public static Command Create(CommandContext context)
    {
        var content = CommonOptions.Content();
        var output = new Option<string>("--output") { Description = "where the site is written", DefaultValueFactory = _ => BuildOptions.DefaultOutput };
        var themes = new Option<string?>("--themes") { Description = "the themes folder (default: the repository's themes/)" };
        var clean = new Option<bool>("--clean") { Description = "remove what earlier builds wrote and write every file anew" };
        var command = new Command("build", "build the website from the archive") { content, output, themes, clean };
        command.SetAction(result => context.Guarded(() =>
        {
            var options = new BuildOptions(
                result.GetValue(content)!,
                result.GetValue(output)!,
                result.GetValue(themes) ?? ThemeFiles.DefaultThemesDir(),
                result.GetValue(clean));
            var report = BuildPipeline.Run(options);
            context.Output.WriteLine(
                $"build: {report.Papers} papers, {report.Outputs} files ({report.Written} written, {report.Unchanged} unchanged, {report.Removed} removed); " +
                $"{report.FellBack} papers fell back to the fallback topic");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
