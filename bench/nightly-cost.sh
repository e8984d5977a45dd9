# The nightly's whole cost (issue 25), sourced by bench/run.sh: what a night that brings a new newest
# day costs, with search on, from the state the previous night left (its output/, index and caches):
# the build, the search step, and what a deploy would upload (the files whose bytes differ from the
# previous night's output: Netlify uploads only those). Also the download of one search in a browser.
#
# Functions, called from run.sh's loop with its variables (gen, root, py, runs, aside, ms):
#   nightly_cost DIR NEWDAY.json   (the bench's new newest day, prepare.py --new-day) times RUNS back-to-back pairs of a cold build (`build --clean
#                                  --no-search`) and a nightly build with search of the new day;
#                                  prints `key=value …` for the bench line

# What a deploy of AFTER would upload over BEFORE: files new or with other bytes (.paper-trail/ is never deployed).
upload_of() {
  "$py" - "$1" "$2" <<'EOF'
import filecmp, os, sys
before, after = sys.argv[1:]
files = size = 0
for folder, dirs, names in os.walk(after):
    dirs[:] = [d for d in dirs if d != ".paper-trail"]
    for name in names:
        new = os.path.join(folder, name)
        old = os.path.join(before, os.path.relpath(new, after))
        if not os.path.isfile(old) or not filecmp.cmp(old, new, shallow=False):
            files += 1
            size += os.path.getsize(new)
print(files, size)
EOF
}

nightly_cost() {
  local dir=$1 newday=$2 night="$1/night" t0 t1 t2 t3 log
  # The previous night: the archive built with search, as the nightly's cached output/ holds it.
  eval "$(aside "$night")"
  mkdir -p "$night/base"
  cp -a "$dir/content" "$night/base/content"
  "${gen[@]}" build --content "$night/base/content" --output "$night/base/out" --themes "$root/themes" >/dev/null
  # Tonight's papers, ingested once into a copy of the content (ingest is not what is timed here).
  cp -a "$night/base/content" "$night/content"
  "${gen[@]}" ingest "$newday" --content "$night/content" | tail -1 >&2
  local pairs=() search_s build_s
  for _ in $(seq "$runs"); do
    eval "$(aside "$night/cold")"
    t0=$(date +%s%N); "${gen[@]}" build --clean --no-search --content "$dir/content" --output "$night/cold" --themes "$root/themes" >/dev/null; t1=$(date +%s%N)
    eval "$(aside "$night/inc")" && mkdir -p "$night/inc" && cp -a "$night/base/out" "$night/inc/out" && sync
    log=$(t2=$(date +%s%N); "${gen[@]}" build --content "$night/content" --output "$night/inc/out" --themes "$root/themes"; t3=$(date +%s%N); echo "elapsed $(( t3 - t2 ))")
    search_s=$(echo "$log" | sed -n 's/^search: indexed in \([0-9.]*\) s.*/\1/p')
    pairs+=("$(( t1 - t0 )):$(echo "$log" | sed -n 's/^elapsed //p'):${search_s:-nan}")
  done
  read -r upload_files upload_bytes < <(upload_of "$night/base/out" "$night/inc/out")
  "$py" - "$upload_files" "$upload_bytes" "${pairs[@]}" <<'EOF'
import statistics, sys
files, size = int(sys.argv[1]), int(sys.argv[2])
pairs = [(int(c) / 1e9, int(n) / 1e9, float(s)) for c, n, s in (p.split(":") for p in sys.argv[3:])]
median = lambda xs: statistics.median(xs)
print(f"night_cold_median_s={median(c for c, _, _ in pairs):.2f} night_build_median_s={median(n - s for _, n, s in pairs):.2f}"
      f" night_search_median_s={median(s for _, _, s in pairs):.2f} night_total_median_s={median(n for _, n, _ in pairs):.2f}"
      f" night_search_of_cold_paired={median(s / c for c, _, s in pairs):.2f} night_total_of_cold_paired={median(n / c for c, n, _ in pairs):.2f}"
      f" night_pairs_s={','.join(f'{c:.2f}/{n - s:.2f}+{s:.2f}' for c, n, s in pairs)}"
      f" night_upload_files={files} night_upload_mb={size / 1e6:.1f}")
EOF
}

# What one search downloads in a browser, on the site the last night made (bench/search-download.mjs).
search_download() {
  local site="$1/night/inc/out"
  if ! command -v node >/dev/null || [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then echo "search_download=skipped"; return; fi
  node "$root/bench/search-download.mjs" "$site" diffusion "language model" "reinforcement learning" graph | tail -1 | "$py" -c '
import json, sys
runs = json.loads(sys.stdin.read())
print("search_download_kb=" + ",".join(str(round(r["bytes"] / 1024)) for r in runs))'
}
