using PaperTrail.Output;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Incremental;

/// <summary>
/// A rebuild keeps an unchanged output only when its file is still there at the size and time it was
/// written: the sizes and times it reads must be the files' own, and "none" for anything that is not a file.
/// </summary>
public sealed class FileSizesTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Gives_each_file_its_size_and_none_for_what_is_missing_or_a_folder()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "papers", "x"));
        File.WriteAllBytes(Path.Combine(_dir.Path, "papers", "x", "index.html"), new byte[1234]);
        File.WriteAllBytes(Path.Combine(_dir.Path, "empty.txt"), []);
        Directory.CreateDirectory(Path.Combine(_dir.Path, "topics", "é-ü"));
        File.WriteAllText(Path.Combine(_dir.Path, "topics", "é-ü", "index.html"), "ü");

        using var sizes = new FileSizes(_dir.Path);

        Assert.Equal(1234, sizes.SizeOf("papers/x/index.html"));
        Assert.Equal(0, sizes.SizeOf("empty.txt"));
        Assert.Equal(2, sizes.SizeOf("topics/é-ü/index.html"));
        Assert.Equal(-1, sizes.SizeOf("papers/y/index.html"));
        Assert.Equal(-1, sizes.SizeOf("papers/x/index.html/more"));
        Assert.Equal(-1, sizes.SizeOf("papers/x"));
    }

    [Fact]
    public void Sees_a_file_changed_or_removed_after_it_was_opened()
    {
        var file = Path.Combine(_dir.Path, "feed.xml");
        File.WriteAllBytes(file, new byte[10]);
        using var sizes = new FileSizes(_dir.Path);
        Assert.Equal(10, sizes.SizeOf("feed.xml"));

        File.WriteAllBytes(file, new byte[7]);
        Assert.Equal(7, sizes.SizeOf("feed.xml"));
        File.Delete(file);
        Assert.Equal(-1, sizes.SizeOf("feed.xml"));
    }

    [Fact]
    public void Gives_each_file_its_modification_time_as_the_file_system_has_it()
    {
        // An edit by hand that keeps the size shows only in the time: it must be the file's own, to the tick.
        var file = Path.Combine(_dir.Path, "index.html");
        File.WriteAllBytes(file, new byte[10]);
        var when = new DateTime(2026, 11, 27, 8, 30, 15, DateTimeKind.Utc).AddTicks(1234567);
        File.SetLastWriteTimeUtc(file, when);
        using var sizes = new FileSizes(_dir.Path);

        Assert.Equal((10L, (when - DateTime.UnixEpoch).Ticks), sizes.Of("index.html"));
        File.SetLastWriteTimeUtc(file, when.AddTicks(1));
        Assert.Equal((when - DateTime.UnixEpoch).Ticks + 1, sizes.Of("index.html").Modified);
        Assert.Equal((-1L, -1L), sizes.Of("gone.html"));
    }
}
