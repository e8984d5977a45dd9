using System.Diagnostics;
using System.Text.RegularExpressions;
using PaperTrail.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace PaperTrail.Tests.Publish;

/// <summary>
/// The Netlify token can publish anything at the site's address. Only the deploy step has it, in its
/// environment, where the Netlify CLI reads it: npm, the generator and KaTeX run in steps without it,
/// and no command line (which other processes and logs can read) ever holds it.
/// </summary>
public sealed partial class DeploySecretsTests : IDisposable
{
    private static readonly string[] Secrets = ["NETLIFY_AUTH_TOKEN", "NETLIFY_SITE_ID"];
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Only_the_deploy_step_has_the_netlify_secrets_and_only_in_its_environment()
    {
        var nightly = WorkflowFile.Load("nightly.yml");
        var deploy = nightly.StepRunning("publish", "scripts/deploy.sh");
        var env = (YamlMappingNode)WorkflowFile.At(deploy, "env");
        Assert.Equal("${{ secrets.NETLIFY_AUTH_TOKEN }}", WorkflowFile.Value(env, "NETLIFY_AUTH_TOKEN"));
        Assert.Equal("${{ secrets.NETLIFY_SITE_ID }}", WorkflowFile.Value(env, "NETLIFY_SITE_ID"));
        var deployIndex = nightly.Steps("publish").ToList().IndexOf(deploy);
        var allowed = new[] { $"jobs.publish.steps[{deployIndex}].env.NETLIFY_AUTH_TOKEN", $"jobs.publish.steps[{deployIndex}].env.NETLIFY_SITE_ID" };

        // Anywhere else, in any workflow: a job's or the workflow's env, a run line, an action's input.
        foreach (var workflow in WorkflowFile.All())
        {
            var mentions = workflow.Scalars()
                .Where(s => s.Scalar.Value is { } v && (v.Contains("secrets.", StringComparison.Ordinal) || Secrets.Any(secret => v.Contains(secret, StringComparison.Ordinal))))
                .Select(s => s.Path).Distinct().ToList();
            Assert.Equal(workflow.Name == "nightly.yml" ? allowed : Array.Empty<string>(), mentions);
        }
    }

    [Fact]
    public void The_steps_that_run_npm_the_generator_and_katex_come_before_the_deploy_and_have_no_secret()
    {
        var nightly = WorkflowFile.Load("nightly.yml");
        var steps = nightly.Steps("publish").ToList();
        var job = nightly.StepRunning("publish", "scripts/nightly.sh");
        var install = Assert.Single(steps, s => WorkflowFile.Value(s, "run")?.StartsWith("npm ci --prefix deploy", StringComparison.Ordinal) == true);
        var deploy = nightly.StepRunning("publish", "scripts/deploy.sh");

        Assert.True(steps.IndexOf(install) < steps.IndexOf(deploy) && steps.IndexOf(job) < steps.IndexOf(deploy));
        // After the deploy only the WebSub announcement runs (hubs must fetch the deployed feeds), with no secret.
        var after = steps.Skip(steps.IndexOf(deploy) + 1).ToList();
        var announce = Assert.Single(after);
        Assert.Equal(".generator/generator websub --content content --output output", WorkflowFile.Value(announce, "run"));
        Assert.False(announce.Children.ContainsKey(new YamlScalarNode("env")));
        Assert.False(job.Children.ContainsKey(new YamlScalarNode("env")));
        Assert.False(install.Children.ContainsKey(new YamlScalarNode("env")));
        // The job's deploy note reaches the deploy step through a step output, in its environment (not spliced into a run line).
        Assert.Equal("nightly", WorkflowFile.Value(job, "id"));
        Assert.Equal("${{ steps.nightly.outputs.deploy-message }}", WorkflowFile.Value((YamlMappingNode)WorkflowFile.At(deploy, "env"), "DEPLOY_MESSAGE"));
        Assert.Contains("deploy-message=nightly $day: $counts\" >>\"$GITHUB_OUTPUT\"", Script("nightly.sh"));
    }

    [GeneratedRegex(@"^\s*(unset( [A-Z_]+)+|: ""\$\{NETLIFY_AUTH_TOKEN:\?[^}]*\}"" ""\$\{NETLIFY_SITE_ID:\?[^}]*\}"")\s*$")]
    private static partial Regex UnsetOrPresenceCheck();

