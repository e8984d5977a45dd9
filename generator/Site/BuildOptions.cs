namespace PaperTrail.Site;

/// <summary>What <c>generator build</c> was asked to do.</summary>
/// <param name="Strict">Any content problem stops the build, instead of leaving out the paper it concerns.</param>
internal sealed record BuildOptions(string ContentDir, string OutputDir, string ThemesDir, bool Clean = false, bool Search = true, bool Strict = false)
{
    /// <summary>Where the site goes unless --output says otherwise; netlify.toml publishes this folder.</summary>
    public const string DefaultOutput = "output";
}
