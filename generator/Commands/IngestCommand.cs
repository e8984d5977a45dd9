using System.CommandLine;
using System.Globalization;
using PaperTrail.Content;
using PaperTrail.Errors;
using PaperTrail.Ingest;
using PaperTrail.Ingest.Sources;
using PaperTrail.Ingest.Web;

namespace PaperTrail.Commands;

/// <summary><c>generator ingest &lt;file&gt;… [--date YYYY-MM-DD] [--content DIR] [--dry-run]</c></summary>
internal static class IngestCommand
{
    public static Command Create(CommandContext context)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "files, folders or http(s) addresses to ingest", Arity = ArgumentArity.ZeroOrMore }.NamingPaths();
        var from = new Option<string?>("--from") { Description = $"fetch a known web source: {string.Join(", ", WebSources.Names)}" };
        var scheduled = new Option<bool>("--scheduled") { Description = "fetch every web source site.yml lists under 'sources' (what the nightly job does)" };
        var minPapers = new Option<int>("--min-papers") { Description = "with --from: fewer papers than this is an error (a broken answer)", DefaultValueFactory = _ => 5 };
        var timeout = new Option<int>("--timeout") { Description = "seconds each fetch attempt may take", DefaultValueFactory = _ => 30 };
        var retries = new Option<int>("--retries") { Description = "retries on timeouts, broken connections, 5xx and 429", DefaultValueFactory = _ => 4 };
        var retryDelay = new Option<double>("--retry-delay") { Description = "seconds of the first back-off (doubles each retry)", DefaultValueFactory = _ => 2 };
        var huggingFace = new Option<string>("--hf-base") { Description = "base address of Hugging Face for --from (a mirror)", DefaultValueFactory = _ => "https://huggingface.co/" };
        var arxivBase = new Option<string>("--arxiv-base") { Description = "base address of the arXiv API for --scheduled's arxiv sources (a mirror)", DefaultValueFactory = _ => ArxivQuery.DefaultBase.ToString() };
        var date = new Option<string?>("--date") { Description = "the day the papers trended, YYYY-MM-DD, from 1991-08-14 to tomorrow (default: today, UTC)" };
        var content = CommonOptions.Content();
        var dryRun = new Option<bool>("--dry-run") { Description = "print what would change and write nothing" };
        var source = new Option<string?>("--source") { Description = $"the input's kind: {string.Join(", ", SourceRegistry.Names)} (default: detected from the content)" };
        var command = new Command("ingest", "merge papers from files or folders into the archive") { inputs, date, content, dryRun, source, from, scheduled, minPapers, timeout, retries, retryDelay, huggingFace, arxivBase };
        command.SetAction(result => context.Guarded(() =>
        {
            // The one reading of the clock: the day of this ingest bounds the trending days sources give.
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var fromWeb = result.GetValue(scheduled) || result.GetValue(from) is not null;
            // What the fetches say who they are: the site's address and contact, from site.yml.
            var site = fromWeb ? SiteConfigReader.ReadFolder(result.GetValue(content)!) : null;
            var options = new IngestOptions(
                InputFiles.Expand(result.GetValue(inputs) ?? []),
                ParseDate(result.GetValue(date), today),
                ContentFolder.ForIngest(result.GetValue(content)!),
                result.GetValue(dryRun),
                result.GetValue(source))
            {
                From = FromSources(result.GetValue(from), result.GetValue(scheduled), site),
                Arxiv = result.GetValue(scheduled) ? site!.ArxivSources : [],
                MinPapers = result.GetValue(minPapers),
                Fetch = new FetchSettings
                {
                    AttemptTimeout = TimeSpan.FromSeconds(Positive(result.GetValue(timeout), "--timeout")),
                    Retries = Math.Max(0, result.GetValue(retries)),
                    BaseDelay = TimeSpan.FromSeconds(Seconds(result.GetValue(retryDelay), "--retry-delay")),
                    UserAgent = site is null ? new FetchSettings().UserAgent : FetchSettings.UserAgentFor(site),
                },
                HuggingFace = BaseAddress(result.GetValue(huggingFace)!, "--hf-base"),
                ArxivApi = BaseAddress(result.GetValue(arxivBase)!, "--arxiv-base"),
                Today = today,
            };
            using var progress = context.Progress();
            new Ingester(context.Output, context.Errors, progress).Run(options);
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>--from's source, and with --scheduled those of site.yml.</summary>
    private static IReadOnlyList<string> FromSources(string? from, bool scheduled, SiteConfig? config)
    {
        var sources = new List<string>();
        if (from is not null) sources.Add(from);
        if (!scheduled) return sources;
        return [.. sources, .. config!.Sources.Except(sources)];
    }

    /// <summary>A back-off in seconds: from 0 (a negative one is 0) to an hour; NaN or 1e308 overflowed the TimeSpan.</summary>
    private static double Seconds(double value, string option) =>
        double.IsFinite(value) && value <= 3600 ? Math.Max(0, value) : throw new UsageException($"{option} must be a number of seconds up to 3600");

    private static int Positive(int value, string option) =>
        value > 0 ? value : throw new UsageException($"{option} must be a positive number");

    private static Uri BaseAddress(string text, string option) =>
        Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new UsageException($"{option} '{text}' is not an http(s) address");

    /// <summary>--date, by default today; a day papers cannot have trended on is a mistake of the command line.</summary>
    private static DateOnly ParseDate(string? text, DateOnly today)
    {
        if (text is null) return today;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new UsageException($"--date '{text}' is not a date of the form YYYY-MM-DD");
        if (new TrendingBounds(today).Refusal(date) is { } reason) throw new UsageException($"--date {text} {reason}");
        return date;
    }
}
