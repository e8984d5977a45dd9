namespace PaperTrail.Tests.Support;

/// <summary>Where the repository and the shared folder beside it are.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Shared => Path.Combine(Root, "..", "shared");

    public static string SeedScrape => Path.Combine(Shared, "seed", "trending-scrape.txt");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Site.sln"))) return dir.FullName;
        throw new InvalidOperationException("Site.sln not found above " + AppContext.BaseDirectory);
    }
}
