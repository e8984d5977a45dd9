namespace PaperTrail.Ingest.Web;

/// <summary>
/// Makes every request that leaves <see cref="PaperFetcher"/> wait its turn (<see cref="RequestPacer"/>):
/// below the redirects and the retries, so that a redirect or a retry is spaced like any request.
/// </summary>
internal sealed class PacedHandler(RequestPacer pacer, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancel)
    {
        await pacer.WaitTurnAsync(cancel);
        return await base.SendAsync(request, cancel);
    }
}
