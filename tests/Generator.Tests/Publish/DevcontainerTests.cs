using System.Text.Json;
using System.Text.RegularExpressions;
using PaperTrail.Commands;
using PaperTrail.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace PaperTrail.Tests.Publish;

/// <summary>
/// A forker can open the repository in a browser-based editor and run <c>serve</c> at once: the
/// devcontainer has the SDK global.json pins, the Node.js the nightly uses, restores both when
/// made, and forwards serve's port.
/// </summary>
public sealed partial class DevcontainerTests
{
    private static readonly JsonDocumentOptions Jsonc = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static JsonElement Devcontainer() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, ".devcontainer", "devcontainer.json")), Jsonc).RootElement;

    [GeneratedRegex(@"^mcr\.microsoft\.com/devcontainers/dotnet:(?:\d+-)?(?<major>\d+)\.\d+(?:-[a-z0-9.-]+)?$")]
    private static partial Regex DotnetImage();

    [Fact]
    public void Its_image_is_the_official_dotnet_one_of_the_sdk_major_version_global_json_pins()
    {
        var sdk = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, "global.json"))).RootElement.GetProperty("sdk").GetProperty("version").GetString()!;
        var image = Devcontainer().GetProperty("image").GetString()!;

        var match = DotnetImage().Match(image);
        Assert.True(match.Success, $"'{image}' is not an official .NET devcontainer image");
        Assert.Equal(sdk.Split('.')[0], match.Groups["major"].Value);
    }

    [Fact]
    public void It_has_the_node_version_the_nightly_sets_up()
    {
        var nightly = WorkflowFile.Load("nightly.yml");
        var setupNode = Assert.Single(nightly.Steps("publish"), s => WorkflowFile.Value(s, "uses")?.StartsWith("actions/setup-node@", StringComparison.Ordinal) == true);
        var workflowNode = WorkflowFile.Value((YamlMappingNode)WorkflowFile.At(setupNode, "with"), "node-version");

        var node = Devcontainer().GetProperty("features").GetProperty("ghcr.io/devcontainers/features/node:1");

        Assert.Equal(workflowNode, node.GetProperty("version").GetString());
    }

    [Fact]
    public void It_restores_the_generator_and_the_pinned_tools_when_made_and_forwards_serves_port()
    {
        var container = Devcontainer();
        var commands = container.GetProperty("postCreateCommand").GetString()!.Split("&&", StringSplitOptions.TrimEntries);

        Assert.Contains("dotnet restore Site.sln", commands);
        // npm ci installs exactly package-lock.json, as the build does, never a newer tool.
        Assert.Contains(commands, c => c.StartsWith("npm ci", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(Repo.Root, "Site.sln")));
        Assert.Contains(ServeCommand.DefaultPort, container.GetProperty("forwardPorts").EnumerateArray().Select(p => p.GetInt32()));
    }
}
