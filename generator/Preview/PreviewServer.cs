using System.Globalization;
using System.Net;
using System.Text;
using PaperTrail.Build;
using PaperTrail.Content;
using PaperTrail.Errors;
using PaperTrail.Output;
using PaperTrail.Progress;
using PaperTrail.Site;

namespace PaperTrail.Preview;

/// <summary>
/// <c>generator serve</c>: builds the site into a preview folder, serves it on localhost only,
/// rebuilds when content, themes or site.yml change, and reloads open tabs through a small script
/// added to pages as they are served (never written to disk, never deployed). A build error is
/// shown in the terminal and in the browser, and the server keeps running. Each build says how long it
/// took and what it wrote; on a terminal its stages show while it runs (<paramref name="progress"/>).
/// </summary>
internal sealed class PreviewServer(BuildOptions build, int port, TextWriter log, ProgressWriter? progress = null)
{
    public const string ControlPrefix = "/__preview/";

    private const string ReloadScript = """
        // Paper Trail preview: reload when the site was rebuilt.
        (() => {
          let seen = null;
          async function poll() {
            try {
              const answer = await fetch("/__preview/version", { cache: "no-store" });
              const version = await answer.text();
              if (seen !== null && version !== seen) location.reload();
              seen = version;
            } catch { /* the server restarts: keep asking */ }
            setTimeout(poll, 500);
          }
          poll();
        })();
        """;

    /// <summary>The build each change runs (by default, the real one); tests put a failing one in its place.</summary>
    internal Func<BuildOptions, BuildReport>? RunBuild { get; init; }

    /// <summary>How many files a rebuild's line names; more are counted.</summary>
    private const int FilesNamed = 5;

    private int _version;
    private Failure? _failure;
    private string _basePath = "/";
    private readonly RedirectRules _redirects = new(Path.Combine(build.OutputDir, Pipelines.RedirectsPipeline.NetlifyFile));

