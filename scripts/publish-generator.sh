#!/usr/bin/env bash
# Publishes the generator that the nightly runs and the bench times, into OUT, and says which one it made.
#
#   scripts/publish-generator.sh OUT       OUT/generator is then the program to run
#
# The fastest the machine can make, in this order:
#   native AOT   compiled ahead of time to native code (-p:PublishAot=true): no JIT compiler competing
#                with the build for the cores. Needs a C toolchain to link it (clang, else gcc).
#   ReadyToRun   precompiled code the runtime still re-compiles when hot, when native AOT is impossible.
#   JIT          a plain Release build, when neither can be made.
# The one line it prints on stdout names the flavour, and why a faster one was not made:
#   generator: ReadyToRun (native AOT not made: no C compiler (clang or gcc) on PATH to link it)
#
# OUT/.published records a hash of what the program is made from (generator/, the package and build
# props, global.json, this script, the SDK's version and PAPER_TRAIL_NO_AOT): when it matches, OUT is
# reused as it is and nothing is compiled (the workflow restores OUT from its cache, keyed on the same).
# A publish goes to a folder beside OUT and replaces OUT only once it has succeeded. Intermediate
# files go to a temporary folder, never to generator/obj, so a `dotnet build` or `dotnet test` of the
# same checkout running meanwhile is not disturbed.
#
# Environment: PAPER_TRAIL_NO_AOT=1 skips native AOT (a runner whose toolchain cannot link it; the
# tests use it to see the fallback).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:?usage: scripts/publish-generator.sh OUT}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
cd "$repo" # its global.json picks the SDK

case "$(uname -s)-$(uname -m)" in
  Darwin-arm64) rid=osx-arm64 ;;
  Darwin-*) rid=osx-x64 ;;
  *-aarch64|*-arm64) rid=linux-arm64 ;;
  *) rid=linux-x64 ;;
esac
sha=(sha256sum); command -v sha256sum >/dev/null || sha=(shasum -a 256) # macOS has the second

# What the program is made from. Files only, by path and content, in a fixed order; bin/ and obj/ are
# what builds leave behind, not sources.
inputs_hash() {
  {
    find generator -type f -not -path 'generator/bin/*' -not -path 'generator/obj/*' -print0 | LC_ALL=C sort -z | xargs -0 "${sha[@]}"
    "${sha[@]}" Directory.Packages.props Directory.Build.props global.json scripts/publish-generator.sh
    echo "sdk $(dotnet --version) rid $rid no-aot ${PAPER_TRAIL_NO_AOT:-}"
  } | "${sha[@]}" | cut -d' ' -f1
}
hash="$(inputs_hash)"

if [ -x "$out/generator" ] && [ -f "$out/.published" ] && [ "$(sed -n 1p "$out/.published")" = "$hash" ]; then
  echo "generator: $(sed -n 2p "$out/.published") (already published from these sources)"
  exit 0
fi

staging="$(mktemp -d "${out%/}.publishing.XXXXXX")"
scratch="$(mktemp -d)"
trap 'rm -rf "$staging" "$scratch"' EXIT

# One publish into the staging folder, from clean intermediates of its own; its log kept for a failure.
publish() {
  rm -rf "$staging" "$scratch/artifacts"
  mkdir -p "$staging"
  dotnet publish "$repo/generator" -c Release -o "$staging" --artifacts-path "$scratch/artifacts" -nologo -v quiet "$@" \
    >"$scratch/publish.log" 2>&1
}

why=""
flavour=""
if [ -n "${PAPER_TRAIL_NO_AOT:-}" ]; then
  why="native AOT not made: PAPER_TRAIL_NO_AOT is set"
elif command -v clang >/dev/null; then
  linker=()
elif command -v gcc >/dev/null; then
  linker=(-p:CppCompilerAndLinker=gcc)
else
  why="native AOT not made: no C compiler (clang or gcc) on PATH to link it"
fi
if [ -z "$why" ]; then
  if publish -r "$rid" -p:PublishAot=true "${linker[@]}" && [ -x "$staging/generator" ]; then
    flavour="native AOT"
  else
    why="native AOT failed: $(grep -m1 -E 'error|Error' "$scratch/publish.log" || tail -1 "$scratch/publish.log")"
  fi
fi
if [ -z "$flavour" ]; then
  if publish -r "$rid" --self-contained false -p:PublishReadyToRun=true && [ -x "$staging/generator" ]; then
    flavour="ReadyToRun"
  elif publish && [ -x "$staging/generator" ]; then
    flavour="JIT"
    why="$why; ReadyToRun failed too"
  else
    cat "$scratch/publish.log" >&2
    echo "the generator could not be published (see dotnet's messages above)" >&2
    exit 1
  fi
fi

printf '%s\n%s\n' "$hash" "$flavour" >"$staging/.published"
rm -rf "$out"
mv "$staging" "$out"
echo "generator: $flavour${why:+ ($why)}"
