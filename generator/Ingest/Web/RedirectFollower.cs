using System.Net;
using PaperTrail.Errors;

namespace PaperTrail.Ingest.Web;

/// <summary>
/// Follows an answer's redirects for <see cref="PaperFetcher"/>, instead of HttpClient: only to http and
/// https addresses, never from https down to http, at most <see cref="MaxRedirects"/> times. HttpClient's
/// own following went wherever a server pointed: a <c>Location: file:///etc/passwd</c> crashed the
/// fetch, and one of <c>ftp://host/</c> made it speak HTTP to port 21 of that host. A redirect that is
/// not followed is a <see cref="UserError"/> naming the address asked for and where it led.
/// </summary>
internal sealed class RedirectFollower(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    /// <summary>Hugging Face redirects once at most; a longer chain is a loop or a trap.</summary>
    public const int MaxRedirects = 5;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancel)
    {
        var asked = request.RequestUri!;
        var response = await base.SendAsync(request, cancel);
        for (var hops = 0; IsRedirect(response.StatusCode); hops++)
        {
            // A redirect with nowhere to go is an answer like any other: the fetcher reports its status.
            if (!response.Headers.NonValidated.TryGetValues("Location", out var values) || values.FirstOrDefault() is not { } location)
                return response;
            var from = request.RequestUri!;
            var status = (int)response.StatusCode;
            if (Refusal(from, location, hops) is { } why)
            {
                response.Dispose();
                var via = from == asked ? "" : $" (by way of {from})";
                throw UserError.At(asked.ToString(), 0, $"the server redirects{via} to {location} (HTTP {status}), which is not followed: {why}; nothing was fetched");
            }
            response.Dispose();
            var next = new HttpRequestMessage(HttpMethod.Get, new Uri(from, location));
            foreach (var header in request.Headers) next.Headers.TryAddWithoutValidation(header.Key, header.Value);
            request = next;
            response = await base.SendAsync(request, cancel);
        }
        return response;
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 300 or 301 or 302 or 303 or 307 or 308;

    /// <summary>Why a redirect from <paramref name="from"/> to <paramref name="location"/> is not followed, or null.</summary>
    private static string? Refusal(Uri from, string location, int hops)
    {
        if (!Uri.TryCreate(from, location, out var target)) return "it is not an address";
        if (target.Scheme is not ("http" or "https")) return "only http and https addresses are fetched";
        if (from.Scheme == "https" && target.Scheme == "http") return "a secure address never leads to an insecure one";
        if (hops >= MaxRedirects) return $"after {MaxRedirects} redirects the chain looks like a loop";
        return null;
    }
}
