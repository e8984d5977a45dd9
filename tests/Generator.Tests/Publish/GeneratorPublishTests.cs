using System.Diagnostics;
using System.Text.RegularExpressions;
using PaperTrail.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace PaperTrail.Tests.Publish;

/// <summary>
/// The nightly runs the fastest generator its runner can make (scripts/publish-generator.sh): compiled
/// to native code, kept between nights under a key of everything it is compiled from, and made again
/// only when that changes. Where native code cannot be made, it makes ReadyToRun (or JIT) code and
/// one line says which.
/// </summary>
public sealed partial class GeneratorPublishTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string PublishRun = "scripts/publish-generator.sh .generator";

    [GeneratedRegex(@"hashFiles\((?<files>[^)]*)\)")]
    private static partial Regex HashFiles();

    [Fact]
    public void The_workflow_restores_the_generator_from_a_cache_keyed_on_its_sources_and_sdk_and_publishes_it_before_the_job()
    {
        var nightly = WorkflowFile.Load("nightly.yml");
        var steps = nightly.Steps("publish").ToList();
        var cache = Assert.Single(steps, s => WorkflowFile.Value(s, "uses")?.StartsWith("actions/cache@", StringComparison.Ordinal) == true
            && WorkflowFile.Value((YamlMappingNode)WorkflowFile.At(s, "with"), "path") == ".generator");
        var key = WorkflowFile.Value((YamlMappingNode)WorkflowFile.At(cache, "with"), "key")!;
        var hashed = HashFiles().Match(key).Groups["files"].Value.Split(',').Select(f => f.Trim().Trim('\'')).Order(StringComparer.Ordinal);
        Assert.Equal(["Directory.Build.props", "Directory.Packages.props", "generator/**", "global.json", "scripts/publish-generator.sh"], hashed);
        // A new SDK compiles other code from the same sources: its version is in the key, from a step that asks dotnet.
        var sdk = nightly.StepRunning("publish", "echo \"version=$(dotnet --version)\" >> \"$GITHUB_OUTPUT\"");
        Assert.Equal("sdk", WorkflowFile.Value(sdk, "id"));
        Assert.Contains("${{ steps.sdk.outputs.version }}", key);
        // No restore-keys: an older generator must never stand in for this one.
        Assert.False(((YamlMappingNode)WorkflowFile.At(cache, "with")).Children.ContainsKey(new YamlScalarNode("restore-keys")));

        var publish = nightly.StepRunning("publish", PublishRun);
        var job = nightly.StepRunning("publish", "scripts/nightly.sh");
        var setupDotnet = steps.FindIndex(s => WorkflowFile.Value(s, "uses")?.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal) == true);
        Assert.True(setupDotnet < steps.IndexOf(sdk) && steps.IndexOf(sdk) < steps.IndexOf(cache)
            && steps.IndexOf(cache) < steps.IndexOf(publish) && steps.IndexOf(publish) < steps.IndexOf(job));
        // The job runs the program that step made, from the folder the cache keeps.
        var script = File.ReadAllText(Path.Combine(Repo.Root, "scripts", "nightly.sh"));
        Assert.Contains("\"$repo/scripts/publish-generator.sh\" \"$repo/.generator\"", script);
        Assert.Contains("GENERATOR=\"$repo/.generator/generator\"", script);
    }

    [PosixFact("bash, and the .NET SDK to publish a stand-in generator")]
    public void Without_native_code_the_publish_makes_readytorun_says_so_in_one_line_and_reuses_it_until_a_source_changes()
    {
        var repo = StandInRepository();
        var output = _dir["out"];

        var first = Publish(repo, output);

        Assert.True(first.Exit == 0, first.Output);
        Assert.Equal("generator: ReadyToRun (native AOT not made: PAPER_TRAIL_NO_AOT is set)", FlavourLine(first.Output));
        Assert.Equal("the stand-in generator ran", Run(Path.Combine(output, "generator")));

        var again = Publish(repo, output);

        Assert.True(again.Exit == 0, again.Output);
        Assert.Equal("generator: ReadyToRun (already published from these sources)", FlavourLine(again.Output));

        File.WriteAllText(Path.Combine(repo, "generator", "Program.cs"), "System.Console.WriteLine(\"the changed stand-in ran\");\n");
        var changed = Publish(repo, output);

        Assert.True(changed.Exit == 0, changed.Output);
        Assert.Equal("generator: ReadyToRun (native AOT not made: PAPER_TRAIL_NO_AOT is set)", FlavourLine(changed.Output));
        Assert.Equal("the changed stand-in ran", Run(Path.Combine(output, "generator")));
    }

    /// <summary>
    /// A repository with the publish script, the build settings of this one, and in place of the
    /// generator a program of one line (publishing it takes seconds, not minutes).
    /// </summary>
    private string StandInRepository()
    {
        var repo = _dir["repo"];
        Directory.CreateDirectory(Path.Combine(repo, "scripts"));
        File.Copy(Path.Combine(Repo.Root, "scripts", "publish-generator.sh"), Path.Combine(repo, "scripts", "publish-generator.sh"));
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
            File.Copy(Path.Combine(Repo.Root, file), Path.Combine(repo, file));
        _dir.Write("repo/generator/Generator.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <AssemblyName>generator</AssemblyName>
              </PropertyGroup>
            </Project>
            """);
        _dir.Write("repo/generator/Program.cs", "System.Console.WriteLine(\"the stand-in generator ran\");\n");
        return repo;
    }

    private static (int Exit, string Output) Publish(string repo, string output)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(repo, "scripts", "publish-generator.sh"));
        start.ArgumentList.Add(output);
        start.Environment["PAPER_TRAIL_NO_AOT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) { process.Kill(true); throw new TimeoutException("the publish did not finish in 5 minutes"); }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>The one line that names what was made.</summary>
    private static string FlavourLine(string output) =>
        Assert.Single(output.Split('\n'), l => l.StartsWith("generator: ", StringComparison.Ordinal)).TrimEnd('\r');

    private static string Run(string program)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text.Trim();
    }
}
