using System.Diagnostics;
using PaperTrail.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace PaperTrail.Tests.Publish;

/// <summary>
/// The nightly deploys where content/site.yml's <c>host:</c> says, chosen in that one place: Netlify
/// with its secrets, or GitHub Pages through an uploaded artifact and a deploy job that alone may
/// write to Pages. A fork that picks Pages needs no secret at all.
/// </summary>
public sealed class PagesWorkflowTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string? If(YamlMappingNode step) => WorkflowFile.Value(step, "if");

    private static YamlMappingNode StepNamed(WorkflowFile workflow, string job, string name) =>
        Assert.Single(workflow.Steps(job), s => WorkflowFile.Value(s, "name") == name);

    [Fact]
    public void The_host_step_reads_site_yml_before_anything_is_installed_or_fetched_and_is_the_jobs_output()
    {
        var nightly = WorkflowFile.Load("nightly.yml");
        var steps = nightly.Steps("publish").ToList();
        var host = StepNamed(nightly, "publish", "Host");

        Assert.Equal("scripts/site-host.sh >> \"$GITHUB_OUTPUT\"", WorkflowFile.Value(host, "run"));
        Assert.Equal("host", WorkflowFile.Value(host, "id"));
        Assert.True(steps.IndexOf(host) < steps.IndexOf(nightly.StepRunning("publish", "scripts/nightly.sh")));
        Assert.Equal("${{ steps.host.outputs.name }}", WorkflowFile.Value((YamlMappingNode)WorkflowFile.At(nightly.Root, "jobs", "publish", "outputs"), "host"));
    }

    [Fact]
    public void The_netlify_steps_run_only_for_netlify_and_the_pages_upload_only_for_github_pages()
    {
        var nightly = WorkflowFile.Load("nightly.yml");
        var steps = nightly.Steps("publish").ToList();
        var deploy = nightly.StepRunning("publish", "scripts/deploy.sh");
        var install = Assert.Single(steps, s => WorkflowFile.Value(s, "run")?.StartsWith("npm ci --prefix deploy", StringComparison.Ordinal) == true);
        Assert.Equal("steps.host.outputs.name == 'netlify'", If(deploy));
        Assert.Equal("steps.host.outputs.name == 'netlify'", If(install));

        var upload = Assert.Single(steps, s => WorkflowFile.Value(s, "uses")?.StartsWith("actions/upload-pages-artifact@", StringComparison.Ordinal) == true);
        Assert.Equal("steps.host.outputs.name == 'github-pages'", If(upload));
        Assert.Equal("output", WorkflowFile.Value((YamlMappingNode)WorkflowFile.At(upload, "with"), "path"));
        Assert.False(upload.Children.ContainsKey(new YamlScalarNode("env")));

        // The build's records are never published: set aside before the upload, back after it whatever its outcome.
        var aside = StepNamed(nightly, "publish", "Set the build's records aside (GitHub Pages)");
        var back = StepNamed(nightly, "publish", "Put the build's records back (GitHub Pages)");
        Assert.Equal("mv output/.paper-trail .paper-trail-kept", WorkflowFile.Value(aside, "run"));
        Assert.StartsWith("always() && ", If(back));
        Assert.Contains("mv .paper-trail-kept output/.paper-trail", WorkflowFile.Value(back, "run"));
        Assert.True(steps.IndexOf(nightly.StepRunning("publish", "scripts/nightly.sh")) < steps.IndexOf(aside));
        Assert.True(steps.IndexOf(aside) < steps.IndexOf(upload) && steps.IndexOf(upload) < steps.IndexOf(back));
    }

    [Fact]
    public void Only_the_pages_deploy_job_may_write_to_pages_and_it_runs_nothing_but_the_deploy_action()
    {
        var nightly = WorkflowFile.Load("nightly.yml");
        var job = (YamlMappingNode)WorkflowFile.At(nightly.Root, "jobs", "deploy");
        Assert.Equal("publish", WorkflowFile.Value(job, "needs"));
        Assert.Equal("needs.publish.outputs.host == 'github-pages'", WorkflowFile.Value(job, "if"));
        var permissions = (YamlMappingNode)WorkflowFile.At(job, "permissions");
        Assert.Equal(
            [("id-token", "write"), ("pages", "write")],
            permissions.Children.Select(kv => (((YamlScalarNode)kv.Key).Value!, ((YamlScalarNode)kv.Value).Value!)).Order().ToArray());
        Assert.Equal("github-pages", WorkflowFile.Value((YamlMappingNode)WorkflowFile.At(job, "environment"), "name"));
        var step = Assert.Single(nightly.Steps("deploy"));
        Assert.StartsWith("actions/deploy-pages@", WorkflowFile.Value(step, "uses"));
        Assert.False(step.Children.ContainsKey(new YamlScalarNode("env")));
        Assert.False(step.Children.ContainsKey(new YamlScalarNode("with")));

        // No other job, and not the workflow, may write to Pages or mint an identity token.
        var elsewhere = nightly.Scalars().Where(s => !s.IsKey && s.Scalar.Value == "write" && (s.Path.EndsWith(".pages", StringComparison.Ordinal) || s.Path.EndsWith(".id-token", StringComparison.Ordinal)));
        Assert.All(elsewhere, s => Assert.StartsWith("jobs.deploy.permissions.", s.Path));
    }

    [PosixTheory("bash and scripts/site-host.sh")]
    [InlineData("", "name=netlify")]
    [InlineData("host: github-pages\n", "name=github-pages")]
    [InlineData("host: \"netlify\" # the default\n", "name=netlify")]
    [InlineData("host: cloudflare\n", "name=cloudflare")]
    public void The_host_script_reads_the_host_site_yml_names(string line, string expected)
    {
        _dir.Write("content/site.yml", $"title: A\nbase_url: https://example.org/\n{line}language: en\n");

        var (exit, output) = HostScript();

        Assert.True(exit == 0, output);
        Assert.Equal(expected, output.Trim());
    }

    [PosixFact("bash and scripts/site-host.sh")]
    public void The_host_script_refuses_a_host_it_does_not_know_naming_the_file()
    {
        _dir.Write("content/site.yml", "title: A\nhost: gh-pages\n");

        var (exit, output) = HostScript();

        Assert.Equal(1, exit);
        Assert.Contains("content/site.yml: host 'gh-pages' is none of netlify, github-pages, cloudflare", output);
    }

    private (int Exit, string Output) HostScript()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _dir.Path };
        start.ArgumentList.Add(Path.Combine(Repo.Root, "scripts", "site-host.sh"));
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + errors.Result);
    }
}
