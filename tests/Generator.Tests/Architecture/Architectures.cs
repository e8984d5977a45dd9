using ArchUnitNET.Loader;

namespace PaperTrail.Tests.Architecture;

/// <summary>The types the folder rules are checked on, loaded once: the generator's, and the fixtures made to break the rules or keep them.</summary>
internal static class Architectures
{
    public static readonly ArchUnitNET.Domain.Architecture Generator =
        new ArchLoader().LoadAssemblies(typeof(PaperTrail.Commands.Cli).Assembly).Build();

    public static readonly ArchUnitNET.Domain.Architecture Fixtures =
        new ArchLoader().LoadNamespacesWithinAssembly(typeof(Architectures).Assembly, "PaperTrail.Tests.Architecture.Fixtures").Build();
}
