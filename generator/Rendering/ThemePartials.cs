using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace PaperTrail.Rendering;

/// <summary>Lets Liquid's <c>{% render 'name' %}</c> find partials through the theme chain.</summary>
internal sealed class ThemePartials(ThemeFiles theme) : IFileProvider
{
    public IFileInfo GetFileInfo(string subpath)
    {
        var path = theme.Find(Path.Combine("partials", subpath.TrimStart('/')));
        return path is null ? new NotFoundFileInfo(subpath) : new PartialFile(path);
    }

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
