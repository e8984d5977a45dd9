using System.Diagnostics;
using System.Text;

namespace PaperTrail.Tools;

/// <summary>
/// How to start a program <see cref="ExecutableLookup"/> found. Windows itself starts only programs
/// (.exe, .com); a batch file such as npm.cmd is run by cmd.exe, which reads its command line by
/// rules of its own, so there every argument is quoted for cmd, and an argument cmd would read
/// differently from what was meant (a quote, a % that it expands, a line break) is refused rather
/// than passed on.
/// </summary>
internal static class ProgramStart
{
    private static readonly string[] BatchFiles = [".bat", ".cmd"];

    public static bool IsBatchFile(string program, bool windows) =>
        windows && BatchFiles.Contains(Path.GetExtension(program).ToLowerInvariant());

    /// <summary>The start of <paramref name="program"/> (a full path) with these arguments.</summary>
    /// <param name="commandShell">cmd.exe as the machine names it (ComSpec); used for batch files only.</param>
    public static ProcessStartInfo For(string program, IEnumerable<string> args, bool windows, string commandShell = "cmd.exe")
    {
        if (!IsBatchFile(program, windows))
        {
            var start = new ProcessStartInfo(program);
            foreach (var arg in args) start.ArgumentList.Add(arg);
            return start;
        }

        // /d: no AutoRun commands from the registry; /v:off: a ! is text; /s /c: everything between
        // the first and the last quote is the command, run as written.
        var line = new StringBuilder("/d /v:off /s /c \"").Append(QuotedForCmd(program));
        foreach (var arg in args) line.Append(' ').Append(QuotedForCmd(arg));
        return new ProcessStartInfo(commandShell, line.Append('"').ToString());
    }

    private static string QuotedForCmd(string arg)
    {
        if (arg.IndexOfAny(['"', '%', '\r', '\n', '\0']) >= 0)
            throw new ArgumentException($"cannot pass {arg} through cmd.exe to a batch file", nameof(arg));
        // Inside quotes cmd takes & | < > ^ ( ) as text. The batch file hands the argument on to a
        // program that reads \" as a quote, so backslashes before the closing quote are doubled.
        var trailing = arg.Length - arg.TrimEnd('\\').Length;
        return "\"" + arg + new string('\\', trailing) + "\"";
    }
}
