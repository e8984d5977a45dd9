using PaperTrail.Tools;

namespace PaperTrail.Tests.Tools;

/// <summary>
/// A program starts with its arguments exactly as given; on Windows a batch file (npm.cmd), which
/// no process can start by itself, is run by cmd.exe with a command line cmd reads back into the
/// same arguments, and an argument cmd would change is refused instead of passed on changed.
/// </summary>
public sealed class ProgramStartTests
{
    private const string Cmd = @"C:\Windows\system32\cmd.exe";

    [Theory]
    [InlineData("/usr/bin/node", false)]
    [InlineData("/usr/bin/npm.cmd", false)]
    [InlineData(@"C:\Program Files\nodejs\node.exe", true)]
    public void A_program_starts_itself_with_every_argument_as_given(string program, bool windows)
    {
        var start = ProgramStart.For(program, ["pagefind.cjs", "--site", "out dir", "a\"b"], windows, Cmd);

        Assert.Equal(program, start.FileName);
        Assert.Equal(["pagefind.cjs", "--site", "out dir", "a\"b"], start.ArgumentList);
        Assert.Equal("", start.Arguments);
    }

    [Theory]
    [InlineData(@"C:\Program Files\nodejs\npm.cmd")]
    [InlineData(@"C:\tools\NPM.BAT")]
    public void On_windows_a_batch_file_runs_through_cmd_with_each_argument_quoted(string batchFile)
    {
        var start = ProgramStart.For(batchFile, ["ci", "--loglevel=error", "a & b", @"C:\out dir\"], windows: true, Cmd);

        Assert.Equal(Cmd, start.FileName);
        Assert.Empty(start.ArgumentList);
        // /s: cmd drops the outer quotes and runs the rest as written; a backslash before a closing
        // quote is doubled so that the program the batch file calls does not read \" as a quote.
        Assert.Equal($"/d /v:off /s /c \"\"{batchFile}\" \"ci\" \"--loglevel=error\" \"a & b\" \"C:\\out dir\\\\\"\"", start.Arguments);
    }

    [Theory]
    [InlineData("%PATH%")]
    [InlineData("say \"hi\"")]
    [InlineData("two\nlines")]
    public void On_windows_an_argument_cmd_would_rewrite_is_refused(string argument)
    {
        var refused = Assert.Throws<ArgumentException>(() => ProgramStart.For(@"C:\nodejs\npm.cmd", ["ci", argument], windows: true, Cmd));
        Assert.Contains(argument, refused.Message);
    }
}
