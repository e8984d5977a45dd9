using System.Text;
using PaperTrail.Content;
using PaperTrail.Errors;
using PaperTrail.Output;
using PaperTrail.Rendering;
using PaperTrail.Site;

namespace PaperTrail.Pipelines;

/// <summary>
/// The rule for the links a paper's own content makes, its <c>links:</c> and its abstract's: one to
/// this site's host (under the base path or not) must reach a page the plan has. Judged exactly as
/// the link check judges the rendered page (<see cref="LinkChecker.Judge(string)"/>, on the hrefs
/// the page will have), but before anything is rendered, so that a build leaves the paper out, and
/// <c>generator check</c> names it, instead of the link check failing the build. What templates and
/// pipelines make stays the link check's alone.
/// </summary>
internal static class OwnHostLinks
{
    /// <summary>The papers shown by the site (of <paramref name="archive"/>) with a link to no page of <paramref name="plan"/>.</summary>
    public static IReadOnlyList<LeftOutPaper> ToNoPage(Archive archive, Urls urls, IReadOnlyList<PlannedOutput> plan)
    {
        var checker = new LinkChecker(urls, plan);
        // Every paper of the archive, on every core: a few microseconds each, ten thousand of them.
        var found = new LeftOutPaper?[archive.Papers.Count];
        Parallel.For(0, found.Length, i => found[i] = Check(archive, archive.Papers[i], checker));
        return found.OfType<LeftOutPaper>().ToList();
    }

    private static LeftOutPaper? Check(Archive archive, PaperFile file, LinkChecker checker)
    {
        if (file.Paper.Hidden || file.Paper.RedirectTo is not null) return null; // never shown: their links are on no page
        List<ContentProblem>? problems = null;
        string Where() => DisplayPath.Of(Path.Combine(archive.ContentDir, file.RelativePath));
        foreach (var (name, url) in file.Paper.Links)
            if (checker.Judge(url) is { } why)
                (problems ??= []).Add(new ContentProblem(Where(),
                    ContentLines.Holding(Where(), url, inFrontMatter: true) ?? ContentLines.OfKey(Where(), "links"), $"'links.{name}' {Says(url, why)}"));
        foreach (var href in AbstractLinks(file.Paper))
            if (checker.Judge(href) is { } why)
                (problems ??= []).Add(new ContentProblem(Where(),
                    ContentLines.Holding(Where(), href, inFrontMatter: false) ?? ContentLines.BodyStart(Where()), $"the abstract {Says(href, why)}"));
        return problems is null ? null : new LeftOutPaper(file.RelativePath, problems);
    }

    private static string Says(string url, string why) =>
        $"links to {url}, which is no page of this site" + (why.StartsWith("outside", StringComparison.Ordinal) ? $" ({why})" : "");

    /// <summary>
    /// The hrefs of the abstract as its page will have them: rendered as the page renders it, read
    /// as the link check reads it. Only an abstract that may hold a link is rendered: a Markdown link
    /// is written <c>[text](url)</c>, or with a reference defined as <c>[name]: url</c>, or <c>&lt;url&gt;</c>.
    /// </summary>
    private static IEnumerable<string> AbstractLinks(Paper paper)
    {
        if (!MayHoldLink(paper.AbstractUtf8)) return [];
        var hrefs = new List<string>();
        LinkChecker.Hrefs(Encoding.UTF8.GetBytes(AbstractRenderer.ToHtml(paper.Abstract)), hrefs);
        return hrefs;
    }

    /// <summary>Whether the Markdown has a "](", a "]:" or a '&lt;': one pass over the bytes, which most abstracts end without a stop.</summary>
    private static bool MayHoldLink(ReadOnlySpan<byte> markdown)
    {
        for (var at = markdown.IndexOfAny((byte)']', (byte)'<'); at >= 0; at = markdown.IndexOfAny((byte)']', (byte)'<'))
        {
            if (markdown[at] == '<' || (at + 1 < markdown.Length && markdown[at + 1] is (byte)'(' or (byte)':')) return true;
            markdown = markdown[(at + 1)..];
        }
        return false;
    }
}
