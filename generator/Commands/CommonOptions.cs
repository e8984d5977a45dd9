using System.CommandLine;

namespace PaperTrail.Commands;

/// <summary>Options several commands share, declared once so they read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string> Content() =>
        new Option<string>("--content") { Description = "the archive folder", DefaultValueFactory = _ => "content" }.NamingAPath();

    /// <summary>
    /// Refuses an empty value as a usage error: <c>--content ""</c> (a variable that was not set) meant
    /// the folder the command ran in, and <c>--output ""</c> a crash.
    /// </summary>
    public static Option<T> NamingAPath<T>(this Option<T> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<T>() is string { Length: 0 }) result.AddError($"{option.Name} is empty: name a file or folder");
        });
        return option;
    }

    /// <summary>The same for an argument, or each of its values.</summary>
    public static Argument<T> NamingPaths<T>(this Argument<T> argument)
    {
        argument.Validators.Add(result =>
        {
            var values = result.GetValueOrDefault<T>() switch
            {
                string one => [one],
                string[] many => many,
                _ => Array.Empty<string>(),
            };
            if (values.Any(v => v.Length == 0)) result.AddError($"<{argument.Name}> is empty: name a file or folder");
        });
        return argument;
    }
}
