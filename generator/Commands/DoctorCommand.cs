using System.CommandLine;
using PaperTrail.Doctor;
using PaperTrail.Errors;
using PaperTrail.Ingest.Web;
using PaperTrail.Rendering;
using PaperTrail.Tools;

namespace PaperTrail.Commands;

/// <summary>
/// <c>generator doctor [--content DIR] [--online]</c>: checks a fork before its first nightly (site.yml,
/// base_url against the host, the nightly workflow, the archive, Node.js), one line per finding with
/// what to do; exit 1 on any problem. Offline unless <c>--online</c>, which fetches each source once.
/// </summary>
internal static class DoctorCommand
{
    public static Command Create(CommandContext context)
    {
        var content = CommonOptions.Content();
        var online = new Option<bool>("--online") { Description = "also fetch each source site.yml lists, once" };
        var huggingFace = new Option<string>("--hf-base") { Description = "base address of Hugging Face for --online (a mirror)", DefaultValueFactory = _ => "https://huggingface.co/", Hidden = true };
        var arxivBase = new Option<string>("--arxiv-base") { Description = "base address of the arXiv API for --online (a mirror)", DefaultValueFactory = _ => ArxivQuery.DefaultBase.ToString(), Hidden = true };
        var command = new Command("doctor", "check a fork before its first nightly: site.yml, base_url and host, the nightly workflow, the archive, Node.js") { content, online, huggingFace, arxivBase };
        command.SetAction(result => context.Guarded(() =>
        {
            var dir = ContentFolder.Require(result.GetValue(content)!);
            var fork = new ForkLayout(dir);
            var themes = Path.Combine(fork.Root, "themes");
            List<IForkCheck> checks =
            [
                new SiteSettingsCheck(),
                new BaseUrlCheck(),
                new NightlyWorkflowCheck(),
                new ArchiveHealthCheck(Directory.Exists(themes) ? themes : ThemeFiles.DefaultThemesDir()),
                new NodeCheck(ExecutableLookup.ForThisMachine()),
            ];
            if (result.GetValue(online))
                checks.Add(new OnlineSourcesCheck(BaseAddress(result.GetValue(huggingFace)!, "--hf-base"), BaseAddress(result.GetValue(arxivBase)!, "--arxiv-base"), DateOnly.FromDateTime(DateTime.UtcNow), new FetchSettings { Retries = 0 }));

            var findings = ForkDoctor.Examine(fork, checks);
            foreach (var finding in findings) context.Output.WriteLine(finding);
            var problems = findings.Count(f => f.Level == FindingLevel.Problem);
            context.Output.WriteLine(problems == 0
                ? "doctor: no problems; the fork is ready for its first nightly"
                : $"doctor: {problems} {(problems == 1 ? "problem" : "problems")} to fix before the first nightly");
            return problems == 0 ? ExitCodes.Ok : ExitCodes.InputError;
        }));
        return command;
    }

    private static Uri BaseAddress(string text, string option) =>
        Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new UsageException($"{option} '{text}' is not an http(s) address");
}
