namespace PaperTrail.Pipelines;

/// <summary>
/// What the last build rendered under one shared hash (what every page depends on): its paper
/// cards and its render manifest, read on another core while the outputs are planned. Made by
/// another shared hash (a clean build, another "last updated" day…), they are empty.
/// </summary>
public sealed class LastRender
{
    private readonly Task<CardCache> _cards;
    private readonly Task<RenderManifest> _renders;

    private LastRender(string shared, Task<CardCache> cards, Task<RenderManifest> renders)
    {
        Shared = shared;
        _cards = cards;
        _renders = renders;
    }

    /// <summary>The shared hash of this build's pages.</summary>
    public string Shared { get; }

    public CardCache Cards => _cards.GetAwaiter().GetResult();

    public RenderManifest Renders => _renders.GetAwaiter().GetResult();

    /// <summary>Starts reading, in the background, what the last build recorded under <paramref name="shared"/>.</summary>
    public static LastRender Read(BuildOptions options, string shared) => new(shared,
        Task.Run(() => options.Clean ? CardCache.Empty : CardCache.Read(options.OutputDir, InputManifest.Generator, shared)),
        Task.Run(() => options.Clean ? RenderManifest.Empty : RenderManifest.Read(options.OutputDir, shared)));
}
