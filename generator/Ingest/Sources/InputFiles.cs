using System.Globalization;
using PaperTrail.Content;
using PaperTrail.Errors;

namespace PaperTrail.Ingest.Sources;

/// <summary>
/// Inputs as the user named them: files, or folders whose files are taken in name order; and the
/// reading of one, within <see cref="InputLimits.MaxInputBytes"/>. Only regular files are read: a
/// character device (<c>/dev/zero</c>) never ends, and a FIFO blocks whoever opens it until something
/// writes to it, so both are refused before they are opened (<see cref="FileKind"/>). Symbolic links
/// are followed, to a file; a folder is read one level deep, so a link to a folder is not entered
/// and no loop of links can be walked; a link that loops or leads nowhere is refused, named.
/// </summary>
internal static class InputFiles
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".json", ".xml", ".atom", ".html", ".htm" };

    public static IReadOnlyList<string> Expand(IEnumerable<string> inputs) =>
        inputs.SelectMany<string, string>(input => !input.Contains("://", StringComparison.Ordinal) && Directory.Exists(input)
                ? Directory.EnumerateFiles(input, "*", SearchOption.TopDirectoryOnly)
                    .Where(f => Extensions.Contains(Path.GetExtension(f)))
                    .Order(StringComparer.Ordinal)
                : [input])
            .ToList();

    /// <summary>The bytes of the input file at <paramref name="path"/>; anything that is not a regular file of at most the cap is refused, named.</summary>
    public static byte[] Read(string path)
    {
        var display = DisplayPath.Of(path);
        if (FileKind.Of(path) is { } notAFile) throw Refused(display, notAFile);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            if (stream.CanSeek && stream.Length > InputLimits.MaxInputBytes) throw TooLarge(display, stream.Length);
            return ReadAtMost(stream, InputLimits.MaxInputBytes) ?? throw TooLarge(display, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Refused(display, $"cannot be read: {e.Message}");
        }
    }

    /// <summary>All of the stream's bytes, or null when it holds more than <paramref name="max"/> (a file may say it is empty and not be: /proc).</summary>
    private static byte[]? ReadAtMost(Stream stream, int max)
    {
        using var bytes = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (bytes.Length + read > max) return null;
            bytes.Write(buffer, 0, read);
        }
        return bytes.ToArray();
    }

    private static ContentException Refused(string display, string why) =>
        new(new ContentProblem(display, 0, $"{why}; nothing was written"));

    /// <summary>The refusal of an input over <see cref="InputLimits.MaxInputBytes"/> (of unknown length: one that did not end).</summary>
    internal static ContentException TooLarge(string display, long? length) =>
        Refused(display, string.Create(CultureInfo.InvariantCulture,
            $"{(length is { } n ? $"{n:N0} bytes, more" : "more")} than the {InputLimits.MaxInputBytes / (1024 * 1024)} MB ({InputLimits.MaxInputBytes:N0} bytes) an input may have (real answers are a few hundred KB)"));
}
