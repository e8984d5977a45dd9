using PaperTrail.Errors;
using PaperTrail.Ingest.Sources;
using PaperTrail.Ingest.Web;

namespace PaperTrail.Doctor;

/// <summary>
/// <c>doctor --online</c>: each web source site.yml lists is fetched once, as the nightly's ingest
/// fetches it (the same fetcher and reader, no retry), and must read as papers. Nothing is written.
/// </summary>
internal sealed class OnlineSourcesCheck(Uri huggingFace, DateOnly date, FetchSettings settings, HttpMessageHandler? handler = null) : IForkCheck
{
    public IEnumerable<DoctorFinding> Run(ForkLayout fork)
    {
        if (fork.Config is not { } config) yield break;
        using var fetcher = new PaperFetcher(settings, TextWriter.Null, handler);
        foreach (var name in config.Sources)
        {
            if (WebSources.Resolve(name, huggingFace, date) is not var (url, source)) continue; // site.yml's reader refused it already
            string? problem;
            try
            {
                var document = fetcher.FetchAsync(url).GetAwaiter().GetResult();
                var papers = SourceRegistry.Read(url.ToString(), document.Bytes, source).Papers.Count;
                problem = papers > 0 ? null : $"source {name}: {url} answered with no papers";
            }
            catch (UserError e)
            {
                problem = $"source {name}: {string.Join("; ", e.Lines)}";
            }
            if (problem is not null)
                yield return DoctorFinding.Problem($"{problem}; the nightly's ingest would fail the same way: try again later, or take {name} out of sources in site.yml");
        }
    }
}
