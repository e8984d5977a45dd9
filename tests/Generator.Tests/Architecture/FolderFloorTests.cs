using ArchUnitNET.xUnit;

namespace PaperTrail.Tests.Architecture;

/// <summary>
/// The folders of <c>generator/</c> stand on floors, as docs/architecture.md draws them: a folder uses
/// the folders of its own floor and of the floors below, never one above, so what the whole build
/// shares (the site model, the archive, errors) never learns of what uses it. Every folder must stand on
/// a floor, so a new one cannot slip past the rule; and the rule is also run on a fixture made to break
/// it, so a rule that can no longer fail is seen.
/// </summary>
public sealed class FolderFloorTests
{
    /// <summary>The floors of the generator, top first (docs/architecture.md, <i>Floors</i>).</summary>
    private static readonly string[][] Floors =
    [
        ["Commands", "Preview"],          // the command line, and `serve`
        ["Build", "Ingest", "WebSub", "Doctor"], // what each command does; doctor checks a fork
        ["Incremental"],                  // what the last build left for this one
        ["Pipelines", "Search"],          // pages, feeds, the search index
        ["Rendering", "Output", "Tools"], // templates and writers, files on disk, the Node.js tools
        ["Site", "Views"],                // the site model every stage shares, the views templates receive
        ["Topics", "Related"],            // what is worked out from the papers
        ["Content"],                      // the archive
        ["Errors", "Platform", "Progress"], // what any floor may use
    ];

    [Fact]
    public void The_folders_of_the_generator_depend_only_on_their_floor_and_those_below() =>
        FolderRules.FloorsInOrder("PaperTrail", Floors).Check(Architectures.Generator);

    [Fact]
    public void Every_folder_of_the_generator_stands_on_a_floor() =>
        Assert.Empty(FolderRules.FoldersOnNoFloor("PaperTrail", Floors, Architectures.Generator));

    [Fact]
    public void The_rule_finds_a_lower_folder_that_reaches_up_and_names_the_types()
    {
        const string root = "PaperTrail.Tests.Architecture.Fixtures.Reaching";
        var violations = FolderRules.Violations(FolderRules.FloorsInOrder(root, [["Roof"], ["Cellar"]]), Architectures.Fixtures);

        var reach = Assert.Single(violations);
        Assert.Contains("Cellar.Pipe", reach);
        Assert.Contains("Roof.Gutter", reach);
        // No circle: only the order of the floors tells that the cellar may not know the roof.
        FolderRules.NoCircleBetweenFolders(root).Check(Architectures.Fixtures);
    }

    [Fact]
    public void The_rule_passes_folders_that_depend_downward() =>
        FolderRules.FloorsInOrder("PaperTrail.Tests.Architecture.Fixtures.Reaching", [["Cellar"], ["Roof"]]).Check(Architectures.Fixtures);

    [Fact]
    public void A_folder_on_no_floor_is_named() =>
        Assert.Equal(["Floors"], FolderRules.FoldersOnNoFloor("PaperTrail.Tests.Architecture.Fixtures.OneWay", [["Rooms"]], Architectures.Fixtures));
}
