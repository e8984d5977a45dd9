using System.CommandLine;

namespace PaperTrail.Commands;

/// <summary>Options several commands share, declared once so they read the same everywhere.</summary>
public static class CommonOptions
{
    public static Option<string> Content() =>
        new("--content") { Description = "the archive folder", DefaultValueFactory = _ => "content" };
}
