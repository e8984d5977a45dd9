using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using PaperTrail.Errors;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PaperTrail.Ingest.Web;

/// <summary>A fetched answer: where it came from, its bytes and its media type.</summary>
internal sealed record FetchedDocument(Uri Url, byte[] Bytes, string? MediaType);

/// <summary>
/// Fetches an address with a timeout per attempt, a descriptive User-Agent, and retries with
/// exponential back-off on timeouts, broken connections, 5xx and 429 (honouring Retry-After),
/// through a Polly pipeline. Anything else, or running out of retries, is a content error that
/// names the address: ingest then writes nothing. Redirects lead to http(s) addresses only
/// (<see cref="RedirectFollower"/>).
/// </summary>
internal sealed class PaperFetcher : IDisposable
{
    private readonly HttpClient _client;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly FetchSettings _settings;
    private readonly TextWriter _log;

    /// <param name="pacer">When given, every request (retries and redirects too) waits its turn: arXiv's one every 3 s.</param>
    public PaperFetcher(FetchSettings settings, TextWriter log, HttpMessageHandler? handler = null, RequestPacer? pacer = null)
    {
        _settings = settings;
        _log = log;
        // Redirects are followed by RedirectFollower, which goes to http(s) addresses only.
        var network = handler ?? new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, ConnectTimeout = settings.AttemptTimeout, AllowAutoRedirect = false };
        _client = new HttpClient(new RedirectFollower(pacer is null ? network : new PacedHandler(pacer, network)))
        {
            Timeout = Timeout.InfiniteTimeSpan, // the pipeline times each attempt
            MaxResponseContentBufferSize = settings.MaxBytes,
        };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(settings.UserAgent);
        _client.DefaultRequestHeaders.Accept.ParseAdd("text/html, application/json;q=0.9, application/atom+xml;q=0.9, */*;q=0.5");
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        // --retries 0 means one attempt: Polly refuses a retry strategy with no retries, so there is none.
        if (settings.Retries > 0)
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.Retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.BaseDelay,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .Handle<IOException>()
                    .HandleResult(IsTransient),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    var why = args.Outcome.Exception?.Message ?? $"HTTP {(int)args.Outcome.Result!.StatusCode}";
                    _log.WriteLine($"fetch: attempt {args.AttemptNumber + 1} failed ({why}); retrying in {args.RetryDelay.TotalSeconds:0.#} s");
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        // An attempt's time limit counts from before it waits its turn: the longest wait is added to it.
        _pipeline = builder.AddTimeout(settings.AttemptTimeout + (pacer?.Interval ?? TimeSpan.Zero)).Build();
    }

    private static bool IsTransient(HttpResponseMessage response) =>
        (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests || response.StatusCode == HttpStatusCode.RequestTimeout;

    /// <summary>The server's Retry-After when it gave one (capped); otherwise null: Polly's back-off.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null) return null;
        var wait = header.Delta ?? (header.Date is { } date ? date - DateTimeOffset.UtcNow : TimeSpan.Zero);
        if (wait < TimeSpan.Zero) wait = TimeSpan.Zero;
        if (wait > _settings.MaxRetryAfter)
            throw UserError.At(response!.RequestMessage?.RequestUri?.ToString() ?? "fetch", 0, $"the server asks to retry after {wait.TotalSeconds:0} s, longer than the {_settings.MaxRetryAfter.TotalSeconds:0} s ingest waits");
        return wait;
    }

    public async Task<FetchedDocument> FetchAsync(Uri url, CancellationToken cancel = default)
    {
        if (url.Scheme is not ("http" or "https"))
            throw UserError.At(url.ToString(), 0, "only http and https addresses can be fetched");
        try
        {
            byte[] bytes = [];
            using var response = await _pipeline.ExecuteAsync(async token =>
            {
                var answer = await _client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, token);
                if (!answer.IsSuccessStatusCode) return answer;
                try
                {
                    // Read within the attempt, so that its time limit covers the body too.
                    bytes = await ReadBody(url, answer.Content, token);
                    return answer;
                }
                catch
                {
                    answer.Dispose();
                    throw;
                }
            }, cancel);
            if (!response.IsSuccessStatusCode)
                throw UserError.At(url.ToString(), 0, $"the server answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            return new FetchedDocument(url, bytes, response.Content.Headers.ContentType?.MediaType);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or IOException or TaskCanceledException)
        {
            throw UserError.At(url.ToString(), 0, $"could not fetch after {_settings.Retries + 1} attempts: {e.Message}");
        }
    }

    /// <summary>
    /// The answer's body, at most <see cref="FetchSettings.MaxBytes"/> of it (after decompression): a
    /// larger one is refused at once, not retried, since asking again gets the same.
    /// </summary>
    private async Task<byte[]> ReadBody(Uri url, HttpContent content, CancellationToken cancel)
    {
        if (content.Headers.ContentLength > _settings.MaxBytes) throw TooLarge(url);
        await using var stream = await content.ReadAsStreamAsync(cancel);
        using var bytes = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancel)) > 0)
        {
            if (bytes.Length + read > _settings.MaxBytes) throw TooLarge(url);
            bytes.Write(buffer, 0, read);
        }
        return bytes.ToArray();
    }

    private UserError TooLarge(Uri url) =>
        UserError.At(url.ToString(), 0, string.Create(CultureInfo.InvariantCulture,
            $"the answer is larger than the {_settings.MaxBytes / (1024.0 * 1024):0.#} MB an input may have (real answers are a few hundred KB); nothing was written"));

    public void Dispose() => _client.Dispose();
}
