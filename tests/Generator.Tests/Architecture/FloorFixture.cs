// A lower folder that reaches up to a higher one, with no circle between them: what the floor rule
// must fail and the circle rule lets pass. Block namespaces, as each stands for a folder of its own.

namespace PaperTrail.Tests.Architecture.Fixtures.Reaching.Cellar
{
    /// <summary>A pipe in the cellar that knows the gutter on the roof: the lower floor reaches up.</summary>
    public sealed record Pipe(Roof.Gutter Gutter);
}

namespace PaperTrail.Tests.Architecture.Fixtures.Reaching.Roof
{
    /// <summary>A gutter, on the higher floor, that knows nothing of the cellar.</summary>
    public sealed record Gutter(int Length);
}
