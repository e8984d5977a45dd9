#!/usr/bin/env bash
# Build speed at archive scale, ours against Hugo's, in one run on one machine.
#
#   bench/run.sh                 N = 1000 and 10000
#   bench/run.sh 1000 10000 50000
#
# For each N it prepares the same N papers for both (the real trending corpus first, synthetic
# papers beyond 5,951: bench/prepare.py), then times with hyperfine, min and median of RUNS runs:
#   - our cold build: `generator build --clean --no-search` into an empty folder;
#   - Hugo's cold build of the same papers (../shared/bench: to_hugo.py and its templates);
# and, once each under GNU time, the peak memory (RSS) and the number of files written. Search
# indexing (Pagefind) is timed on its own line. It prints a table, then one `bench …` line per N
# with key=value figures for scripts. It is never part of `dotnet test`.
# Incremental rebuilds (issue 12) are timed from the cold build's state: nothing changed, and EXTRA
# papers added; the +EXTRA ratio to a cold build is given twice, min over min (add_of_cold) and as
# the median of RUNS back-to-back pairs (add_of_cold_paired), which a machine's slow phase cannot split.
#
# The topic model (issue 31): when content/topics-model.txt is there, the bench archive gets it too,
# and the same cold build is timed with the model and without it (a copy of the archive without the
# file: the rules alone), RUNS back-to-back pairs, the median of their ratios (model_of_off_paired).
#
# Needs: Debian's hugo, hyperfine and time (apt-get install hugo hyperfine time), /usr/bin/python3.
# Env: RUNS (default 5, 3 at 50k), EXTRA (papers added for the incremental rebuild, default 50),
# BENCH_WORK (default bench/work).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${BENCH_SHARED:-$(cd "$root/.." && pwd)/shared}"
work="${BENCH_WORK:-$root/bench/work}"
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
py=/usr/bin/python3
for tool in hugo hyperfine /usr/bin/time "$py"; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install hugo hyperfine time python3)" >&2; exit 2; }
done
mkdir -p "$work"
EXTRA="${EXTRA:-50}"

# Our generator as a user who cares for speed runs it: compiled ahead of time to native code (Native
# AOT: no JIT while it builds, 1 to 1.5 s less processor time at 10,000 papers) when a C toolchain is
# there to link it; else ReadyToRun; else a plain Release build. Each publish starts from clean
# intermediates, since the three share the project's obj folder. The build line says which one ran.
bin="$work/bin"
publish() { local out=$1; shift; rm -rf "$out" "$root/generator/obj/Release" "$root/generator/bin/Release"; dotnet publish "$root/generator" -c Release -o "$out" -nologo -v quiet "$@" >/dev/null 2>&1; }
linker=(); command -v clang >/dev/null || linker=(-p:CppCompilerAndLinker=gcc)
if (command -v clang || command -v gcc) >/dev/null && publish "$bin" -r linux-x64 -p:PublishAot=true "${linker[@]}" && [ -x "$bin/generator" ]; then
  flavour="native AOT"; gen=("$bin/generator")
elif publish "$bin" -r linux-x64 --self-contained false -p:PublishReadyToRun=true; then
  flavour="ReadyToRun"; gen=("$bin/generator")
else
  publish "$bin"; flavour="JIT"; gen=(dotnet "$bin/generator.dll")
fi
# The plain (JIT) generator too, to check that the fast one builds the very same site.
jit_bin="$work/bin-jit"
publish "$jit_bin"
rm -rf "$root/generator/obj/Release" "$root/generator/bin/Release" # a later `dotnet build` starts clean
echo "== generator: $flavour" >&2

