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
# Rebuilds are timed from the cold build's state, each against a cold build run just before it (the
# median of PAIRS back-to-back pairs, which a machine's slow phase cannot split): the nightly's case
# first, a new newest day of NEWDAY real papers (newday_*); then EXTRA older papers, a backfill
# (backfill_*); then nothing changed (noop_*). Each says what it rendered and wrote, and the new day
# lists what it changed and why (`build --verbose`, from the build itself).
#
# The cold build is also timed against Hugo's in RUNS back-to-back pairs (ratio_paired), and once the
# way the README's command runs it (`dotnet run`, JIT). The nightly's whole cost (issue 25,
# bench/nightly-cost.sh): the same new newest day built with search from the previous night's output,
# in pairs with a cold build, and what a deploy of it would upload; then what one search downloads in
# a browser (node and chromium; skipped without them).
#
# The topic model (issue 31): when content/topics-model.txt is there, the bench archive gets it too,
# and the same cold build is timed with the model and without it (a copy of the archive without the
# file: the rules alone), RUNS back-to-back pairs, the median of their ratios (model_of_off_paired).
#
# Needs: Debian's hugo, hyperfine and time (apt-get install hugo hyperfine time), /usr/bin/python3.
# Env: RUNS (hyperfine runs, default 5, 3 at 50k), PAIRS (default 5, 3 at 50k), NEWDAY (default 50), EXTRA
# (default 50), BENCH_WORK (default bench/work), BENCH_SHARED (default ../shared beside the checkout),
# SETTLE (seconds to wait between sizes after deleting the last one's folders, default 180).
# NEWDAY_JSON (a new day's papers for the nightly's cost, default the bench's new day).
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
NEWDAY="${NEWDAY:-50}"

# Our generator exactly as the nightly runs it: made by the script the nightly calls
# (scripts/publish-generator.sh: compiled ahead of time to native code when a C toolchain is there to
# link it, else ReadyToRun, else a plain Release build; its line says which).
bin="$work/bin"
flavour=$("$root/scripts/publish-generator.sh" "$bin" | sed -n 's/^generator: \([^(]*[^ (]\).*/\1/p')
gen=("$bin/generator")
# The plain (JIT) generator too, to check that the fast one builds the very same site. Its intermediate
# files go to a folder of their own, never to generator/obj (a `dotnet build` or test may be using it).
jit_bin="$work/bin-jit"
rm -rf "$jit_bin" "$work/jit-artifacts"
dotnet publish "$root/generator" -c Release -o "$jit_bin" --artifacts-path "$work/jit-artifacts" -nologo -v quiet >/dev/null 2>&1
echo "== generator: $flavour ($(nproc) cores)" >&2
. "$root/bench/nightly-cost.sh"

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

# ---- Rebuilds (issue 24): the nightly's new day, a backfill, nothing changed -------------------------
# Each case starts from a copy of the cold build's output and its content with the case's papers
# ingested (base-CASE). A round is one cold build of the N papers, then each case's rebuild at once,
# the new day first; the ratios are the medians over PAIRS rounds. One more rebuild of each case runs
# under GNU time (peak memory) with --verbose (what it rendered, wrote, and why), and is compared
# byte for byte with a cold build of the same content.
rebuild_case() { # N DIR CASE: sets case_* for the line
  local n=$1 dir=$2 name=$3
  local inc="${gen[*]} build --no-search --content $dir/inc/content --output $dir/inc/out --themes $root/themes"
  eval "$(aside "$dir/inc")" && cp -a "$dir/base-$name" "$dir/inc" && sync
  /usr/bin/time -v -o "$dir/$name.time" $inc --verbose > "$dir/$name.log"
  eval "$(aside "$dir/cold-$name")"
  "${gen[@]}" build --clean --no-search --content "$dir/base-$name/content" --output "$dir/cold-$name" --themes "$root/themes" >/dev/null
  case_same=$(diff -rq --exclude=.paper-trail "$dir/inc/out" "$dir/cold-$name" >/dev/null && echo yes || echo no)
  case_written=$(written < "$dir/$name.log")
  case_rendered=$(sed -n 's/.*; \([0-9]*\) rendered.*/\1/p' "$dir/$name.log")
  [ -n "$case_rendered" ] || case_rendered=0
  case_rss=$(rss_mb "$dir/$name.time")
}

