namespace PaperTrail.Pipelines;

/// <summary>What <c>generator build</c> was asked to do.</summary>
public sealed record BuildOptions(string ContentDir, string OutputDir, string ThemesDir, bool Clean = false)
{
    /// <summary>Where the site goes unless --output says otherwise; netlify.toml publishes this folder.</summary>
    public const string DefaultOutput = "output";
}

/// <summary>What a build did, for its closing line and for tests.</summary>
public sealed record BuildReport(int Papers, int Outputs, int Written, int Unchanged, int Removed, int FellBack);
