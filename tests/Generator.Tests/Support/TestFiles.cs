using System.Net;
using System.Net.Sockets;

namespace PaperTrail.Tests.Support;

/// <summary>Small helpers several tests need.</summary>
public static class TestFiles
{
    /// <summary>A copy of themes/default under <paramref name="themesDir"/>, for tests that change a template.</summary>
    public static string CopyDefaultTheme(string themesDir)
    {
        var source = Path.Combine(Repo.Root, "themes", "default");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(themesDir, "default", Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return themesDir;
    }

    /// <summary>A TCP port of 127.0.0.1 that nothing listens on now.</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
