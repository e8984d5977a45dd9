using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PaperTrail.WebSub;

/// <summary>
/// Tells a WebSub hub that a feed changed: a form POST of <c>hub.mode=publish</c> and
/// <c>hub.url</c> (the convention hubs such as Google's and Superfeedr follow; WebSub leaves the
/// publisher's side open). Timeouts, broken connections, 5xx and 429 are retried with back-off.
/// </summary>
internal sealed class HubPinger : IDisposable
{
    private readonly HttpClient _client;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public HubPinger(TimeSpan attemptTimeout, int retries, TimeSpan firstDelay, HttpMessageHandler? handler = null)
    {
        _client = new HttpClient(handler ?? new SocketsHttpHandler { ConnectTimeout = attemptTimeout, AllowAutoRedirect = false })
        {
            Timeout = Timeout.InfiniteTimeSpan, // the pipeline times each attempt
        };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("PaperTrail/1.0 (+websub publisher)");
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (retries > 0)
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = retries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = firstDelay,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>().Handle<TimeoutRejectedException>().Handle<IOException>()
                    .HandleResult(r => (int)r.StatusCode >= 500 || r.StatusCode == HttpStatusCode.TooManyRequests),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        _pipeline = builder.AddTimeout(attemptTimeout).Build();
    }

    /// <summary>Null when the hub took the ping, else why it did not.</summary>
    public async Task<string?> PingAsync(Uri hub, string feedUrl)
    {
        try
        {
            using var response = await _pipeline.ExecuteAsync(async token =>
                await _client.PostAsync(hub, new FormUrlEncodedContent([new("hub.mode", "publish"), new("hub.url", feedUrl)]), token));
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or IOException or TaskCanceledException)
        {
            return e.Message;
        }
    }

    public void Dispose() => _client.Dispose();
}