    [Fact]
    public void No_script_puts_a_netlify_secret_on_a_command_line()
    {
        var scripts = Directory.GetFiles(Path.Combine(Repo.Root, "scripts"), "*.sh").Append(Path.Combine(Repo.Root, ".ci", "run")).Where(File.Exists).ToList();
        Assert.Contains(scripts, s => s.EndsWith("deploy.sh", StringComparison.Ordinal));

        foreach (var script in scripts)
        {
            var lines = File.ReadAllLines(script).Select((text, i) => (Text: text, Number: i + 1)).Where(l => !l.Text.TrimStart().StartsWith('#')).ToList();
            foreach (var (text, number) in lines.Where(l => Secrets.Any(s => l.Text.Contains(s, StringComparison.Ordinal))))
                Assert.True(UnsetOrPresenceCheck().IsMatch(text), $"{Path.GetFileName(script)}:{number}: a Netlify secret in a command: {text.Trim()}");
            Assert.DoesNotContain(lines, l => l.Text.Contains("--auth", StringComparison.Ordinal) || l.Text.Contains("--site", StringComparison.Ordinal));
        }
    }

    [PosixFact("bash and scripts/deploy.sh")]
    public void The_deploy_hands_the_netlify_cli_its_secrets_in_the_environment_only_and_never_uploads_the_builds_records()
    {
        var cli = FakeRepository(cliExit: 0);

        var (exit, output) = Deploy(("NETLIFY_AUTH_TOKEN", "token-sentinel"), ("NETLIFY_SITE_ID", "site-sentinel"), ("DEPLOY_MESSAGE", "nightly 2026-11-29: 3 new"));

        Assert.True(exit == 0, output);
        var seen = File.ReadAllLines(cli.Log);
        Assert.Equal(["deploy", "--prod", "--dir", "output", "--no-build", "--message", "nightly 2026-11-29: 3 new"], seen.TakeWhile(l => l != "--").ToArray());
        Assert.Contains("env NETLIFY_AUTH_TOKEN=token-sentinel", seen);
        Assert.Contains("env NETLIFY_SITE_ID=site-sentinel", seen);
        // What the CLI found in output/ when it ran: the site, not the build's manifests and caches.
        Assert.Contains("file output/index.html", seen);
        Assert.DoesNotContain(seen, l => l.Contains(".paper-trail", StringComparison.Ordinal));
        Assert.True(File.Exists(_dir["output/.paper-trail/outputs.txt"]), "the build's records are back in output/ after the deploy");
        Assert.Contains("deploying output/ (2 files) to Netlify", output);
        Assert.DoesNotContain("sentinel", output);
    }

    [PosixFact("bash and scripts/deploy.sh")]
    public void A_failed_upload_fails_the_deploy_and_still_puts_the_builds_records_back()
    {
        FakeRepository(cliExit: 3);

        var (exit, output) = Deploy(("NETLIFY_AUTH_TOKEN", "t"), ("NETLIFY_SITE_ID", "s"));

        Assert.True(exit == 3, output);
        Assert.True(File.Exists(_dir["output/.paper-trail/outputs.txt"]));
        Assert.False(Directory.Exists(_dir[".paper-trail-kept"]));
    }

    [PosixTheory("bash and scripts/deploy.sh")]
    [InlineData("NETLIFY_AUTH_TOKEN", "set the NETLIFY_AUTH_TOKEN secret")]
    [InlineData("NETLIFY_SITE_ID", "set the NETLIFY_SITE_ID secret")]
    public void Without_a_secret_the_deploy_stops_before_running_anything(string missing, string message)
    {
        var cli = FakeRepository(cliExit: 0);
        var secrets = Secrets.Where(s => s != missing).Select(s => (s, "value")).ToArray();

        var (exit, output) = Deploy(secrets);

        Assert.NotEqual(0, exit);
        Assert.Contains(message, output);
        Assert.False(File.Exists(cli.Log));
        Assert.True(File.Exists(_dir["output/.paper-trail/outputs.txt"]));
    }

    [PosixFact("bash and scripts/deploy.sh")]
    public void Without_the_installed_cli_the_deploy_says_how_to_install_it_and_downloads_nothing()
    {
        var cli = FakeRepository(cliExit: 0);
        File.Delete(cli.Program);

        var (exit, output) = Deploy(("NETLIFY_AUTH_TOKEN", "t"), ("NETLIFY_SITE_ID", "s"));

        Assert.Equal(1, exit);
        Assert.Contains("the Netlify CLI is not installed: run npm ci --prefix deploy first", output);
    }

    [PosixFact("bash and scripts/deploy.sh")]
    public void A_dry_run_counts_the_files_it_would_upload_and_needs_no_secret()
    {
        var cli = FakeRepository(cliExit: 0);

        var (exit, output) = Deploy(["--dry-run"]);

        Assert.True(exit == 0, output);
        Assert.Contains("would deploy output/ (2 files) to Netlify", output);
        Assert.False(File.Exists(cli.Log));
    }

