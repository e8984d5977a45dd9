namespace PaperTrail.Tests.Golden;

/// <summary>
/// Compares an output with its approved copy under <c>Golden/approved/</c>, byte for byte. With
/// <c>APPROVE=1</c> in the environment it writes the output as the approved copy instead, and still
/// fails, saying so: a run that approves can never pass, so CI cannot approve by accident.
/// </summary>
public static class GoldenFile
{
    public static string Folder { get; } = Path.Combine(Support.Repo.Root, "tests", "Generator.Tests", "Golden", "approved");

    private static bool Approving => Environment.GetEnvironmentVariable("APPROVE") == "1";

    public static void Verify(string name, byte[] actual)
    {
        var approved = Path.Combine(Folder, name);
        if (Approving)
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllBytes(approved, actual);
            Assert.Fail($"re-approved {Path.GetRelativePath(Support.Repo.Root, approved)} (APPROVE=1); review it with git diff, then run again without APPROVE");
        }
        Assert.True(File.Exists(approved), $"no approved copy of {name}: run APPROVE=1 dotnet test --filter Golden, then review the new file");
        var expected = File.ReadAllBytes(approved);
        if (expected.AsSpan().SequenceEqual(actual)) return;
        Assert.Fail($"{name} differs from its approved copy at byte {FirstDifference(expected, actual)}:\n{Around(expected, actual)}\n"
            + "If the change is meant, re-approve: APPROVE=1 dotnet test --filter Golden, and review the diff (tests/Generator.Tests/Golden/README.md).");
    }

    private static int FirstDifference(byte[] expected, byte[] actual)
    {
        var at = expected.AsSpan().CommonPrefixLength(actual);
        return at;
    }

    /// <summary>The first differing line of each, so the failure says what changed without a diff tool.</summary>
    private static string Around(byte[] expected, byte[] actual)
    {
        var expectedLines = System.Text.Encoding.UTF8.GetString(expected).Split('\n');
        var actualLines = System.Text.Encoding.UTF8.GetString(actual).Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "(end of file)";
            var a = i < actualLines.Length ? actualLines[i] : "(end of file)";
            if (e != a) return $"line {i + 1}\n  approved: {e}\n  now:      {a}";
        }
        return "(the same lines; the line endings differ)";
    }
}
