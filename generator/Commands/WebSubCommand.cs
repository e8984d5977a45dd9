using System.CommandLine;
using PaperTrail.Content;
using PaperTrail.Errors;
using PaperTrail.Pipelines;
using PaperTrail.Site;
using PaperTrail.WebSub;

namespace PaperTrail.Commands;

/// <summary>
/// <c>generator websub [--content DIR] [--output DIR]</c>: after a deploy, tells site.yml's
/// <c>websub_hub</c> which subscription feeds changed since it was last told (by their bytes, kept in
/// <see cref="PingRecord"/>), so readers subscribed through the hub get the new day at once. A hub
/// that does not answer is a warning, not a failure: the site is already published, and the feeds it
/// missed are announced again next time.
/// </summary>
internal static class WebSubCommand
{
    public static Command Create(CommandContext context)
    {
        var content = CommonOptions.Content();
        var output = new Option<string>("--output") { Description = "the built site", DefaultValueFactory = _ => "output" }.NamingAPath();
        var timeout = new Option<int>("--timeout") { Description = "seconds each ping attempt may take", DefaultValueFactory = _ => 30 };
        var retries = new Option<int>("--retries") { Description = "retries on timeouts, broken connections, 5xx and 429", DefaultValueFactory = _ => 3 };
        var retryDelay = new Option<double>("--retry-delay") { Description = "seconds of the first back-off (doubles each retry)", DefaultValueFactory = _ => 2 };
        var dryRun = new Option<bool>("--dry-run") { Description = "print which feeds would be announced, announce none" };
        var command = new Command("websub", "tell site.yml's WebSub hub which feeds changed (after a deploy)") { content, output, timeout, retries, retryDelay, dryRun };
        command.SetAction(result => context.Guarded(() =>
        {
            var dir = result.GetValue(content)!;
            ContentFolder.Require(dir);
            var config = SiteConfigReader.ReadFolder(dir);
            if (config.WebSubHub is not { } hub)
            {
                context.Output.WriteLine("websub: site.yml names no websub_hub; nothing to announce");
                return ExitCodes.Ok;
            }
            var site = result.GetValue(output)!;
            if (!Directory.Exists(site)) throw UserError.At(site, 0, "no built site here: run `generator build` first");
            if (result.GetValue(timeout) < 1 || result.GetValue(retries) < 0 || result.GetValue(retryDelay) < 0)
                throw new UsageException("--timeout must be at least 1, --retries and --retry-delay at least 0");

            var record = PingRecord.Read(site);
            var urls = new Urls(config.BaseUrl);
            var changed = Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories)
                .Select(f => (File: f, Path: Path.GetRelativePath(site, f).Replace('\\', '/')))
                .Where(f => SubscriptionFeeds.Is(f.Path))
                .Select(f => (f.Path, Hash: PingRecord.Hash(f.File)))
                .Where(f => !record.Announced(f.Path, f.Hash))
                .OrderBy(f => f.Path, StringComparer.Ordinal)
                .ToList();
            if (result.GetValue(dryRun))
            {
                foreach (var feed in changed) context.Output.WriteLine($"websub: would announce {urls.Absolute(feed.Path)}");
                context.Output.WriteLine($"websub: {changed.Count} changed feeds would be announced to {hub}");
                return ExitCodes.Ok;
            }

            using var pinger = new HubPinger(TimeSpan.FromSeconds(result.GetValue(timeout)), result.GetValue(retries), TimeSpan.FromSeconds(result.GetValue(retryDelay)));
            var failed = 0;
            foreach (var (path, hash) in changed)
            {
                var url = urls.Absolute(path);
                if (pinger.PingAsync(new Uri(hub), url).GetAwaiter().GetResult() is { } why)
                {
                    failed++;
                    context.Errors.WriteLine($"warning: websub: {hub} did not take {url}: {why}; it is announced again next time");
                }
                else record.Record(path, hash);
            }
            record.Write(site);
            context.Output.WriteLine($"websub: {changed.Count - failed} of {changed.Count} changed feeds announced to {hub}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