time_rebuilds() { # N DIR: sets $rebuilds, the line's rebuild figures; prints what the new day changed
  local n=$1 dir=$2
  echo "== N=$n: timing rebuilds ($pairs rounds: a cold build, then a new day, a backfill, nothing changed)" >&2
  mkdir -p "$dir/base-newday" "$dir/base-backfill" "$dir/base-noop"
  for name in newday backfill noop; do cp -a "$dir/content" "$dir/out" "$dir/base-$name/"; done
  "${gen[@]}" ingest "$dir/new-day.json" --content "$dir/base-newday/content" | tail -1 >&2
  "${gen[@]}" ingest "$dir/extra.json" --content "$dir/base-backfill/content" | tail -1 >&2
  local rounds=()
  for _ in $(seq "$pairs"); do
    local times=()
    eval "$(aside "$dir/pair-cold")"
    local t0; t0=$(date +%s%N)
    "${gen[@]}" build --clean --no-search --content "$dir/content" --output "$dir/pair-cold" --themes "$root/themes" >/dev/null
    times+=("$(( $(date +%s%N) - t0 ))")
    for name in newday backfill noop; do
      eval "$(aside "$dir/inc")" && cp -a "$dir/base-$name" "$dir/inc" && sync
      t0=$(date +%s%N)
      "${gen[@]}" build --no-search --content "$dir/inc/content" --output "$dir/inc/out" --themes "$root/themes" >/dev/null
      times+=("$(( $(date +%s%N) - t0 ))")
    done
    rounds+=("$(IFS=:; echo "${times[*]}")")
  done
  # Per case: the median of the rounds' ratios, the median time, and each round's rebuild/cold.
  local figures; figures=$("$py" -c '
import statistics, sys
rounds = [[int(x) / 1e9 for x in r.split(":")] for r in sys.argv[1:]]
for k, name in enumerate(["newday", "backfill", "noop"], start=1):
    ratio = statistics.median(r[k] / r[0] for r in rounds)
    print(f"{name}_of_cold_paired={ratio:.3f} {name}_median_s={statistics.median(r[k] for r in rounds):.2f} "
          f"{name}_pairs_s=" + ",".join(f"{r[k]:.2f}/{r[0]:.2f}" for r in rounds), end=" ")
' "${rounds[@]}")
  rebuilds="$figures"
  for name in newday backfill noop; do
    rebuild_case "$n" "$dir" "$name"
    rebuilds+="${name}_rendered=$case_rendered ${name}_written=$case_written ${name}_written_pct=$("$py" -c "print(f'{100*$case_written/$ours_files:.1f}')") ${name}_equals_cold=$case_same ${name}_rss_mb=$case_rss "
  done
  rebuilds="${rebuilds% }"
  echo "== N=$n: what a new day of $NEWDAY papers rendered and wrote, by kind, and why (build --verbose)" >&2
  sed -n 's/^  changed: /   /p' "$dir/newday.log" >&2
  cp "$dir/newday.log" "$work/newday-n$n.log"
}
# -------------------------------------------------------------------------------------------------------

summary=()
for n in "${sizes[@]}"; do
  # A size's moved-aside folders take tens of gigabytes at 50,000 papers (about 50 GB): the next
  # size starts once they are deleted and ext4 has settled (see above), outside every timed region.
  if [ ${#summary[@]} -gt 0 ] && [ -n "$(ls -A "$trash")" ]; then
    echo "== deleting the last size's moved-aside folders, then waiting ${SETTLE:-180} s" >&2
    rm -rf "${trash:?}"/*; sleep "${SETTLE:-180}"
  fi
  runs="${RUNS:-$([ "$n" -ge 50000 ] && echo 3 || echo 5)}"
  pairs="${PAIRS:-$([ "$n" -ge 50000 ] && echo 3 || echo 5)}"
  dir="$work/n$n"
  echo "== N=$n: preparing" >&2
  "$py" "$root/bench/prepare.py" "$n" "$dir" --shared "$shared" --new-day "$NEWDAY" --extra "$EXTRA"
  # Earlier runs' folders go aside too (see above): deleting them here would slow the timed runs.
  eval "$(aside "$dir/content" "$dir/hugo-site" "$dir/base-newday" "$dir/base-backfill" "$dir/base-noop")"
  mkdir -p "$dir/content"
  cp "$root/content/site.yml" "$root/content/topics.yml" "$dir/content/"
  model="$root/content/topics-model.txt"
  [ -f "$model" ] && cp "$model" "$dir/content/"
  "${gen[@]}" ingest "$dir/input" --content "$dir/content" | tail -1 >&2
  "$py" "$shared/bench/to_hugo.py" "$dir/corpus.jsonl" "$dir/hugo-site" >/dev/null

  echo "== N=$n: timing cold builds ($runs runs each)" >&2
  ours="${gen[*]} build --clean --no-search --content $dir/content --output $dir/out --themes $root/themes"
  hyperfine --style basic --warmup 1 --runs "$runs" --prepare "$(aside "$dir/out")" \
    --export-json "$dir/ours.json" --command-name "ours N=$n" "$ours" >&2
  (cd "$dir/hugo-site" && hyperfine --style basic --warmup 1 --runs "$runs" --prepare "$(aside public resources)" \
    --export-json "$dir/hugo.json" --command-name "hugo N=$n" "hugo --quiet --minify=false" >&2)

  # The same ratio from pairs (issue 25): our cold build, then at once Hugo's, RUNS times; median of the ratios.
  hugo_pairs=()
  for _ in $(seq "$runs"); do
    eval "$(aside "$dir/out")"
    t0=$(date +%s%N); $ours >/dev/null; t1=$(date +%s%N)
    (cd "$dir/hugo-site" && eval "$(aside public resources)")
    t2=$(date +%s%N); (cd "$dir/hugo-site" && hugo --quiet --minify=false >/dev/null); t3=$(date +%s%N)
    hugo_pairs+=("$(( t1 - t0 )):$(( t3 - t2 ))")
  done
  read -r ratio_paired hugo_pairs_text < <("$py" -c '
import statistics, sys
pairs = [tuple(int(x) / 1e9 for x in p.split(":")) for p in sys.argv[1:]]
print(f"{statistics.median(o / h for o, h in pairs):.2f}", ",".join(f"{o:.2f}/{h:.2f}" for o, h in pairs))' "${hugo_pairs[@]}")
  # The README's command (`dotnet run`, the Debug build, JIT), after a first run that compiles it.
  hyperfine --style basic --warmup 1 --runs "$runs" --prepare "$(aside "$dir/out-run")" --export-json "$dir/dotnet-run.json" \
    --command-name "dotnet run N=$n" "dotnet run --project $root/generator -- build --clean --no-search --content $dir/content --output $dir/out-run --themes $root/themes" >&2

  eval "$(aside "$dir/out")"
  /usr/bin/time -v -o "$dir/ours.time" $ours >/dev/null
  (cd "$dir/hugo-site" && eval "$(aside public resources)" && /usr/bin/time -v -o "$dir/hugo.time" hugo --quiet --minify=false >/dev/null)
  ours_files=$(find "$dir/out" -type f -not -path '*/.paper-trail/*' | wc -l)
  eval "$(aside "$dir/out-jit")"
  dotnet "$jit_bin/generator.dll" build --clean --no-search --content "$dir/content" --output "$dir/out-jit" --themes "$root/themes" >/dev/null
  same_as_jit=$(diff -rq --exclude=.paper-trail "$dir/out" "$dir/out-jit" >/dev/null && echo yes || echo no)
  hugo_files=$(find "$dir/hugo-site/public" -type f | wc -l)

  time_rebuilds "$n" "$dir"

  # The nightly's whole cost (issue 25), on its own new day unless NEWDAY_JSON names one.
  echo "== N=$n: timing the nightly's whole cost ($runs pairs)" >&2
  night=$(nightly_cost "$dir" "${NEWDAY_JSON:-$dir/new-day.json}")
  download=$(search_download "$dir")

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
  read -r run_min run_med < <(ms "$dir/dotnet-run.json")
  ratio=$("$py" -c "print(f'{$ours_min/$hugo_min:.2f}')")
  per_paper=$("$py" -c "print(f'{$ours_min*1000/$n:.3f}')")
  line="bench n=$n ours_min_s=$ours_min ours_median_s=$ours_med hugo_min_s=$hugo_min hugo_median_s=$hugo_med ratio_min=$ratio"
  line+=" ours_rss_mb=$(rss_mb "$dir/ours.time") hugo_rss_mb=$(rss_mb "$dir/hugo.time") ours_files=$ours_files hugo_files=$hugo_files"
  line+=" ours_ms_per_paper=$per_paper search_index_s=${search:-skipped}"
  line+=" $rebuilds pairs=$pairs generator=${flavour// /_} same_as_jit=$same_as_jit cores=$(nproc)"
  line+=" ratio_paired=$ratio_paired hugo_pairs_s=$hugo_pairs_text dotnet_run_min_s=$run_min dotnet_run_median_s=$run_med"
  line+=" $night $download"
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
printf '%-7s %14s %9s %9s %9s %16s %13s %13s %s\n' N newday_of_cold newday_s rendered written backfill_of_cold noop_of_cold noop_written same_as_cold
for line in "${summary[@]}"; do
  eval "$(echo "$line" | cut -d' ' -f2- | tr ' ' '\n' | sed 's/^/local_/' | sed 's/=\(.*\)/="\1"/')"
  printf '%-7s %14s %9s %9s %9s %16s %13s %13s %s\n' "$local_n" "$local_newday_of_cold_paired" "$local_newday_median_s" "$local_newday_rendered" \
    "$local_newday_written ($local_newday_written_pct%)" "$local_backfill_of_cold_paired" "$local_noop_of_cold_paired" "$local_noop_written" \
    "$local_newday_equals_cold/$local_backfill_equals_cold/$local_noop_equals_cold"
done
echo
# Issue 25: the generator the nightly runs against Hugo in back-to-back pairs, the README's `dotnet run`, and a night's whole cost.
printf '%-7s %-11s %5s %12s %12s %10s %10s %10s %12s %13s %14s\n' N generator cores ratio_paired dotnet_run_s cold_s build_s search_s search/cold upload_files download_kb
for line in "${summary[@]}"; do
  eval "$(echo "$line" | cut -d' ' -f2- | tr ' ' '\n' | sed 's/^/local_/' | sed 's/=\(.*\)/="\1"/')"
  printf '%-7s %-11s %5s %12s %12s %10s %10s %10s %12s %13s %14s\n' "$local_n" "$local_generator" "$local_cores" "$local_ratio_paired" \
    "$local_dotnet_run_median_s" "$local_night_cold_median_s" "$local_night_build_median_s" "$local_night_search_median_s" \
    "$local_night_search_of_cold_paired" "$local_night_upload_files" "${local_search_download_kb:-skipped}"
done
echo
printf '%s\n' "${summary[@]}"
if [ ${#summary[@]} -ge 2 ]; then
  first="${summary[0]}"; last="${summary[-1]}"
  a=$(echo "$first" | sed 's/.*ours_ms_per_paper=\([0-9.]*\).*/\1/'); b=$(echo "$last" | sed 's/.*ours_ms_per_paper=\([0-9.]*\).*/\1/')
  echo "bench growth_per_paper=$("$py" -c "print(f'{$b/$a:.2f}')") (ms per paper at the largest N over the smallest)"
fi
