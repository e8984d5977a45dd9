using System.CommandLine;
using System.Globalization;
using PaperTrail.Ingest;
using PaperTrail.Ingest.Sources;

namespace PaperTrail.Commands;

/// <summary><c>generator ingest &lt;file&gt;… [--date YYYY-MM-DD] [--content DIR] [--dry-run]</c></summary>
public static class IngestCommand
{
    public static Command Create(CommandContext context)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "files or folders to ingest", Arity = ArgumentArity.OneOrMore };
        var date = new Option<string?>("--date") { Description = "the day the papers trended, YYYY-MM-DD (default: today, UTC)" };
        var content = CommonOptions.Content();
        var dryRun = new Option<bool>("--dry-run") { Description = "print what would change and write nothing" };
        var source = new Option<string?>("--source") { Description = $"the input's kind: {string.Join(", ", SourceRegistry.Names)} (default: detected from the content)" };
        var command = new Command("ingest", "merge papers from files or folders into the archive") { inputs, date, content, dryRun, source };
        command.SetAction(result => context.Guarded(() =>
        {
            var options = new IngestOptions(
                InputFiles.Expand(result.GetValue(inputs)!),
                ParseDate(result.GetValue(date)),
                result.GetValue(content)!,
                result.GetValue(dryRun),
                result.GetValue(source));
            new Ingester(context.Output, context.Errors, context.IsTerminal).Run(options);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static DateOnly ParseDate(string? text)
    {
        if (text is null) return DateOnly.FromDateTime(DateTime.UtcNow);
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        throw new UsageException($"--date '{text}' is not a date of the form YYYY-MM-DD");
    }
}