    /// <summary>Builds, then serves and rebuilds until <paramref name="stop"/>; a port it cannot listen on is a <see cref="UserError"/>.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            await ServeAsync(stop);
        }
        catch (HttpListenerException e)
        {
            // Only starting the listener lets one out: the loop below stops on those of GetContextAsync,
            // and Respond handles those of an answer.
            throw PortUnavailable(e);
        }
    }

    private UserError PortUnavailable(HttpListenerException e) =>
        AddressInUse().Contains(e.ErrorCode)
            ? new UserError($"port {port} is in use on this computer; choose another with --port")
            : new UserError($"cannot listen on port {port} ({e.Message}); choose another with --port");

    /// <summary>
    /// How HttpListener says the port is taken: http.sys's sharing violation or "already exists" on
    /// Windows, elsewhere the errno EADDRINUSE of the socket .NET binds itself.
    /// </summary>
    private static int[] AddressInUse() =>
        OperatingSystem.IsWindows() ? [32, 183] : OperatingSystem.IsLinux() ? [98] : [48];

    private async Task ServeAsync(CancellationToken stop)
    {
        // Held as long as the preview runs, since it rebuilds on every change; its builds share it.
        using var writer = FolderLock.OnOutput(build.OutputDir, "serve", log);
        using var listener = new HttpListener();
        // Loopback only, whatever the environment says: a preview is not a public server.
        // "localhost" rather than 127.0.0.1: Windows lets anyone listen on it without a URL reservation.
        listener.Prefixes.Add($"http://localhost:{port}/");
        listener.Start(); // before the first build, so a busy port is said at once
        Rebuild();
        log.WriteLine($"serving http://localhost:{port}{_basePath} (Ctrl+C to stop)");

        var folders = new[] { build.ContentDir, build.ThemesDir };
        using var watcher = new SourceWatcher(folders);
        var watching = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try { await Task.Delay(300, stop); } catch (OperationCanceledException) { return; }
                // Rebuild reports its own failures; this keeps the watch going whatever else happens.
                try
                {
                    if (watcher.ChangedAndSettled(TimeSpan.FromMilliseconds(250))) Rebuild();
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    log.WriteLine($"watching: {e.Message}; still watching");
                }
            }
        }, stop);

        using (stop.Register(listener.Stop))
        {
            while (!stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try { context = await listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { break; }
                _ = Task.Run(() => Respond(context), CancellationToken.None); // each request answers to the end
            }
        }
        await watching;
    }

    private readonly Lock _building = new();

    private void Rebuild()
    {
        lock (_building)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                var report = BuildThenGiveMemoryBack();
                _basePath = BasePathOf(build.ContentDir);
                _failure = null;
                // Back to the inputs of the last good build (a mistake undone): the site on disk is that build's.
                log.WriteLine(report.NothingChanged
                    ? $"built in {clock.ElapsedMilliseconds} ms: nothing changed since the last good build"
                    : $"built in {clock.ElapsedMilliseconds} ms: {report.Papers} papers, {report.Written} files written{WhatChanged(report)}");
                foreach (var cut in report.Cut) log.WriteLine(cut);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Reported as the command line would report it, in the terminal and in the browser; the
                // server keeps running and the next save builds again.
                var report = new StringWriter();
                var crashed = FailureReport.Write(e, report) == ExitCodes.Crash;
                _failure = new Failure(report.ToString().TrimEnd().Split(Environment.NewLine), crashed);
                log.Write(report.ToString());
                log.WriteLine(crashed
                    ? "the preview shows this until a rebuild succeeds; still watching for changes"
                    : "the preview shows these errors until they are fixed");
            }
            Interlocked.Increment(ref _version);
        }
    }

    private BuildReport BuildThenGiveMemoryBack()
    {
        try { return RunBuild is { } run ? run(build) : BuildPipeline.Run(build, progress); }
        finally { GiveMemoryBack(); }
    }

    /// <summary>
    /// The files a build wrote or removed, the first few by name, pages before feeds and assets: what a
    /// person who saved an edit wants to look at.
    /// </summary>
    private static string WhatChanged(BuildReport report)
    {
        var files = report.ChangedFiles;
        if (files.Count == 0) return "";
        var named = string.Join(", ", files.OrderBy(f => !f.EndsWith(".html", StringComparison.Ordinal)).ThenBy(f => f, StringComparer.Ordinal).Take(FilesNamed));
        return files.Count > FilesNamed ? $" ({named} and {files.Count - FilesNamed} more)" : $" ({named})";
    }

    /// <summary>
    /// Everything a build made is garbage once it ends (nothing of it is kept: its state is on disk),
    /// but the collector keeps the memory the build grew into, and a preview idles until the next save.
    /// So after each build, failed or not, one full collection, compacting the large objects too
    /// (<see cref="GCCollectionMode.Aggressive"/>), hands what is free back to the system before the
    /// build is reported: without it, serve's resident memory wandered by a quarter from one rebuild to
    /// another (bench/serve-memory.sh).
    /// </summary>
    private static void GiveMemoryBack()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private static string BasePathOf(string contentDir)
    {
        var problems = new List<ContentProblem>();
        var path = Path.Combine(contentDir, "site.yml");
        var config = ArchiveLoader.Settings(path, problems) is { } text ? SiteConfigReader.Read(path, text, problems) : new SiteConfig();
        return new Urls(config.BaseUrl).BasePath;
    }

    private void Respond(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            // Decoded from the request line as sent: HttpListener's Url has already resolved "..", and leaves "%ZZ" or "%00" for the file system to choke on.
            if (RequestPath.Decode(context.Request.RawUrl, out var malformed) is not { } path)
            {
                Send(response, 400, "text/plain", Encoding.UTF8.GetBytes($"bad request: {malformed}\n"));
                return;
            }
            if (context.Request.HttpMethod is not ("GET" or "HEAD"))
            {
                response.Headers["Allow"] = "GET, HEAD";
                Send(response, 405, "text/plain", Encoding.UTF8.GetBytes("the preview only answers GET and HEAD\n"));
                return;
            }
            if (path == ControlPrefix + "version") { Send(response, 200, "text/plain", Encoding.UTF8.GetBytes(Volatile.Read(ref _version).ToString(CultureInfo.InvariantCulture))); return; }
            if (path == ControlPrefix + "reload.js") { Send(response, 200, "text/javascript", Encoding.UTF8.GetBytes(ReloadScript)); return; }
            if (_failure is { } failure) { Send(response, 500, "text/html", Inject(ErrorPage(failure))); return; }
            if (path == "/" && _basePath != "/") { response.Redirect(_basePath); response.Close(); return; }

            var file = FileFor(path);
            if (file is null && _redirects.Target(path) is { } target)
            {
                response.RedirectLocation = target;
                Send(response, 301, "text/plain", Encoding.UTF8.GetBytes($"moved to {target}\n"));
                return;
            }
            if (file is null)
            {
                var notFound = Path.Combine(build.OutputDir, Urls.NotFound);
                Send(response, 404, "text/html", File.Exists(notFound) ? Inject(File.ReadAllText(notFound)) : Encoding.UTF8.GetBytes("not found"));
                return;
            }
            var bytes = File.ReadAllBytes(file);
            var type = ContentType(file);
            Send(response, 200, type, type == "text/html" ? Inject(Encoding.UTF8.GetString(bytes)) : bytes);
        }
        catch (Exception e) when (e is IOException or HttpListenerException or ObjectDisposedException)
        {
            // The browser went away mid-answer.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug answering one request: say so and drop that answer, never the server.
            log.WriteLine($"crash: answering {context.Request.Url?.AbsolutePath} failed, please report it with this text:{Environment.NewLine}{e}");
            response.Abort();
        }
    }

    private string? FileFor(string path)
    {
        if (!path.StartsWith(_basePath, StringComparison.Ordinal)) return null;
        var relative = Urls.FileFor(path[_basePath.Length..]);
        var root = Path.GetFullPath(build.OutputDir);
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return null;
        if (File.Exists(full)) return full;
        var index = Path.Combine(full, "index.html");
        return File.Exists(index) ? index : null;
    }

    private static byte[] Inject(string html)
    {
        const string tag = "<script src=\"/__preview/reload.js\"></script>";
        var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return Encoding.UTF8.GetBytes(at >= 0 ? html.Insert(at, tag + "\n") : html + tag);
    }

    /// <summary>Why the last build failed, in the lines the terminal showed; a crash is a bug of the generator.</summary>
    private sealed record Failure(IReadOnlyList<string> Lines, bool Crashed);

    private static string ErrorPage(Failure failure)
    {
        var (problems, crashed) = (failure.Lines, failure.Crashed);
        var advice = crashed
            ? "The generator itself failed (a bug, not your content): please report the text below. Any save builds again, and the page reloads by itself."
            : "Fix these and save: the page reloads by itself.";
        var details = crashed
            ? $"<pre>{WebUtility.HtmlEncode(string.Join('\n', problems))}</pre>"
            : $"<ul>{string.Concat(problems.Select(p => $"<li><code>{WebUtility.HtmlEncode(p)}</code></li>"))}</ul>";
        return $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build error</title></head><body>" +
               $"<h1>The site does not build</h1><p>{advice}</p>{details}</body></html>";
    }

    private static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html",
        ".css" => "text/css",
        ".js" => "text/javascript",
        ".json" => "application/json",
        ".xml" => "application/xml",
        ".svg" => "image/svg+xml",
        ".wasm" => "application/wasm",
        ".txt" => "text/plain",
        ".bib" => "application/x-bibtex; charset=utf-8", // as netlify.toml serves it
        _ => "application/octet-stream",
    };

    private static void Send(HttpListenerResponse response, int status, string type, byte[] body)
    {
        response.StatusCode = status;
        response.ContentType = type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("json", StringComparison.Ordinal) || type.EndsWith("xml", StringComparison.Ordinal)
            ? type + "; charset=utf-8" : type;
        response.Headers["Cache-Control"] = "no-store";
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body);
        response.Close();
    }
}