ms() { "$py" -c 'import json,sys,statistics; t=json.load(open(sys.argv[1]))["results"][0]["times"]; print(f"{min(t):.3f} {statistics.median(t):.3f}")' "$1"; }
rss_mb() { awk -F: '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$1"; }

# A timed cold build starts from no output. The previous run's output is moved aside, not deleted:
# ext4 skips inodes freed in the last minute when it allocates new ones, so deleting ~45,000 files
# and folders right before a timed run charges that run seconds of kernel time the tool did not
# cause (see README.md). The trash is deleted once, at the very end, outside every timed region.
trash="$work/trash"
mkdir -p "$trash"
# Each timed run also starts with nothing left to write back: without a `sync`, the kernel writes
# the previous run's files (or the fresh copy an incremental run starts from) to disk during the
# next run, on the same cores, and charges it whatever is written most (we write 180 MB at 10,000
# papers, Hugo 55 MB). Both tools get the same preparation.
aside() { printf 'for d in %s; do if [ -e "$d" ]; then mv "$d" %s/$(date +%%s%%N)-$RANDOM; fi; done; sync' "$*" "$trash"; }
cleanup() { rm -rf "$trash"; }
trap cleanup EXIT
written() { sed -n -e 's/.* files (\([0-9]*\) written.*/\1/p' -e 's/.*kept, \([0-9]*\) written.*/\1/p'; }

summary=()
for n in "${sizes[@]}"; do
  runs="${RUNS:-$([ "$n" -ge 50000 ] && echo 3 || echo 5)}"
  dir="$work/n$n"
  echo "== N=$n: preparing" >&2
  "$py" "$root/bench/prepare.py" "$n" "$dir" --shared "$shared" --extra "$EXTRA"
  # Earlier runs' folders go aside too (see above): deleting them here would slow the timed runs.
  eval "$(aside "$dir/content" "$dir/hugo-site" "$dir/base")"
  mkdir -p "$dir/content"
  cp "$root/content/site.yml" "$root/content/topics.yml" "$dir/content/"
  model="$root/content/topics-model.txt"
  [ -f "$model" ] && cp "$model" "$dir/content/"
  "${gen[@]}" ingest "$dir/input.json" --content "$dir/content" | tail -1 >&2
  "$py" "$shared/bench/to_hugo.py" "$dir/corpus.jsonl" "$dir/hugo-site" >/dev/null

  echo "== N=$n: timing cold builds ($runs runs each)" >&2
  ours="${gen[*]} build --clean --no-search --content $dir/content --output $dir/out --themes $root/themes"
  hyperfine --style basic --warmup 1 --runs "$runs" --prepare "$(aside "$dir/out")" \
    --export-json "$dir/ours.json" --command-name "ours N=$n" "$ours" >&2
  (cd "$dir/hugo-site" && hyperfine --style basic --warmup 1 --runs "$runs" --prepare "$(aside public resources)" \
    --export-json "$dir/hugo.json" --command-name "hugo N=$n" "hugo --quiet --minify=false" >&2)

  eval "$(aside "$dir/out")"
  /usr/bin/time -v -o "$dir/ours.time" $ours >/dev/null
  (cd "$dir/hugo-site" && eval "$(aside public resources)" && /usr/bin/time -v -o "$dir/hugo.time" hugo --quiet --minify=false >/dev/null)
  ours_files=$(find "$dir/out" -type f -not -path '*/.paper-trail/*' | wc -l)
  eval "$(aside "$dir/out-jit")"
  dotnet "$jit_bin/generator.dll" build --clean --no-search --content "$dir/content" --output "$dir/out-jit" --themes "$root/themes" >/dev/null
  same_as_jit=$(diff -rq --exclude=.paper-trail "$dir/out" "$dir/out-jit" >/dev/null && echo yes || echo no)
  hugo_files=$(find "$dir/hugo-site/public" -type f | wc -l)

  # Incremental (issue 12), from the cold build just made: a rebuild with nothing changed, then a
  # rebuild after a nightly's worth of new papers ($EXTRA), each from a fresh copy of that state.
  echo "== N=$n: timing incremental rebuilds ($runs runs each)" >&2
  incremental="${gen[*]} build --no-search --content $dir/inc/content --output $dir/inc/out --themes $root/themes"
  mkdir -p "$dir/base" && cp -a "$dir/content" "$dir/out" "$dir/base/"
  hyperfine --style basic --warmup 1 --runs "$runs" --prepare "$(aside "$dir/inc") && cp -a $dir/base $dir/inc && sync" \
    --export-json "$dir/noop.json" --command-name "ours no-op N=$n" "$incremental" >&2
  eval "$(aside "$dir/inc")" && cp -a "$dir/base" "$dir/inc"
  noop_written=$($incremental | written)
  "${gen[@]}" ingest "$dir/extra.json" --content "$dir/base/content" | tail -1 >&2
  hyperfine --style basic --warmup 1 --runs "$runs" --prepare "$(aside "$dir/inc") && cp -a $dir/base $dir/inc && sync" \
    --export-json "$dir/add.json" --command-name "ours +$EXTRA papers N=$n" "$incremental" >&2
  eval "$(aside "$dir/inc")" && cp -a "$dir/base" "$dir/inc"
  /usr/bin/time -v -o "$dir/add.time" $incremental > "$dir/add.log"
  add_written=$(written < "$dir/add.log")
  # Writing only files whose bytes changed: the files the rebuild wrote differ from the cold build's.
  cold_add="${gen[*]} build --clean --no-search --content $dir/base/content --output $dir/cold-add --themes $root/themes"
  eval "$(aside "$dir/cold-add")" && $cold_add >/dev/null
  add_same=$(diff -rq --exclude=.paper-trail "$dir/inc/out" "$dir/cold-add" >/dev/null && echo yes || echo no)
  add_needed=$({ diff -rq --exclude=.paper-trail "$dir/out" "$dir/cold-add" || true; } | wc -l)

  # The same ratio from pairs: a cold build, then at once a +$EXTRA rebuild, $runs times. A shared
  # machine's slow phases last minutes, long enough to fall on the cold runs above and not on the
  # rebuilds, or the other way round; two builds seconds apart share theirs. Median of the pairs' ratios.
  pair_times=()
  for _ in $(seq "$runs"); do
    eval "$(aside "$dir/pair-cold")"
    t0=$(date +%s%N); ${gen[*]} build --clean --no-search --content "$dir/content" --output "$dir/pair-cold" --themes "$root/themes" >/dev/null; t1=$(date +%s%N)
    eval "$(aside "$dir/inc")" && cp -a "$dir/base" "$dir/inc" && sync
    t2=$(date +%s%N); $incremental >/dev/null; t3=$(date +%s%N)
    pair_times+=("$(( t1 - t0 )):$(( t3 - t2 ))")
  done
  read -r add_paired pairs_text < <("$py" -c '
import statistics, sys
pairs = [tuple(int(x) / 1e9 for x in p.split(":")) for p in sys.argv[1:]]
print(f"{statistics.median(a / c for c, a in pairs):.2f}", ",".join(f"{a:.2f}/{c:.2f}" for c, a in pairs))' "${pair_times[@]}")

  # The model's cost (issue 31): the same cold build with and without topics-model.txt, in pairs.
  model_paired=none model_pairs_text=none
  if [ -f "$dir/content/topics-model.txt" ]; then
    eval "$(aside "$dir/content-no-model")" && cp -a "$dir/content" "$dir/content-no-model" && rm "$dir/content-no-model/topics-model.txt"
    model_times=()
    # Each build starts with nothing left to write back (aside syncs), and the two take turns going first.
    cold_ns() { eval "$(aside "$2")"; local t0; t0=$(date +%s%N); ${gen[*]} build --clean --no-search --content "$1" --output "$2" --themes "$root/themes" >/dev/null; echo $(( $(date +%s%N) - t0 )); }
    for i in $(seq "$runs"); do
      if (( i % 2 )); then on=$(cold_ns "$dir/content" "$dir/pair-model"); off=$(cold_ns "$dir/content-no-model" "$dir/pair-no-model")
      else off=$(cold_ns "$dir/content-no-model" "$dir/pair-no-model"); on=$(cold_ns "$dir/content" "$dir/pair-model"); fi
      model_times+=("$off:$on")
    done
    read -r model_paired model_pairs_text < <("$py" -c '
import statistics, sys
pairs = [tuple(int(x) / 1e9 for x in p.split(":")) for p in sys.argv[1:]]
print(f"{statistics.median(m / o for o, m in pairs):.3f}", ",".join(f"{m:.2f}/{o:.2f}" for o, m in pairs))' "${model_times[@]}")
  fi

  search=$("${gen[@]}" build --content "$dir/content" --output "$dir/out" --themes "$root/themes" | sed -n 's/^search: indexed in \([0-9.]*\) s.*/\1/p')

  read -r ours_min ours_med < <(ms "$dir/ours.json")
  read -r hugo_min hugo_med < <(ms "$dir/hugo.json")
  read -r noop_min noop_med < <(ms "$dir/noop.json")
  read -r add_min add_med < <(ms "$dir/add.json")
  ratio=$("$py" -c "print(f'{$ours_min/$hugo_min:.2f}')")
  per_paper=$("$py" -c "print(f'{$ours_min*1000/$n:.3f}')")
  line="bench n=$n ours_min_s=$ours_min ours_median_s=$ours_med hugo_min_s=$hugo_min hugo_median_s=$hugo_med ratio_min=$ratio"
  line+=" ours_rss_mb=$(rss_mb "$dir/ours.time") hugo_rss_mb=$(rss_mb "$dir/hugo.time") ours_files=$ours_files hugo_files=$hugo_files"
  line+=" ours_ms_per_paper=$per_paper search_index_s=${search:-skipped}"
  line+=" noop_min_s=$noop_min noop_of_cold=$("$py" -c "print(f'{$noop_min/$ours_min:.2f}')") noop_written=$noop_written"
  line+=" add${EXTRA}_min_s=$add_min add_of_cold=$("$py" -c "print(f'{$add_min/$ours_min:.2f}')") add_written=$add_written"
  line+=" add_of_cold_paired=$add_paired add_pairs_s=$pairs_text"
  line+=" add_files_differing=$add_needed add_equals_cold=$add_same add_rss_mb=$(rss_mb "$dir/add.time") generator=${flavour// /_} same_as_jit=$same_as_jit"
  line+=" model_of_off_paired=$model_paired model_pairs_s=$model_pairs_text"
  summary+=("$line")
done

echo
printf '%-7s %10s %10s %10s %10s %7s %9s %9s %9s %9s %8s\n' N ours_min ours_med hugo_min hugo_med ratio ours_MB hugo_MB ours_files hugo_files search_s
for line in "${summary[@]}"; do
  eval "$(echo "$line" | cut -d' ' -f2- | tr ' ' '\n' | sed 's/^/local_/' | sed 's/=\(.*\)/="\1"/')"
  printf '%-7s %10s %10s %10s %10s %7s %9s %9s %9s %9s %8s\n' "$local_n" "$local_ours_min_s" "$local_ours_median_s" "$local_hugo_min_s" \
    "$local_hugo_median_s" "$local_ratio_min" "$local_ours_rss_mb" "$local_hugo_rss_mb" "$local_ours_files" "$local_hugo_files" "$local_search_index_s"
done
echo
printf '%s\n' "${summary[@]}"
if [ ${#summary[@]} -ge 2 ]; then
  first="${summary[0]}"; last="${summary[-1]}"
  a=$(echo "$first" | sed 's/.*ours_ms_per_paper=\([0-9.]*\).*/\1/'); b=$(echo "$last" | sed 's/.*ours_ms_per_paper=\([0-9.]*\).*/\1/')
  echo "bench growth_per_paper=$("$py" -c "print(f'{$b/$a:.2f}')") (ms per paper at the largest N over the smallest)"
fi
