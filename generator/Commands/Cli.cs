using System.CommandLine;
using PaperTrail.Errors;

namespace PaperTrail.Commands;

/// <summary>The command line: thin, it only parses and hands over to the engine.</summary>
internal static class Cli
{
    /// <param name="terminal">Whether a person watches <paramref name="errors"/>, where progress goes; by default, found out from the console.</param>
    public static int Run(string[] args, TextWriter output, TextWriter errors, bool? terminal = null)
    {
        var context = new CommandContext(output, errors, terminal);
        var root = new RootCommand("Paper Trail: a static site generator for an archive of trending research papers")
        {
            IngestCommand.Create(context),
            CheckCommand.Create(context),
            BuildCommand.Create(context),
            TopicsCommand.Create(context),
            TermsCommand.Create(context),
            WebSubCommand.Create(context),
            ServeCommand.Create(context),
            InitCommand.Create(context),
            DoctorCommand.Create(context),
        };
        var parsed = root.Parse(args);
        var unknown = UnknownOptions.In(parsed);
        if (parsed.Errors.Count > 0 || unknown.Count > 0)
        {
            foreach (var line in UnknownOptions.Describe(unknown, parsed.CommandResult.Command)) errors.WriteLine($"usage error: {line}");
            // System.CommandLine also reports an unknown option, as an "unrecognized argument": said once is enough.
            foreach (var error in parsed.Errors.Where(e => !unknown.Any(word => e.Message.Contains($"'{word}'", StringComparison.Ordinal))))
                errors.WriteLine($"usage error: {error.Message}");
            var command = parsed.CommandResult.Command == root ? "generator" : $"generator {parsed.CommandResult.Command.Name}";
            errors.WriteLine($"run '{command} --help' for usage");
            return ExitCodes.UsageError;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = errors, EnableDefaultExceptionHandler = false });
    }
}
