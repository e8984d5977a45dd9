using System.Diagnostics;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Publish;

/// <summary>
/// What scripts/publish-generator.sh makes when the fastest generator cannot be made, driven by a
/// stand-in `dotnet` (<see cref="StandInDotnet"/>) so that no test waits minutes for a compiler: it
/// falls back from native AOT to ReadyToRun to JIT and its one line says which and why, it tries
/// native code only with a C compiler to link it, and a publish that fails leaves the last generator
/// in place for the next night.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PublishFallbackTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>The programs the script runs besides dotnet and a C compiler.</summary>
    private static readonly string[] ScriptTools =
        ["bash", "cat", "chmod", "cut", "dirname", "find", "grep", "mkdir", "mktemp", "mv", "printf", "rm", "sed", "sha256sum", "sort", "tail", "uname", "xargs"];

    [PosixTheory("bash and coreutils")]
    [InlineData(new[] { "aot" }, "readytorun", "generator: ReadyToRun (native AOT failed: " + StandInDotnet.Error + ")")]
    [InlineData(new[] { "aot", "readytorun" }, "jit", "generator: JIT (native AOT failed: " + StandInDotnet.Error + "; ReadyToRun failed too)")]
    public void When_native_code_fails_the_next_flavour_is_made_and_one_line_says_which_and_why(string[] failing, string made, string line)
    {
        var dotnet = new StandInDotnet(_dir["dotnet"], failing);
        var tools = ToolsOnly(_dir["tools"], "clang");
        var output = _dir["out"];

        var result = Publish(StandInRepository(), output, dotnet.Bin + ":" + tools);

        Assert.True(result.Exit == 0, result.Output);
        Assert.Equal(line, FlavourLine(result.Output));
        Assert.Equal(made, Run(Path.Combine(output, "generator")));
        // Native code first, then each next flavour once.
        Assert.Equal(failing.Append(made), dotnet.Publishes);
    }

    [PosixTheory("bash and coreutils")]
    [InlineData(null, "generator: ReadyToRun (native AOT not made: no C compiler (clang or gcc) on PATH to link it)", new[] { "readytorun" })]
    [InlineData("gcc", "generator: native AOT", new[] { "aot linked by gcc" })]
    [InlineData("clang", "generator: native AOT", new[] { "aot" })]
    public void Native_code_is_tried_only_with_a_c_compiler_on_path_to_link_it(string? compiler, string line, string[] publishes)
    {
        var dotnet = new StandInDotnet(_dir["dotnet"]);
        var tools = ToolsOnly(_dir["tools"], compiler);
        var output = _dir["out"];

        var result = Publish(StandInRepository(), output, dotnet.Bin + ":" + tools);

        Assert.True(result.Exit == 0, result.Output);
        Assert.Equal(line, FlavourLine(result.Output));
        Assert.Equal(publishes, dotnet.Publishes);
    }

    [PosixFact("bash and coreutils")]
    public void A_publish_that_fails_says_why_and_leaves_the_last_generator_in_place()
    {
        var repo = StandInRepository();
        var output = _dir["out"];
        var path = ToolsOnly(_dir["tools"], "clang");
        var working = new StandInDotnet(_dir["working"]);
        Assert.Equal(0, Publish(repo, output, working.Bin + ":" + path).Exit);
        var record = File.ReadAllText(Path.Combine(output, ".published"));

        File.WriteAllText(Path.Combine(repo, "generator", "Program.cs"), "System.Console.WriteLine(\"changed\");\n");
        var broken = new StandInDotnet(_dir["broken"], "aot", "readytorun", "jit");
        var result = Publish(repo, output, broken.Bin + ":" + path);

        Assert.Equal(1, result.Exit);
        Assert.Contains(StandInDotnet.Error, result.Output);
        Assert.Contains("the generator could not be published (see dotnet's messages above)", result.Output);
        Assert.Equal("aot", Run(Path.Combine(output, "generator")));
        Assert.Equal(record, File.ReadAllText(Path.Combine(output, ".published")));
        // Nothing is left beside it: the folder a publish goes to is removed when it fails.
        Assert.Equal([output], Directory.GetDirectories(_dir.Path, "out*"));
    }

    /// <summary>
    /// A repository with the publish script and the files whose hash names what the generator is made
    /// from; the stand-in dotnet compiles nothing, so the program itself is a line.
    /// </summary>
    private string StandInRepository()
    {
        var repo = _dir["repo"];
        Directory.CreateDirectory(Path.Combine(repo, "scripts"));
        File.Copy(Path.Combine(Repo.Root, "scripts", "publish-generator.sh"), Path.Combine(repo, "scripts", "publish-generator.sh"));
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
            File.Copy(Path.Combine(Repo.Root, file), Path.Combine(repo, file));
        _dir.Write("repo/generator/Program.cs", "System.Console.WriteLine(\"the stand-in generator ran\");\n");
        return repo;
    }

    /// <summary>
    /// A folder of links to the programs the script needs and to COMPILER if any (a stand-in that is
    /// never run): as PATH, a machine without clang or gcc, or with only the one named.
    /// </summary>
    private static string ToolsOnly(string folder, string? compiler)
    {
        Directory.CreateDirectory(folder);
        foreach (var tool in ScriptTools)
            File.CreateSymbolicLink(Path.Combine(folder, tool), Which(tool));
        if (compiler is not null)
        {
            var stub = Path.Combine(folder, compiler);
            File.WriteAllText(stub, "#!/bin/sh\nexit 1\n");
            File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return folder;
    }

    private static string Which(string tool) =>
        Environment.GetEnvironmentVariable("PATH")!.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists) ?? throw new InvalidOperationException($"{tool} is not on PATH");

    private static (int Exit, string Output) Publish(string repo, string output, string path)
    {
        var start = new ProcessStartInfo(Which("bash")) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(repo, "scripts", "publish-generator.sh"));
        start.ArgumentList.Add(output);
        start.Environment["PATH"] = path;
        start.Environment.Remove("PAPER_TRAIL_NO_AOT");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1))) { process.Kill(true); throw new TimeoutException("the publish did not finish in a minute"); }
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
