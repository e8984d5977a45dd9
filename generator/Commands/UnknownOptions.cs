using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace PaperTrail.Commands;

/// <summary>
/// Finds words of a command line that look like options but are none. System.CommandLine takes an
/// unknown option as an argument when the command has one (<c>ingest --dryrun file</c> read
/// "--dryrun" as a file to ingest, <c>init --force</c> made a folder named "--force"). A word that
/// starts with '-' is an option here unless it comes after <c>--</c>, is a number, or is the value
/// of an option that takes exactly one (<c>--explain "-foo"</c>).
/// </summary>
internal static class UnknownOptions
{
    public static IReadOnlyList<string> In(ParseResult parsed)
    {
        var values = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        for (SymbolResult? command = parsed.CommandResult; command is CommandResult c; command = c.Parent)
            foreach (var option in c.Children.OfType<OptionResult>().Where(o => o.Option.Arity.MaximumNumberOfValues == 1))
                values.UnionWith(option.Tokens);

        var unknown = new List<string>();
        foreach (var token in parsed.Tokens)
        {
            if (token.Type == TokenType.DoubleDash) break;
            if (token.Type == TokenType.Argument && LooksLikeOption(token.Value) && !values.Contains(token))
                unknown.Add(token.Value);
        }
        return unknown;
    }

    /// <summary>"usage error" lines for them, each with the closest option of the command when one is close.</summary>
    public static IEnumerable<string> Describe(IReadOnlyList<string> unknown, Command command)
    {
        var known = command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).ToList();
        foreach (var word in unknown)
        {
            var name = word.Split('=', 2)[0];
            var closest = known.Select(k => (Option: k, Distance: EditDistance(name, k))).Where(k => k.Distance <= 2).OrderBy(k => k.Distance).FirstOrDefault().Option;
            yield return closest is null
                ? $"unknown option '{name}' for '{command.Name}'"
                : $"unknown option '{name}' for '{command.Name}'; did you mean '{closest}'?";
        }
    }

    private static bool LooksLikeOption(string word) =>
        word.Length > 1 && word[0] == '-' && !double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
