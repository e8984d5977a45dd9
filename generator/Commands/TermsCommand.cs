using System.CommandLine;
using System.Text;
using PaperTrail.Content;
using PaperTrail.Errors;
using PaperTrail.Output;
using PaperTrail.Related;

namespace PaperTrail.Commands;

/// <summary>
/// <c>generator terms [--papers FILES] [--output FILE]</c>: writes the table of how many papers use
/// each term, which related papers weigh terms by (<see cref="TermFrequencies"/>). For an archive
/// about another field than the default table's (machine learning): made from the archive itself,
/// or from a larger set of source files, once; a new table changes related lists, so remaking it
/// every night would rewrite paper pages every night.
/// </summary>
internal static class TermsCommand
{
    public static Command Create(CommandContext context)
    {
        var content = CommonOptions.Content();
        var papers = new Option<string[]>("--papers") { Description = "count these files or folders (any source) instead of the archive's papers", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string?>("--output") { Description = $"where to write the table (default: <content>/{TermFrequencies.FileName}, which builds then use)" }.NamingAPath();
        var command = new Command("terms", "write the term table related papers are weighed by") { content, papers, output };
        command.SetAction(result => context.Guarded(() =>
        {
            var dir = result.GetValue(content)!;
            var problems = new List<ContentProblem>();
            var from = result.GetValue(papers) ?? [];
            // The archive is read for its papers, or written to for the table's default place.
            if (from.Length == 0 || result.GetValue(output) is null) ContentFolder.Require(dir);
            var path = result.GetValue(output) ?? Path.Combine(dir, TermFrequencies.FileName);
            using var writer = IsInside(path, dir) ? FolderLock.OnContent(dir, "terms", context.Output) : null;
            var set = from.Length > 0
                ? SourceFilePapers.Read(from)
                : ArchiveLoader.LoadPapers(dir, problems).Select(f => f.Paper).Where(p => !p.Hidden && p.RedirectTo is null).ToList();
            if (problems.Count > 0) throw new ContentException(problems);
            if (set.Count < 2) throw new UsageException("terms needs at least two papers to count");

            var text = TermFrequencies.Format(set);
            AtomicFile.Write(path, Encoding.UTF8.GetBytes(text));
            context.Output.WriteLine($"terms: {text.Count(c => c == '\n') - 2} terms used by two or more of {set.Count} papers, written to {DisplayPath.Of(path)}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>True when the table goes into the archive's folder, which is then locked as ingest locks it.</summary>
    private static bool IsInside(string path, string folder)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(path).StartsWith(root, StringComparison.Ordinal);
    }
}
