using ArchUnitNET.Fluent;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace PaperTrail.Tests.Architecture;

/// <summary>
/// Nothing references the generator but its tests (through <c>InternalsVisibleTo</c>), so no type of
/// it is public: what a type offers is decided by the folders that use it, not by an outside caller
/// that does not exist. Templates read the view models by reflection, which does not ask.
/// </summary>
public sealed class InternalByDefaultTests
{
    private static readonly IArchRule NoPublicType = Types().Should().NotBePublic();

    [Fact]
    public void The_generator_has_no_public_type() => NoPublicType.Check(Architectures.Generator);

    [Fact]
    public void The_rule_finds_a_public_type() =>
        Assert.Contains(FolderRules.Violations(NoPublicType, Architectures.Fixtures), v => v.Contains("Fixtures.Reaching.Roof.Gutter", StringComparison.Ordinal));
}
