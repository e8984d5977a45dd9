namespace PaperTrail.Content;

/// <summary>
/// A Markdown file split into its YAML front matter and its body, remembering on which line of the
/// file the YAML starts so that problems can name the line a person sees in their editor.
/// </summary>
internal sealed record FrontMatterDocument(string Yaml, int YamlFirstLine, string Body)
{
    /// <summary>The line of the file on which the body's text starts.</summary>
    public int BodyFirstLine { get; private init; } = 1;

    /// <summary>Splits <paramref name="text"/>; null with a problem when there is no front matter.</summary>
    public static FrontMatterDocument? Split(string file, string text, out ContentProblem? problem)
    {
        problem = null;
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            problem = new ContentProblem(file, 1, "expected front matter: the file must start with a line '---'");
            return null;
        }
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line is "---" or "...")
            {
                var yaml = string.Join('\n', lines[1..i]);
                var after = string.Join('\n', lines[(i + 1)..]);
                var body = after.Trim('\n');
                var blank = after.Length - after.TrimStart('\n').Length;
                return new FrontMatterDocument(yaml, 2, body) { BodyFirstLine = i + 2 + blank };
            }
        }
        problem = new ContentProblem(file, 1, "front matter is not closed: add a line '---' after it");
        return null;
    }
}
