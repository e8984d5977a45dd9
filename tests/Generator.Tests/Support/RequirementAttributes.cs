namespace PaperTrail.Tests.Support;

/// <summary>
/// A test in a browser: skipped, naming what is missing, where Chromium is not installed (a
/// developer's fresh machine), or Node.js when the test needs the search index; never in CI, where
/// a missing browser must fail.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute(bool needsNodeJs = false)
    {
        var missing = new[] { Requirements.MissingChromium(), needsNodeJs ? Requirements.MissingNodeJs() : null }.OfType<string>().ToList();
        if (missing.Count > 0 && !Requirements.InCi) Skip = string.Join("; ", missing);
    }
}

/// <summary>
/// A test of what the Node.js tools do (KaTeX, Pagefind): skipped where node or npm is not on PATH
/// (a developer's fresh machine), never in CI, where the machine has them.
/// </summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (Requirements.MissingNodeJs() is { } missing && !Requirements.InCi) Skip = missing;
    }
}

/// <summary>The <see cref="NodeFactAttribute"/> of a theory.</summary>
public sealed class NodeTheoryAttribute : TheoryAttribute
{
    public NodeTheoryAttribute()
    {
        if (Requirements.MissingNodeJs() is { } missing && !Requirements.InCi) Skip = missing;
    }
}

/// <summary>A test of something only a POSIX system has (bash, file modes, the nightly script): skipped on Windows, CI included.</summary>
public sealed class PosixFactAttribute : FactAttribute
{
    public PosixFactAttribute(string needs)
    {
        if (Requirements.MissingPosix(needs) is { } missing) Skip = missing;
    }
}

/// <summary>The <see cref="PosixFactAttribute"/> of a theory.</summary>
public sealed class PosixTheoryAttribute : TheoryAttribute
{
    public PosixTheoryAttribute(string needs)
    {
        if (Requirements.MissingPosix(needs) is { } missing) Skip = missing;
    }
}

/// <summary>
/// A test of what the generator can only do on Linux (tell a FIFO or a device from a file before
/// opening it, with <c>statx</c>): skipped elsewhere, naming why. POSIX systems other than Linux
/// have FIFOs too, but there ingest does not tell them apart (docs/security.md, "Limits").
/// </summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute(string needs)
    {
        if (!OperatingSystem.IsLinux()) Skip = $"needs Linux ({needs})";
    }
}
