using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PaperTrail.Tests.Support;

/// <summary>
/// A scripted HTTP server on 127.0.0.1 for fetch tests, at the socket level so it can misbehave the
/// way real servers do: hang, reset the connection, cut an answer short. Each request takes the
/// next behaviour; the last one repeats. Bounded: it serves until disposed and never dials out.
/// </summary>
public sealed class StubHttpServer : IDisposable
{
    public abstract record Behaviour;
    public sealed record Answer(int Status, string Body, string ContentType = "text/html; charset=utf-8", IReadOnlyDictionary<string, string>? Headers = null) : Behaviour;
    public sealed record AnswerBytes(int Status, byte[] Body, string ContentType) : Behaviour;
    public sealed record Hang : Behaviour;
    public sealed record Reset : Behaviour;
    public sealed record Truncated(string Body, int DeclaredLength) : Behaviour;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Queue<Behaviour> _script;
    private readonly Behaviour _last;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<TcpClient> _hanging = [];

    public List<(DateTime At, string RequestLine, string UserAgent)> Requests { get; } = [];
    public Uri BaseUrl { get; }

    public StubHttpServer(params Behaviour[] script)
    {
        _script = new Queue<Behaviour>(script);
        _last = script[^1];
        _listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = Task.Run(Serve);
    }

    private async Task Serve()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            _ = Task.Run(() => Handle(client));
        }
    }

    private async Task Handle(TcpClient client)
    {
        try
        {
            var stream = client.GetStream();
            var head = await ReadHead(stream);
            var lines = head.Split("\r\n");
            var agent = lines.FirstOrDefault(l => l.StartsWith("User-Agent:", StringComparison.OrdinalIgnoreCase))?[11..].Trim() ?? "";
            Behaviour behaviour;
            lock (_script)
            {
                Requests.Add((DateTime.UtcNow, lines[0], agent));
                behaviour = _script.Count > 0 ? _script.Dequeue() : _last;
            }
            switch (behaviour)
            {
                case Hang:
                    lock (_hanging) _hanging.Add(client);
                    return; // keep the socket open, say nothing
                case Reset:
                    client.Client.LingerState = new LingerOption(true, 0);
                    client.Close(); // linger 0: the peer sees a reset
                    return;
                case Truncated t:
                    await Write(stream, $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {t.DeclaredLength}\r\nConnection: close\r\n\r\n{t.Body}");
                    client.Close();
                    return;
                case Answer a:
                    await WriteAnswer(stream, a.Status, Encoding.UTF8.GetBytes(a.Body), a.ContentType, a.Headers);
                    break;
                case AnswerBytes b:
                    await WriteAnswer(stream, b.Status, b.Body, b.ContentType, null);
                    break;
            }
            client.Close();
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException) { }
    }

    private static async Task WriteAnswer(NetworkStream stream, int status, byte[] body, string contentType, IReadOnlyDictionary<string, string>? headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {((HttpStatusCode)status)}\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) head.Append(name).Append(": ").Append(value).Append("\r\n");
        head.Append("\r\n");
        await Write(stream, head.ToString());
        await stream.WriteAsync(body);
    }

    private static Task Write(NetworkStream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();

    private static async Task<string> ReadHead(NetworkStream stream)
    {
        var buffer = new byte[8192];
        var received = new StringBuilder();
        while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var n = await stream.ReadAsync(buffer);
            if (n == 0) break;
            received.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }
        return received.ToString();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_hanging) foreach (var client in _hanging) client.Dispose();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