    /// <summary>The dry run (the rehearsal's last step) names the host site.yml chose: it said Netlify whatever the host.</summary>
    [PosixTheory("bash and scripts/deploy.sh")]
    [InlineData("netlify", "to Netlify")]
    [InlineData("github-pages", "to GitHub Pages (the nightly workflow's deploy job publishes it)")]
    [InlineData("cloudflare", "to cloudflare, which the nightly workflow does not deploy to (docs/deploying.md)")]
    public void A_dry_run_names_the_host_site_yml_chose(string host, string said)
    {
        FakeRepository(cliExit: 0);
        _dir.Write("content/site.yml", $"title: T\nhost: {host}\n");

        var (exit, output) = Deploy(["--dry-run"]);

        Assert.True(exit == 0, output);
        Assert.Contains($"would deploy output/ (2 files) {said}", output);
        if (host != "netlify") Assert.DoesNotContain("Netlify", output);
    }

    /// <summary>
    /// The secrets a person's shell may hold when running the job by hand reach no step of it: the
    /// rehearsal's setup script (a process the job starts, as it starts npm and the generator) looks.
    /// </summary>
    [PosixFact("bash, git and scripts/nightly.sh")]
    public void The_nightly_job_clears_the_secrets_before_it_starts_anything()
    {
        var seen = _dir["seen.txt"];
        var setup = _dir.Write("look.sh", $$"""
            echo "token=${NETLIFY_AUTH_TOKEN-absent} site=${NETLIFY_SITE_ID-absent}" > '{{seen}}'
            exit 3
            """);
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(Repo.Root, "scripts", "nightly.sh"));
        start.ArgumentList.Add("--offline");
        start.ArgumentList.Add(Path.Combine(Repo.Fixtures, "hf-html", "daily-list_2024-08-01_raw.html"));
        start.Environment["GENERATOR"] = GeneratorProcess.Dll;
        start.Environment["NIGHTLY_WORKDIR"] = _dir["work"];
        start.Environment["NIGHTLY_REHEARSAL_SETUP"] = setup;
        start.Environment["NETLIFY_AUTH_TOKEN"] = "token-sentinel";
        start.Environment["NETLIFY_SITE_ID"] = "site-sentinel";
        start.Environment.Remove("GITHUB_ACTIONS");
        var (exit, output) = RunToEnd(start);

        Assert.True(exit == 3, output); // stopped by the setup script, as any failing step stops the job
        Assert.Equal("token=absent site=absent", File.ReadAllText(seen).Trim());
    }

    private sealed record FakeCli(string Program, string Log);

    /// <summary>
    /// The repository as the deploy step finds it: scripts/deploy.sh, a built output/ with the build's
    /// records in it, and in place of the Netlify CLI a program that writes down its arguments, the
    /// secrets in its environment and the files it would upload, then exits with <paramref name="cliExit"/>.
    /// </summary>
    private FakeCli FakeRepository(int cliExit)
    {
        var script = _dir["scripts/deploy.sh"];
        Directory.CreateDirectory(Path.GetDirectoryName(script)!);
        File.Copy(Path.Combine(Repo.Root, "scripts", "deploy.sh"), script);
        File.Copy(Path.Combine(Repo.Root, "scripts", "site-host.sh"), _dir["scripts/site-host.sh"]);
        _dir.Write("output/index.html", "<!DOCTYPE html><title>x</title>");
        _dir.Write("output/assets/style.0123abcd.css", "body{}");
        _dir.Write("output/.paper-trail/outputs.txt", "index.html\n");
        var log = _dir["cli.log"];
        var program = _dir.Write("deploy/node_modules/.bin/netlify", $"""
            #!/usr/bin/env bash
            for arg in "$@"; do echo "$arg"; done > '{log}'
            echo "--" >> '{log}'
            echo "env NETLIFY_AUTH_TOKEN=$NETLIFY_AUTH_TOKEN" >> '{log}'
            echo "env NETLIFY_SITE_ID=$NETLIFY_SITE_ID" >> '{log}'
            find output -type f | sort | sed 's/^/file /' >> '{log}'
            exit {cliExit}
            """);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new FakeCli(program, log);
    }

    private (int Exit, string Output) Deploy(params (string Name, string Value)[] environment) => Deploy([], environment);

    private (int Exit, string Output) Deploy(string[] args, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _dir.Path };
        start.ArgumentList.Add(_dir["scripts/deploy.sh"]);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var secret in Secrets) start.Environment.Remove(secret);
        start.Environment.Remove("DEPLOY_MESSAGE");
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return RunToEnd(start);
    }

    private static (int Exit, string Output) RunToEnd(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2))) { process.Kill(true); throw new TimeoutException("the script hung"); }
        return (process.ExitCode, output.Result + errors.Result);
    }

    private static string Script(string name) => File.ReadAllText(Path.Combine(Repo.Root, "scripts", name));
}
