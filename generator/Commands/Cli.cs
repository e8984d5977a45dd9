using System.CommandLine;
using PaperTrail.Errors;

namespace PaperTrail.Commands;

/// <summary>The command line: thin, it only parses and hands over to the engine.</summary>
public static class Cli
{
    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        var context = new CommandContext(output, errors);
        var root = new RootCommand("Paper Trail: a static site generator for an archive of trending research papers")
        {
            IngestCommand.Create(context),
            CheckCommand.Create(context),
            BuildCommand.Create(context),
            TopicsCommand.Create(context),
            TermsCommand.Create(context),
            ServeCommand.Create(context),
            InitCommand.Create(context),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) errors.WriteLine($"usage error: {error.Message}");
            errors.WriteLine("run 'generator --help' for usage");
            return ExitCodes.UsageError;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = errors, EnableDefaultExceptionHandler = false });
    }
}
