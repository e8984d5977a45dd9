using System.Diagnostics;
using System.Net;

namespace PaperTrail.Tests.Support;

/// <summary>
/// What a person at the preview sees: the terminal's lines as <c>generator serve</c> prints them, and
/// the pages a browser gets from the address it announces ("serving http://…"), asked again until
/// they say what is expected, as a reader pressing reload would.
/// </summary>
public sealed class PreviewClient : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly List<string> _terminal = [];
    private readonly TaskCompletionSource<Uri> _serving = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Takes each line the server prints (stdout or stderr).</summary>
    public void Line(string? line)
    {
        if (line is null) return;
        lock (_terminal) _terminal.Add(line);
        if (line.StartsWith("serving ", StringComparison.Ordinal))
            _serving.TrySetResult(new Uri(line["serving ".Length..].Split(' ')[0]));
    }

    public string Terminal
    {
        get { lock (_terminal) return string.Join("\n", _terminal); }
    }

    /// <summary>The address the server announced; its root, whatever host and base path it serves.</summary>
    public Uri Root()
    {
        Assert.True(_serving.Task.Wait(TimeSpan.FromSeconds(60)), "serve did not start:\n" + Terminal);
        var announced = _serving.Task.Result;
        return new Uri(announced.GetLeftPart(UriPartial.Authority) + "/");
    }

    public async Task<(HttpStatusCode Status, string Body)> Get(Uri url)
    {
        using var response = await _http.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<string> Until(Uri url, Func<string, bool> expected)
    {
        var clock = Stopwatch.StartNew();
        var body = "";
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            body = (await Get(url)).Body;
            if (expected(body)) return body;
            await Task.Delay(200);
        }
        throw new TimeoutException($"the page never changed; last answer:\n{body}\nterminal:\n{Terminal}");
    }

    /// <summary>Waits until the terminal shows a line <paramref name="expected"/> accepts, after the first <paramref name="after"/> lines.</summary>
    public async Task<string> TerminalLine(Func<string, bool> expected, int after = 0)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            lock (_terminal)
                if (_terminal.Skip(after).FirstOrDefault(expected) is { } line) return line;
            await Task.Delay(100);
        }
        throw new TimeoutException($"the terminal never showed the line; terminal:\n{Terminal}");
    }

    public int LineCount
    {
        get { lock (_terminal) return _terminal.Count; }
    }

    public void Dispose() => _http.Dispose();
}
