using System.CommandLine;
using System.Text;
using PaperTrail.Content;
using PaperTrail.Errors;
using PaperTrail.Output;
using PaperTrail.Topics;

namespace PaperTrail.Commands;

/// <summary>
/// <c>generator init &lt;dir&gt;</c>: a fresh archive skeleton that builds at once: content/site.yml to
/// edit, an empty content/papers/, and a copy of the default topics.yml. Asks nothing, and never
/// writes over an archive that is already there.
/// </summary>
internal static class InitCommand
{
    private const string SiteYml = """
        # The one configuration file of this archive. Every key is described in docs/content.md of Paper Trail.
        schema_version: 2
        title: My Paper Archive
        description: Trending research papers in my field, one page per paper, with feeds per topic.
        # The address the site is published at; it may include a path (https://example.org/papers/).
        base_url: https://example.org/
        language: en
        author: My Lab
        # contact: someone@example.org
        theme: default
        page_size: 20
        feed_size: 30
        # Where the site is published: netlify, github-pages or cloudflare (docs/deploying.md).
        host: netlify
        # The web sources the nightly job fetches: hf-trending, hf-daily, and arXiv searches, one a line
        # (docs/content.md): categories, terms (title or abstract), authors, and the fewest papers a day:
        #   - arxiv: { categories: [cs.RO, q-bio.NC], floor: 5 }
        sources: [hf-trending]
        """;

    public static Command Create(CommandContext context)
    {
        var dir = new Argument<string>("dir") { Description = "the folder of the new archive (created if missing)" }.NamingPaths();
        var command = new Command("init", "create a new, empty archive that builds at once") { dir };
        command.SetAction(result => context.Guarded(() =>
        {
            var folder = result.GetValue(dir)!;
            if (File.Exists(folder))
                throw new UsageException($"{DisplayPath.Of(folder)} is a file: init makes a new archive in a folder (created if missing)");
            var content = Path.Combine(folder, "content");
            // Taken before looking: of two inits at once, the second finds the first one's archive.
            using var writer = FolderLock.OnContent(content, "init", context.Output);
            if (Directory.EnumerateFileSystemEntries(content).Any(entry => !FolderLock.IsLockFile(Path.GetFileName(entry))))
                throw new UsageException($"{DisplayPath.Of(content)} already holds an archive; init never writes over one");
            Directory.CreateDirectory(Path.Combine(content, ArchiveLoader.PapersFolder));
            AtomicFile.Write(Path.Combine(content, "site.yml"), Encoding.UTF8.GetBytes(SiteYml + "\n"));
            AtomicFile.Write(Path.Combine(content, "topics.yml"), DefaultTopics.Bytes());
            AtomicFile.Write(Path.Combine(content, ArchiveLoader.PapersFolder, ".gitkeep"), []);
            context.Output.WriteLine($"created {DisplayPath.Of(content)}: edit site.yml and topics.yml, then");
            context.Output.WriteLine($"  generator build --content {DisplayPath.Of(content)}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
