using System.Net;
using System.Net.Sockets;

namespace PaperTrail.Tests.Support;

/// <summary>
/// Serves a built site on localhost the way a static host would (dir/ → dir/index.html, 404.html
/// for the rest), adding the given response headers. Bound to loopback only; stopped on dispose.
/// </summary>
public sealed class StaticServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly IReadOnlyDictionary<string, string> _headers;
    private readonly Task _loop;

    public string BaseUrl { get; }

    public StaticServer(string root, IReadOnlyDictionary<string, string>? headers = null)
    {
        _root = Path.GetFullPath(root);
        _headers = headers ?? new Dictionary<string, string>();
        // localhost: on Windows, HttpListener may listen on it without administrator rights.
        BaseUrl = $"http://localhost:{TestFiles.FreePort()}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(Serve);
    }


    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            // A request in flight when the test disposes the server is cut short: not the site's fault.
            try { Respond(context); }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException) { }
        }
    }

    private void Respond(HttpListenerContext context)
    {
        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/');
        var file = Path.GetFullPath(Path.Combine(_root, path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path));
        var status = 200;
        if (!file.StartsWith(_root, StringComparison.Ordinal) || !File.Exists(file))
        {
            file = Path.Combine(_root, "404.html");
            status = 404;
        }
        var bytes = File.Exists(file) ? File.ReadAllBytes(file) : [];
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = Path.GetExtension(file) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".json" => "application/json; charset=utf-8",
            ".xml" => "application/xml; charset=utf-8",
            ".svg" => "image/svg+xml",
            ".wasm" => "application/wasm",
            _ => "application/octet-stream",
        };
        foreach (var (name, value) in _headers) response.Headers[name] = value;
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
        response.Close();
    }

    public void Dispose()
    {
        // Close alone: Stop then Close removes the listener twice, and on Linux the second removal binds
        // the port again for a moment, which fails ("Address already in use") once another test has it.
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
