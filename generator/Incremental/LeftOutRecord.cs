using System.Globalization;
using System.Text;
using PaperTrail.Content;
using PaperTrail.Errors;
using PaperTrail.Output;

namespace PaperTrail.Incremental;

/// <summary>
/// <c>output/.paper-trail/left-out.txt</c>: the papers the last build left out of the site, each
/// problem on a line (file relative to the content folder, line, message), so that a build that ends
/// early because no input changed warns about them again, and fails with <c>--strict</c>, without
/// reading the archive. Every build writes it, before <c>inputs.txt</c>: the record that lets a build
/// end early is never newer than this one. Missing or unreadable: no early end.
/// </summary>
internal static class LeftOutRecord
{
    public const string FileName = "left-out.txt";
    private const string Format = "paper-trail-left-out 2";

    // Messages name other files of the archive as the person who ran the build sees them; kept
    // relative to the content folder, so the record holds no absolute path and reads right from anywhere.
    private const string ContentMark = "{content}";

    public static void Write(string outputDir, string contentDir, IReadOnlyList<LeftOutPaper> papers)
    {
        var shown = DisplayPath.Of(contentDir);
        var text = new StringBuilder(Format).Append('\n');
        foreach (var paper in papers)
            foreach (var problem in paper.Problems)
                text.Append(paper.RelativePath).Append('\t').Append(problem.Line.ToString(CultureInfo.InvariantCulture)).Append('\t')
                    .Append(ContentProblem.OneLine(problem.Message).Replace(shown + Path.DirectorySeparatorChar, ContentMark + "/", StringComparison.Ordinal)).Append('\n');
        CheckedFile.Write(OutputWriter.ManifestFile(outputDir, FileName), stream => stream.Write(new UTF8Encoding(false).GetBytes(text.ToString())));
    }

    /// <summary>The papers the last build left out, with their files as seen from here; null when there is no readable record (a damaged one is named in <paramref name="damage"/>).</summary>
    public static IReadOnlyList<LeftOutPaper>? Read(string outputDir, string contentDir, List<string> damage)
    {
        var file = CheckedFile.Read(OutputWriter.ManifestFile(outputDir, FileName));
        if (file.Damage is { } why) damage.Add(why);
        if (!file.Found) return null;
        var lines = file.Lines().ToArray();
        if (lines.Length == 0 || lines[0] != Format) return null;
        var shown = DisplayPath.Of(contentDir);
        var papers = new List<(string File, ContentProblem Problem)>();
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split('\t', 3);
            if (fields.Length != 3 || !int.TryParse(fields[1], CultureInfo.InvariantCulture, out var number)) return null;
            var message = fields[2].Replace(ContentMark + "/", shown + Path.DirectorySeparatorChar, StringComparison.Ordinal);
            papers.Add((fields[0], new ContentProblem(DisplayPath.Of(Path.Combine(contentDir, fields[0])), number, message)));
        }
        return papers.GroupBy(p => p.File, StringComparer.Ordinal)
            .Select(g => new LeftOutPaper(g.Key, g.Select(p => p.Problem).ToList())).ToList();
    }
}
