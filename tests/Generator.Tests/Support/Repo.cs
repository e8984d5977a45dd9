namespace PaperTrail.Tests.Support;

/// <summary>Where the repository and the tests' captured inputs are (tests/fixtures; its README says where each came from).</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>Real captured inputs, inside the repository so that a fork's tests have them too.</summary>
    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    public static string SeedScrape => Path.Combine(Fixtures, "seed", "trending-scrape.txt");

    /// <summary>A sample of the trending corpus: 12 of its 190 daily API answers, 361 papers.</summary>
    public static string Corpus => Path.Combine(Fixtures, "corpus", "hf-daily");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Site.sln"))) return dir.FullName;
        throw new InvalidOperationException("Site.sln not found above " + AppContext.BaseDirectory);
    }
}
