namespace PaperTrail.Ingest.Sources;

/// <summary>Inputs as the user named them: files, or folders whose files are taken in name order.</summary>
public static class InputFiles
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".json", ".xml", ".atom", ".html", ".htm" };

    public static IReadOnlyList<string> Expand(IEnumerable<string> inputs) =>
        inputs.SelectMany<string, string>(input => !input.Contains("://", StringComparison.Ordinal) && Directory.Exists(input)
                ? Directory.EnumerateFiles(input, "*", SearchOption.TopDirectoryOnly)
                    .Where(f => Extensions.Contains(Path.GetExtension(f)))
                    .Order(StringComparer.Ordinal)
                : [input])
            .ToList();
}
