using PaperTrail.Commands;

namespace PaperTrail.Tests.Support;

/// <summary>Runs the generator's command line in-process, as a user would type it.</summary>
public static class Generator
{
    public sealed record Result(int ExitCode, string Output, string Errors)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Errors}";
    }

    public static Result Run(params string[] args) => Run(args, terminal: false);

    /// <summary>As a person at a terminal runs it: the output, where progress goes, stands in for a terminal 80 columns wide.</summary>
    public static Result RunOnTerminal(params string[] args) => Run(args, terminal: true);

    private static Result Run(string[] args, bool terminal)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = Cli.Run(args, output, errors, terminal);
        return new Result(code, output.ToString(), errors.ToString());
    }
}
