using PaperTrail.Output;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Incremental;

/// <summary>
/// A rebuild's commit puts each changed page in place by swapping it with the old one, and frees the
/// old ones after. A reader must see the new page where the old one was, a page that is new must land
/// too, and nothing of the build may be left in the output folder once the transaction is done.
/// </summary>
public sealed class CommitSwapTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Swapping_puts_the_staged_bytes_in_place_and_the_old_ones_under_the_staged_name()
    {
        var staged = Path.Combine(_dir.Path, "staged.tmp");
        var target = Path.Combine(_dir.Path, "index.html");
        File.WriteAllText(staged, "new");
        File.WriteAllText(target, "old");

        var swapped = FileExchange.TrySwap(staged, target);

        if (!OperatingSystem.IsLinux())
        {
            Assert.False(swapped); // elsewhere the commit renames over the target instead
            return;
        }
        Assert.True(swapped);
        Assert.Equal("new", File.ReadAllText(target));
        Assert.Equal("old", File.ReadAllText(staged));
    }

    [Fact]
    public void Nothing_to_swap_with_is_left_to_the_rename()
    {
        var staged = Path.Combine(_dir.Path, "staged.tmp");
        File.WriteAllText(staged, "new");

        Assert.False(FileExchange.TrySwap(staged, Path.Combine(_dir.Path, "missing.html")));
        Assert.Equal("new", File.ReadAllText(staged));
    }

    [Fact]
    public void A_commit_replaces_changed_files_adds_new_ones_and_leaves_no_staging_behind()
    {
        var output = _dir["out"];
        var writer = new OutputWriter(output);
        writer.Write([("papers/a/index.html", "a1"u8.ToArray()), ("papers/b/index.html", "b1"u8.ToArray())]);
        var kept = File.OpenRead(Path.Combine(output, "papers/a/index.html")); // a reader in the middle of the old page

        var report = writer.Write([("papers/a/index.html", "a2"u8.ToArray()), ("papers/b/index.html", "b1"u8.ToArray()), ("papers/c/index.html", "c1"u8.ToArray())]);

        using (kept) Assert.Equal("a1", new StreamReader(kept).ReadToEnd());
        Assert.Equal(2, report.Written);
        Assert.Equal("a2", File.ReadAllText(Path.Combine(output, "papers/a/index.html")));
        Assert.Equal("b1", File.ReadAllText(Path.Combine(output, "papers/b/index.html")));
        Assert.Equal("c1", File.ReadAllText(Path.Combine(output, "papers/c/index.html")));
        var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f).Replace('\\', '/')).Order().ToList();
        Assert.Equal(["papers/a/index.html", "papers/b/index.html", "papers/c/index.html"], files.Where(f => !f.StartsWith(".paper-trail/", StringComparison.Ordinal)));
        Assert.DoesNotContain(Directory.EnumerateDirectories(Path.Combine(output, ".paper-trail")), d => Path.GetFileName(d).StartsWith("staging", StringComparison.Ordinal));
    }
}
