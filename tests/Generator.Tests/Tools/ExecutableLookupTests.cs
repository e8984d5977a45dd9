using PaperTrail.Tests.Support;
using PaperTrail.Tools;

namespace PaperTrail.Tests.Tools;

/// <summary>
/// node and npm are found as each system's shell finds them: on Windows node.exe and npm.cmd by
/// PATHEXT, never the extensionless npm script beside them; elsewhere the plain name. The PATH, the
/// PATHEXT and the files are fakes in a temporary folder, so both rules are checked on any machine.
/// </summary>
public sealed class ExecutableLookupTests : IDisposable
{
    private const string WindowsPathExt = ".COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Fake(string relative, bool executable = true)
    {
        var file = _dir.Write(relative, "#!/bin/sh\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(file, executable ? (UnixFileMode)0b111_101_101 : UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return file;
    }

    private string WindowsPath(params string[] folders) => string.Join(';', folders.Select(f => _dir[f]));

    [Fact]
    public void On_windows_node_is_the_exe_and_npm_the_cmd_file_never_the_extensionless_script_before_them()
    {
        Fake("first/npm");
        Fake("first/npm.ps1");
        var npm = Fake("nodejs/npm.cmd");
        var node = Fake("nodejs/node.exe");
        Fake("nodejs/node");

        var lookup = new ExecutableLookup(WindowsPath("first", "nodejs"), WindowsPathExt, windows: true);

        Assert.Equal(node, lookup.Find("node"));
        Assert.Equal(npm, lookup.Find("npm"));
        Assert.Equal(node, lookup.Find("node.exe"));
        Assert.Null(lookup.Find("npx"));
    }

    [Fact]
    public void On_windows_the_first_folder_wins_then_the_first_extension_pathext_lists()
    {
        var earlier = Fake("a/tool.cmd");
        Fake("b/tool.exe");
        Fake("c/both.exe");
        var cmdFirst = Fake("c/both.cmd");

        Assert.Equal(earlier, new ExecutableLookup(WindowsPath("a", "b"), WindowsPathExt, windows: true).Find("tool"));
        Assert.Equal(_dir["c/both.exe"], new ExecutableLookup(WindowsPath("c"), ".EXE;.CMD", windows: true).Find("both"));
        Assert.Equal(cmdFirst, new ExecutableLookup(WindowsPath("c"), ".CMD;.EXE", windows: true).Find("both"));
    }

    [Fact]
    public void On_windows_a_quoted_folder_and_an_unset_pathext_are_understood_as_cmd_understands_them()
    {
        var node = Fake("Program Files/nodejs/node.exe");

        var lookup = new ExecutableLookup($"\"{_dir["Program Files/nodejs"]}\";;", pathExt: null, windows: true);

        Assert.Equal(node, lookup.Find("node"));
    }

    [Fact]
    public void On_windows_a_file_only_the_shell_can_open_is_not_a_program()
    {
        Fake("a/node.js");
        Fake("a/npm.vbs");

        var lookup = new ExecutableLookup(WindowsPath("a"), WindowsPathExt, windows: true);

        Assert.Null(lookup.Find("node"));
        Assert.Null(lookup.Find("npm"));
    }

    [PosixFact("file modes, and ':' between the folders of PATH")]
    public void Elsewhere_the_plain_name_is_found_and_a_file_nobody_may_execute_is_passed_over()
    {
        Fake("a/node", executable: false);
        var node = Fake("b/node");
        Fake("b/npm.cmd");

        var lookup = new ExecutableLookup($"{_dir["a"]}::{_dir["b"]}", WindowsPathExt, windows: false);

        Assert.Equal(node, lookup.Find("node"));
        Assert.Null(lookup.Find("npm"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Without_a_path_nothing_is_found(bool windows)
    {
        Fake("node.exe");
        Fake("node");

        Assert.Null(new ExecutableLookup(null, null, windows).Find("node"));
        Assert.Null(new ExecutableLookup("", "", windows).Find("node"));
    }
}
