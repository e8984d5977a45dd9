using PaperTrail.Content;
using PaperTrail.Ingest.Sources;

namespace PaperTrail.Commands;

/// <summary>Papers read straight from source files or folders (any source), without touching any archive.</summary>
internal static class SourceFilePapers
{
    public static List<Paper> Read(IEnumerable<string> inputs) =>
        InputFiles.Expand(inputs)
            .SelectMany(file => SourceRegistry.Read(file, null).Papers)
            .Select(p => new Paper { Title = p.Title, Slug = Slug.From(p.Title), Arxiv = p.Arxiv, Abstract = p.Abstract, Trending = [p.Trending ?? DateOnly.MinValue] })
            .ToList();
}
