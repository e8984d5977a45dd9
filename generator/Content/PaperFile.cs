namespace PaperTrail.Content;

/// <summary>A paper and where it lives, relative to the content folder ('papers/2026/11/x.md').</summary>
internal sealed record PaperFile(string RelativePath, Paper Paper)
{
    /// <summary>A hash of the file's bytes, when the build knows it (its input manifest does).</summary>
    public string? ContentHash { get; init; }
}
