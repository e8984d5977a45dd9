using PaperTrail.Content;
using PaperTrail.Errors;
using PaperTrail.Ingest.Sources;
using PaperTrail.Ingest.Web;

namespace PaperTrail.Doctor;

/// <summary>
/// <c>doctor --online</c>: each web source site.yml lists is fetched once, as the nightly's ingest
/// fetches it (the same fetcher and reader, no retry), and must read as papers. An arXiv source is
/// asked for its first page only, at arXiv's pace; it must be an arXiv answer, and one with papers
/// unless its floor is 0 (a narrow search may have none yet). Nothing is written.
/// </summary>
internal sealed class OnlineSourcesCheck(Uri huggingFace, Uri arxivApi, DateOnly date, FetchSettings settings, HttpMessageHandler? handler = null) : IForkCheck
{
    /// <summary>Papers asked of an arXiv source: enough to see that it answers with some.</summary>
    private const int ArxivProbeSize = 10;

    public IEnumerable<DoctorFinding> Run(ForkLayout fork)
    {
        if (fork.Config is not { } config) yield break;
        var site = settings with { UserAgent = FetchSettings.UserAgentFor(config) };
        using var fetcher = new PaperFetcher(site, TextWriter.Null, handler);
        foreach (var name in config.Sources)
        {
            if (WebSources.Resolve(name, huggingFace, date) is not var (url, source)) continue; // site.yml's reader refused it already
            if (Try(name, () => Papers(fetcher, url, source) > 0 ? null : $"{url} answered with no papers") is { } problem) yield return problem;
        }
        using var arxiv = new PaperFetcher(site, TextWriter.Null, handler, RequestPacer.ArxivTerms());
        foreach (var search in config.ArxivSources)
        {
            var url = ArxivQuery.PageUrl(arxivApi, search, 0, ArxivProbeSize);
            if (Try(search.Label, () => ArxivPapers(arxiv, url) > 0 || search.Floor == 0 ? null
                    : $"{url} answered with no papers at all, and its floor is {search.Floor}: are its categories, terms and authors right?") is { } problem)
                yield return problem;
        }
    }

    private static int Papers(PaperFetcher fetcher, Uri url, string source)
    {
        var document = fetcher.FetchAsync(url).GetAwaiter().GetResult();
        return SourceRegistry.Read(url.ToString(), document.Bytes, source).Papers.Count;
    }

    private static int ArxivPapers(PaperFetcher fetcher, Uri url)
    {
        var document = fetcher.FetchAsync(url).GetAwaiter().GetResult();
        if (!new ArxivAtomSource().Recognises(url.ToString(), document.Bytes))
            throw UserError.At(url.ToString(), 0, "not an arXiv API answer");
        return SourceRegistry.Read(url.ToString(), document.Bytes, "arxiv").Papers.Count;
    }

    /// <summary>What is wrong with a source (<paramref name="problemOf"/>: null when nothing), as a finding.</summary>
    private static DoctorFinding? Try(string name, Func<string?> problemOf)
    {
        string? problem;
        try
        {
            problem = problemOf() is { } what ? $"source {name}: {what}" : null;
        }
        catch (UserError e)
        {
            problem = $"source {name}: {string.Join("; ", e.Lines)}";
        }
        return problem is null ? null
            : DoctorFinding.Problem($"{problem}; the nightly's ingest would fail the same way: try again later, or take {name} out of sources in site.yml");
    }
}
