using System.CommandLine;
using PaperTrail.Errors;
using PaperTrail.Preview;
using PaperTrail.Rendering;
using PaperTrail.Site;

namespace PaperTrail.Commands;

/// <summary><c>generator serve [--content DIR] [--port N] [--output DIR] [--themes DIR]</c>: live preview.</summary>
internal static class ServeCommand
{
    public const string DefaultOutput = ".preview";

    /// <summary>The port serve listens on unless told otherwise; .devcontainer/devcontainer.json forwards it.</summary>
    public const int DefaultPort = 8080;

    public static Command Create(CommandContext context)
    {
        var content = CommonOptions.Content();
        var port = new Option<int>("--port") { Description = "the port on localhost", DefaultValueFactory = _ => DefaultPort };
        var output = new Option<string>("--output") { Description = "where the preview is built (not output/, which is deployed)", DefaultValueFactory = _ => DefaultOutput }.NamingAPath();
        var themes = new Option<string?>("--themes") { Description = "the themes folder (default: the repository's themes/)" }.NamingAPath();
        var noSearch = new Option<bool>("--no-search") { Description = "do not build the search index" };
        var command = new Command("serve", "build, serve on localhost, rebuild on every change, reload open pages") { content, port, output, themes, noSearch };
        command.SetAction(result => context.Guarded(() =>
        {
            var portNumber = result.GetValue(port);
            if (portNumber is < 1 or > 65535) throw new UsageException("--port must be between 1 and 65535");
            var dir = ContentFolder.Require(result.GetValue(content)!);
            // Strict: a person previewing their edit sees its mistake in the browser, not a page gone missing.
            var themesDir = result.GetValue(themes) ?? ThemeFiles.DefaultThemesDir();
            var options = new BuildOptions(dir, OutputFolder.Check(result.GetValue(output)!, dir, themesDir), themesDir, Search: !result.GetValue(noSearch), Strict: true);
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
            // Each build's stages on a terminal only: in a log, a line per stage of every save would bury the rebuilds' lines.
            using var progress = context.Progress(quiet: !context.IsTerminal);
            new PreviewServer(options, portNumber, context.Output, progress).RunAsync(stop.Token).GetAwaiter().GetResult();
            return ExitCodes.Ok;
        }));
        return command;
    }
}
