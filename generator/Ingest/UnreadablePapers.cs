using System.Text.RegularExpressions;
using PaperTrail.Content;

namespace PaperTrail.Ingest;

/// <summary>
/// Paper files of the archive that cannot be read (a YAML slip, a missing field…). Ingest does not
/// stop the night for them: it leaves each file as it is and names it, and it keeps incoming papers
/// away from it. From the raw text it recovers what identity it can (the file's slug, an
/// <c>arxiv:</c> line, a <c>title:</c> line): an incoming paper that may be the same one is not
/// merged (a date would be lost for it, not the paper), and no new paper takes the file's slug
/// (a new file at its path would write over a person's edit).
/// </summary>
internal sealed partial class UnreadablePapers
{
    private readonly List<(LeftOutPaper File, string Slug, string? Arxiv, string? TitleKey)> _files = [];

    public UnreadablePapers(string contentDir, IEnumerable<LeftOutPaper> unreadable)
    {
        foreach (var file in unreadable)
        {
            // What can be read of it: a link, a pipe or a file over its cap is never opened, and says nothing.
            var text = ContentFile.Read(Path.Combine(contentDir, file.RelativePath), out _) is { } bytes ? ArchiveLoader.Decode(bytes) : "";
            var arxiv = ArxivLine().Match(text) is { Success: true } a ? ArxivId.Normalize(a.Groups[1].Value) : null;
            var title = TitleLine().Match(text) is { Success: true } t ? TitleKey.Of(t.Groups[1].Value.Trim().Trim('"', '\'')) : null;
            _files.Add((file, Path.GetFileNameWithoutExtension(file.RelativePath), arxiv, string.IsNullOrEmpty(title) ? null : title));
        }
    }

    public int Count => _files.Count;

    /// <summary>Slugs no new paper may take: those of the files that cannot be read.</summary>
    public IEnumerable<string> Slugs => _files.Select(f => f.Slug);

    /// <summary>One warning per file: what is wrong, and that ingest left it as it is.</summary>
    public IEnumerable<string> Warnings =>
        _files.Select(f => $"warning: {f.File.Problems[0].ToString().TrimEnd('.')}; ingest leaves this file as it is: fix it (generator check lists every problem)");

    /// <summary>The unreadable file the incoming paper may be, by arXiv id, title or the slug its title makes; else null.</summary>
    public LeftOutPaper? MayBe(SourcePaper incoming)
    {
        var arxiv = ArxivId.Normalize(incoming.Arxiv);
        var title = TitleKey.Of(incoming.Title);
        var slug = Slug.From(incoming.Title);
        foreach (var f in _files)
            if ((arxiv is not null && f.Arxiv == arxiv) || f.TitleKey == title || f.Slug == slug) return f.File;
        return null;
    }

    [GeneratedRegex(@"^arxiv:[ \t]*[""']?([^\s""']+)", RegexOptions.Multiline)]
    private static partial Regex ArxivLine();

    [GeneratedRegex(@"^title:[ \t]*(.+)$", RegexOptions.Multiline)]
    private static partial Regex TitleLine();
}
