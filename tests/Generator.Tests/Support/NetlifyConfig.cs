using Tomlyn;
using Tomlyn.Model;

namespace PaperTrail.Tests.Support;

/// <summary>What netlify.toml tells Netlify, read the way Netlify reads it (TOML), for tests to hold the site to.</summary>
public static class NetlifyConfig
{
    public static TomlTable Model => TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(Path.Combine(Repo.Root, "netlify.toml")))!;

    /// <summary>The headers set for every path ("/*").</summary>
    public static IReadOnlyDictionary<string, string> HeadersForAllPages()
    {
        var headers = (TomlTableArray)Model["headers"];
        var all = headers.First(h => (string)h["for"] == "/*");
        return ((TomlTable)all["values"]).ToDictionary(kv => kv.Key, kv => (string)kv.Value);
    }
}
