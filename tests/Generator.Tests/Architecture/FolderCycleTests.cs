using ArchUnitNET.xUnit;

namespace PaperTrail.Tests.Architecture;

/// <summary>
/// The folders of <c>generator/</c> depend on each other one way (docs/architecture.md draws the
/// floors): no change may quietly add a circle. The rule is also run on a fixture made to break it,
/// so a rule that can no longer fail is seen.
/// </summary>
public sealed class FolderCycleTests
{
    [Fact]
    public void No_circle_between_the_folders_of_the_generator() =>
        FolderRules.NoCircleBetweenFolders("PaperTrail").Check(Architectures.Generator);

    [Fact]
    public void The_rule_finds_a_circle_between_two_folders_and_names_them()
    {
        var violations = FolderRules.Violations(FolderRules.NoCircleBetweenFolders("PaperTrail.Tests.Architecture.Fixtures.Circular"), Architectures.Fixtures);

        var circle = Assert.Single(violations);
        Assert.Contains("Rooms", circle);
        Assert.Contains("Floors", circle);
        Assert.Contains("Fixtures.Circular.Floors.Floor", circle);
    }

    [Fact]
    public void The_rule_passes_folders_that_depend_one_way() =>
        FolderRules.NoCircleBetweenFolders("PaperTrail.Tests.Architecture.Fixtures.OneWay").Check(Architectures.Fixtures);
}
