using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Fluent.Slices;

namespace PaperTrail.Tests.Architecture;

/// <summary>
/// The rules the folders of <c>generator/</c> keep, written once for any root namespace, so that the
/// same rule runs on the generator and on a fixture made to break it.
/// </summary>
public static class FolderRules
{
    /// <summary>
    /// No circle between the top-level folders (namespaces) under <paramref name="root"/>: a folder's
    /// subfolders count as the folder (Ingest.Sources is Ingest), types of the root itself are left out.
    /// </summary>
    public static IArchRule NoCircleBetweenFolders(string root) =>
        SliceRuleDefinition.Slices().Matching(root + ".(*)..").Should().BeFreeOfCycles();

    /// <summary>What the rule finds wrong in this architecture: one text per circle, naming the folders and the types that make it.</summary>
    public static IReadOnlyList<string> Violations(IArchRule rule, ArchUnitNET.Domain.Architecture architecture) =>
        rule.Evaluate(architecture).Where(r => !r.Passed).Select(r => r.Description).ToList();
}
