using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace PaperTrail.Rendering;

/// <summary>
/// Lets Liquid's <c>{% include 'name' %}</c> and <c>{% render 'name' %}</c> find partials through the
/// theme chain, and nowhere else: a name is a path inside <c>partials/</c> of the theme or of its
/// fallback, and one that would leave it (<c>'../../x'</c>, a drive, a backslash) is never looked up.
/// A theme's templates are checked against this when they are parsed (<see cref="TemplateSet"/>),
/// so a build tells a missing or escaping partial by file and line before it renders a page.
/// </summary>
internal sealed class ThemePartials(ThemeFiles theme) : IFileProvider
{
    public const string Extension = ".liquid";

    public IFileInfo GetFileInfo(string subpath) =>
        Find(subpath) is { } path ? new PartialFile(path) : new NotFoundFileInfo(subpath);

    /// <summary>The file of a partial, by its name in a tag ("pager", or "pager.liquid"), or null when none or refused.</summary>
    public string? Find(string name) =>
        Refusal(name) is null ? theme.Find("partials/" + WithExtension(name).TrimStart('/')) : null;

    /// <summary>Why a partial's name is not looked up at all, or null when it names a path inside partials/.</summary>
    public static string? Refusal(string name)
    {
        var relative = name.TrimStart('/');
        if (relative.Length == 0) return "it names no partial";
        if (relative.Contains('\\') || relative.Contains(':') || relative.Contains('\0') || relative.Split('/').Contains(".."))
            return "a partial is named by its path inside partials/ of the theme, and this name would leave it";
        return null;
    }

    /// <summary>Where a partial would be, as the message of a missing one says it ("partials/nope.liquid").</summary>
    public static string PathOf(string name) => "partials/" + WithExtension(name).TrimStart('/');

    private static string WithExtension(string name) =>
        name.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) ? name : name + Extension;

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class PartialFile(string path) : IFileInfo
    {
        private readonly FileInfo _info = new(path);
        public bool Exists => true;
        public long Length => _info.Length;
        public string PhysicalPath => path;
        public string Name => _info.Name;
        public DateTimeOffset LastModified => _info.LastWriteTimeUtc;
        public bool IsDirectory => false;
        public Stream CreateReadStream() => File.OpenRead(path);
    }
}
