namespace PaperTrail.Tests.Publish;

/// <summary>
/// A `dotnet` program to put first on PATH for scripts/publish-generator.sh: it answers `--version`,
/// and a `publish` makes in its `-o` folder a `generator` that prints which flavour it was asked for
/// (native AOT, ReadyToRun or JIT, from the same switches the real SDK reads), or fails like a
/// publish that cannot make that flavour. It takes no time, so the script's choices can be tested
/// without compiling anything; it writes each flavour asked for to a log, in order.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StandInDotnet
{
    /// <summary>The first line of what a failed publish prints, which the script's line quotes.</summary>
    public const string Error = "error NETSDK9999: the stand-in cannot make this code";

    private readonly string _bin;
    private readonly string _log;

    /// <param name="bin">The folder to hold the program (and to go first on PATH).</param>
    /// <param name="failing">The flavours whose publish fails: "aot", "readytorun", "jit".</param>
    public StandInDotnet(string bin, params string[] failing)
    {
        _bin = bin;
        _log = Path.Combine(bin, "publishes.log");
        Directory.CreateDirectory(bin);
        var program = Path.Combine(bin, "dotnet");
        File.WriteAllText(program, $$"""
            #!/bin/sh
            if [ "$1" = --version ]; then echo 10.0.100-stand-in; exit 0; fi
            [ "$1" = publish ] || { echo "stand-in dotnet: only publish and --version" >&2; exit 64; }
            out=""; flavour=jit; linker=""
            while [ $# -gt 0 ]; do
              case "$1" in
                -o) out="$2"; shift ;;
                -p:PublishAot=true) flavour=aot ;;
                -p:PublishReadyToRun=true) flavour=readytorun ;;
                -p:CppCompilerAndLinker=*) linker=" linked by ${1#-p:CppCompilerAndLinker=}" ;;
              esac
              shift
            done
            echo "$flavour$linker" >>'{{_log}}'
            case " {{string.Join(' ', failing)}} " in
              *" $flavour "*) echo "  Restored the stand-in."; echo "{{Error}}"; echo "Build FAILED."; exit 1 ;;
            esac
            mkdir -p "$out"
            printf '#!/bin/sh\necho %s\n' "$flavour" >"$out/generator"
            chmod +x "$out/generator"
            """.Replace("\r\n", "\n"));
        File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Bin => _bin;

    /// <summary>The publishes asked for so far, in order ("aot linked by gcc", "readytorun", …).</summary>
    public IReadOnlyList<string> Publishes =>
        File.Exists(_log) ? File.ReadAllLines(_log) : [];
}
