using PaperTrail.Commands;

namespace PaperTrail.Tests.Support;

/// <summary>Runs the generator's command line in-process, as a user would type it.</summary>
public static class Generator
{
    public sealed record Result(int ExitCode, string Output, string Errors)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Errors}";
    }

    public static Result Run(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = Cli.Run(args, output, errors);
        return new Result(code, output.ToString(), errors.ToString());
    }
}
