using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Fluent.Slices;
using ArchUnitNET.Fluent.Syntax.Elements.Types;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

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
    public static IArchRule NoCircleBetweenFolders(string root)
    {
        // The folder is worked out here: ArchUnitNET 0.13 names a slice by the whole namespace below the
        // root whatever the pattern, so "PaperTrail.(*).." made Ingest.Sources a folder of its own.
        var slices = new SliceRuleCreator();
        slices.SetSliceAssignment(new SliceAssignment(
            type => FolderOf(root, type) is { } folder ? SliceIdentifier.Of(folder) : SliceIdentifier.Ignore(),
            $"by top-level folder of \"{root}\""));
        return new GivenSlices(slices).Should().BeFreeOfCycles();
    }

    /// <summary>
    /// The floors under <paramref name="root"/>, top first, each a few top-level folders: a folder (with
    /// its subfolders) may depend on its own floor and those below, never on a folder of a floor above.
    /// Within a floor, <see cref="NoCircleBetweenFolders"/> keeps the folders from depending on each other both ways.
    /// </summary>
    public static IArchRule FloorsInOrder(string root, IReadOnlyList<string[]> floors)
    {
        if (floors.Count < 2) throw new ArgumentException("floors in order need two floors at least", nameof(floors));
        var rules = new List<IArchRule>();
        for (var floor = 1; floor < floors.Count; floor++)
        {
            var above = floors.Take(floor).SelectMany(f => f).ToList();
            foreach (var folder in floors[floor])
                rules.Add(Types().That().ResideInNamespaceOrBelow($"{root}.{folder}").Should()
                    .NotDependOnAny(InFolders(root, above))
                    .Because($"{folder} stands below {string.Join(", ", above)}"));
        }
        return rules.Aggregate((all, rule) => all.And(rule));
    }

    /// <summary>The top-level folders under <paramref name="root"/> that have types and are on none of <paramref name="floors"/>: a rule cannot hold a folder it does not know.</summary>
    public static IReadOnlyList<string> FoldersOnNoFloor(string root, IReadOnlyList<string[]> floors, ArchUnitNET.Domain.Architecture architecture)
    {
        var placed = floors.SelectMany(f => f).ToHashSet(StringComparer.Ordinal);
        return architecture.Types
            .Select(t => FolderOf(root, t))
            .OfType<string>()
            .Where(folder => !placed.Contains(folder))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The top-level folder under <paramref name="root"/> a type is in, or null for a type outside it or of the root itself.</summary>
    private static string? FolderOf(string root, IType type)
    {
        var ns = type.Namespace.FullName;
        return ns.StartsWith(root + ".", StringComparison.Ordinal) ? ns[(root.Length + 1)..].Split('.')[0] : null;
    }

    private static GivenTypesConjunction InFolders(string root, IReadOnlyList<string> folders) =>
        folders.Skip(1).Aggregate(Types().That().ResideInNamespaceOrBelow($"{root}.{folders[0]}"),
            (types, folder) => types.Or().ResideInNamespaceOrBelow($"{root}.{folder}"));

    /// <summary>What the rule finds wrong in this architecture: one text per circle, naming the folders and the types that make it.</summary>
    public static IReadOnlyList<string> Violations(IArchRule rule, ArchUnitNET.Domain.Architecture architecture) =>
        rule.Evaluate(architecture).Where(r => !r.Passed).Select(r => r.Description).ToList();
}
