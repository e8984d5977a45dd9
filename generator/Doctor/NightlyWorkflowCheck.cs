using PaperTrail.Content;
using PaperTrail.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PaperTrail.Doctor;

/// <summary>
/// <c>.github/workflows/nightly.yml</c> is there, runs on a schedule, and names what the chosen host
/// needs: the two Netlify secrets, or a job allowed to deploy to GitHub Pages. Whether the secrets
/// are set, and whether the schedule is enabled, GitHub alone knows: notes say so.
/// </summary>
internal sealed class NightlyWorkflowCheck : IForkCheck
{
    public const string RelativePath = ".github/workflows/nightly.yml";

    /// <summary>The secrets the Netlify deploy step reads (scripts/deploy.sh).</summary>
    public static readonly IReadOnlyList<string> NetlifySecrets = ["NETLIFY_AUTH_TOKEN", "NETLIFY_SITE_ID"];

    public IEnumerable<DoctorFinding> Run(ForkLayout fork)
    {
        var path = Path.Combine(fork.Root, ".github", "workflows", "nightly.yml");
        var shown = DisplayPath.Of(path);
        if (!File.Exists(path))
        {
            yield return DoctorFinding.Problem($"{shown}: missing: nothing ingests, builds or publishes the archive every night; copy {RelativePath} from Paper Trail's repository");
            yield break;
        }
        YamlMappingNode? root;
        string? broken = null;
        var text = ArchiveLoader.ReadText(path);
        try
        {
            var yaml = new YamlStream();
            using (var reader = new StringReader(text)) yaml.Load(reader);
            root = yaml.Documents.Count > 0 ? yaml.Documents[0].RootNode as YamlMappingNode : null;
        }
        catch (YamlException e)
        {
            root = null;
            broken = $"{shown}:{TextLines.LineAt(text, e.Start.Index)}: not YAML GitHub can read ({e.Message}); fix the workflow";
        }
        if (root is null)
        {
            yield return DoctorFinding.Problem(broken ?? $"{shown}: not a workflow (no mapping of on: and jobs:); copy {RelativePath} from Paper Trail's repository");
            yield break;
        }

        if (Child(Child(root, "on"), "schedule") is not YamlSequenceNode { Children.Count: > 0 })
            yield return DoctorFinding.Problem($"{shown}: no schedule under on:, so it never runs by itself; add `schedule: [{{cron: \"17 6 * * *\"}}]` (docs/deploying.md, Schedule)");

        var scalars = Scalars(root).ToList();
        var host = fork.Config?.Host;
        if (host == SiteHost.Netlify)
        {
            foreach (var secret in NetlifySecrets.Where(s => !scalars.Any(v => v.Contains($"secrets.{s}", StringComparison.Ordinal))))
                yield return DoctorFinding.Problem($"{shown}: names no secrets.{secret}, which the Netlify deploy needs: give the deploy step `{secret}: ${{{{ secrets.{secret} }}}}` in its env");
            yield return DoctorFinding.Note($"the Netlify deploy needs the repository secrets {string.Join(" and ", NetlifySecrets)} (Settings → Secrets and variables → Actions); doctor cannot see secrets");
        }
        else if (host == SiteHost.GitHubPages)
        {
            var pagesWrite = Jobs(root).Any(job => Child(Child(job, "permissions"), "pages") is YamlScalarNode { Value: "write" });
            if (!pagesWrite)
                yield return DoctorFinding.Problem($"{shown}: no job has `pages: write` permission, so the site cannot be deployed to GitHub Pages; copy the deploy job of Paper Trail's {RelativePath}");
            if (!scalars.Any(v => v.StartsWith("actions/deploy-pages@", StringComparison.Ordinal)))
                yield return DoctorFinding.Problem($"{shown}: runs no actions/deploy-pages, so nothing publishes to GitHub Pages; copy the deploy job of Paper Trail's {RelativePath}");
            yield return DoctorFinding.Note("GitHub Pages publishes what the workflow deploys only once Settings → Pages → Source is \"GitHub Actions\"");
        }
    }

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static IEnumerable<YamlNode> Jobs(YamlMappingNode root) =>
        Child(root, "jobs") is YamlMappingNode jobs ? jobs.Children.Values : [];

    private static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode { Value: { } value } => [value],
        YamlSequenceNode sequence => sequence.Children.SelectMany(Scalars),
        YamlMappingNode mapping => mapping.Children.SelectMany(kv => Scalars(kv.Key).Concat(Scalars(kv.Value))),
        _ => [],
    };
}
