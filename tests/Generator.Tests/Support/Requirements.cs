using PaperTrail.Tools;

namespace PaperTrail.Tests.Support;

/// <summary>
/// What some tests need that a machine may lack, each as the sentence a skipped test reports: it
/// names what is missing, so that a skip in the test output is never mistaken for a pass.
/// </summary>
public static class Requirements
{
    /// <summary>GitHub Actions and .ci/run set CI=true: there nothing may be missing, and a test that needs it fails instead.</summary>
    public static bool InCi => Environment.GetEnvironmentVariable("CI") == "true";

    public static string? MissingChromium() =>
        File.Exists(Browser.ChromiumPath)
            ? null
            : $"Chromium not found at {Browser.ChromiumPath} (apt-get install chromium, or set {Browser.PathVariable} to a Chromium or Chrome)";

    /// <summary>The build runs KaTeX and Pagefind with node, and installs them with npm.</summary>
    public static string? MissingNodeJs()
    {
        var lookup = ExecutableLookup.ForThisMachine();
        var missing = new[] { "node", "npm" }.Where(program => lookup.Find(program) is null).ToList();
        return missing.Count == 0 ? null : $"Node.js ({string.Join(", ", missing)}) not on PATH: KaTeX and Pagefind need it";
    }

    /// <summary>What a POSIX-only test needs, on Windows; null elsewhere.</summary>
    public static string? MissingPosix(string needs) =>
        OperatingSystem.IsWindows() ? $"needs a POSIX system ({needs})" : null;
}
