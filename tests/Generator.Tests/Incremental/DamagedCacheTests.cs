using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Incremental;

/// <summary>
/// A damaged, cut short or unreadable cache or manifest is one warning naming it, a build that works
/// that part out again, exit 0, and exactly the bytes a cold build writes. Sixteen damaged bytes near
/// the end of cache.bin used to make every later build crash (exit 70) until --clean.
/// </summary>
public sealed class DamagedCacheTests : IDisposable
{
    private readonly TempDir _themes = new();
    private readonly FixtureSite _site;

    public DamagedCacheTests()
    {
        TestFiles.CopyDefaultTheme(_themes.Path);
        _site = new FixtureSite { Themes = _themes.Path };
        for (var i = 1; i <= 6; i++)
            _site.Paper($"p{i}", $"Diffusion Paper {i}", $"[2026-11-{20 + i}]", $"A diffusion model, number {i}.", extra: $"upvotes: {i}");
        _site.Paper("bad", "Bad", "[2026-11-22]", extra: "topics: [no-such-topic]"); // so left-out.txt holds a paper
        _site.BuildOk();
        // A second build, so that there is a recent cache file beside the base.
        _site.Paper("p7", "Diffusion Paper 7", "[2026-11-27]", "A diffusion model, number 7.");
        _site.BuildOk();
    }

    public void Dispose()
    {
        _site.Dispose();
        _themes.Dispose();
    }

    public static TheoryData<string, string> Damages()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in new[] { "cache.bin", "cache-recent.bin", "inputs.txt", "renders.txt", "outputs.txt", "left-out.txt" })
            foreach (var damage in new[] { "start", "middle", "end", "cut short", "a length flipped" })
                data.Add(file, damage);
        return data;
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public void A_damaged_file_is_one_warning_and_a_cold_builds_bytes(string name, string damage)
    {
        var path = Path.Combine(_site.Output, ".paper-trail", name);
        Assert.True(File.Exists(path), $"{name} was not written");
        Damage(path, damage);
        // A change, so that pages render from what the build worked out again; the record of papers left
        // out is read only by a build that finds nothing changed, so it is damaged under one.
        if (name != "left-out.txt") _site.Paper("p8", "Diffusion Paper 8", "[2026-11-28]", "A diffusion model, number 8.", extra: "upvotes: 8");

        var rebuild = _site.Build();

        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        var warning = Assert.Single(rebuild.Errors.Split('\n'), l => l.StartsWith("warning: ", StringComparison.Ordinal) && !l.Contains("left out", StringComparison.Ordinal));
        Assert.Contains(name, warning);
        Assert.Contains("worked out again", warning);
        AssertSameAsColdBuild();
        // The next build finds everything whole again.
        var again = _site.Build();
        Assert.Contains("no input changed since the last build", again.Output);
        Assert.DoesNotContain("damaged", again.Errors);
    }

    [Theory]
    [InlineData("inputs.txt")]
    [InlineData("outputs.txt")]
    public void A_damaged_file_with_nothing_else_changed_is_worked_out_again_not_left_for_every_later_build_to_warn_about(string name)
    {
        // (The caches and the render manifest are not read by a build that finds nothing changed: the next build that needs them finds them damaged.)
        var path = Path.Combine(_site.Output, ".paper-trail", name);
        var bytes = File.ReadAllBytes(path);
        for (var i = bytes.Length - 200; i < bytes.Length - 184; i++) bytes[i] = 0xff; // 16 bytes near the end
        File.WriteAllBytes(path, bytes);

        var rebuild = _site.Build();

        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        Assert.Contains($"{name} is damaged", rebuild.Errors);
        Assert.DoesNotContain("no input changed", rebuild.Output);
        AssertSameAsColdBuild();
        Assert.Contains("no input changed since the last build", _site.Build().Output);
    }

    private static void Damage(string path, string damage)
    {
        var bytes = File.ReadAllBytes(path);
        switch (damage)
        {
            case "start": Overwrite(bytes, 0); break;
            case "middle": Overwrite(bytes, bytes.Length / 2); break;
            case "end": Overwrite(bytes, Math.Max(0, bytes.Length - 90)); break; // just before the checksum
            case "cut short": bytes = bytes[..(bytes.Length / 2)]; break;
            // The first byte is the length of the first string in the binary files, a letter of the first line in the text ones.
            case "a length flipped": bytes[0] ^= 0x40; break;
        }
        File.WriteAllBytes(path, bytes);
    }

    private static void Overwrite(byte[] bytes, int at)
    {
        for (var i = at; i < Math.Min(bytes.Length, at + 16); i++) bytes[i] ^= 0xa5;
    }

    private void AssertSameAsColdBuild()
    {
        using var cold = new TempDir();
        var result = Generator.Run("build", "--content", _site.Content, "--output", cold.Path, "--themes", _site.Themes, "--no-search");
        Assert.True(result.ExitCode == 0, result.ToString());
        static Dictionary<string, string> Published(string dir) => FolderSnapshot.Of(dir).Files
            .Where(f => !f.Key.StartsWith(".paper-trail/", StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => f.Value.Hash);
        var rebuilt = Published(_site.Output);
        var fresh = Published(cold.Path);
        Assert.Equal(fresh.Keys.Order(StringComparer.Ordinal), rebuilt.Keys.Order(StringComparer.Ordinal));
        Assert.All(fresh, f => Assert.True(rebuilt[f.Key] == f.Value, $"{f.Key} differs from a cold build"));
    }
}
