#!/usr/bin/env bash
# serve's memory over many rebuilds (issue 26: no process-wide caches). Runs `generator serve` on an
# archive of PAPERS papers, edits one paper per rebuild (a different one each time, its abstract),
# waits for each rebuild, and reads serve's resident memory (VmRSS) after rebuild 50 and after the
# last. Nothing a build makes may outlive it, so the two must be within 10%.
#
#   flock /tmp/paper-trail-bench.lock bench/serve-memory.sh
#
# The papers: bench/prepare.py's (the real trending corpus, then synthetic ones) when BENCH_SHARED or
# ../shared beside the checkout has the corpus; else the 361 captured papers of tests/fixtures/corpus,
# each also as two variants a year and two years earlier (another id, "(variant k)" in the title).
# Env: PAPERS (default 1000), REBUILDS (default 500), BENCH_WORK (default bench/work/serve-memory).
# Prints one line every 50 rebuilds and then a `bench serve-memory …` line with key=value figures.
# Needs /usr/bin/python3. It is never part of `dotnet test`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${BENCH_SHARED:-$(cd "$root/.." && pwd)/shared}"
work="${BENCH_WORK:-$root/bench/work/serve-memory}"
papers="${PAPERS:-1000}"
rebuilds="${REBUILDS:-500}"
py=/usr/bin/python3
[ "$rebuilds" -ge 50 ] || { echo "bench: REBUILDS must be at least 50" >&2; exit 2; }
rm -rf "$work"
mkdir -p "$work/content"

# The generator as `dotnet run` runs it for a preview: a plain (JIT) build, Release.
dotnet publish "$root/generator" -c Release -o "$work/bin" -nologo -v quiet >/dev/null
gen=(dotnet "$work/bin/generator.dll")

if [ -d "$shared/corpus/hf-daily" ]; then
  "$py" "$root/bench/prepare.py" "$papers" "$work" --shared "$shared" >&2
  input="$work/input" # answers of up to 10,000 papers each, a folder ingest reads whole
else
  input="$work/input.json"
  "$py" - "$root/tests/fixtures/corpus/hf-daily" "$papers" "$input" <<'PY'
import datetime, glob, json, os, sys
corpus, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
items = [i for p in sorted(glob.glob(os.path.join(corpus, "*.json"))) for i in json.load(open(p, encoding="utf-8"))]
def shifted(stamp, years):
    day = datetime.date.fromisoformat(stamp[:10]) - datetime.timedelta(days=365 * years)
    return day.isoformat() + stamp[10:]
chosen, ids = [], set()
for k in range(3):
    for item in items:
        paper = dict(item["paper"])
        pid = f"{int(paper['id'][:2]) - k:02d}{paper['id'][2:]}"
        if pid in ids or len(ids) == count:
            continue
        ids.add(pid)
        suffix = f" (variant {k})" if k else ""
        paper.update(id=pid, title=paper["title"] + suffix)
        for key in ("publishedAt", "submittedOnDailyAt"):
            if paper.get(key): paper[key] = shifted(paper[key], k)
        chosen.append({**item, "title": (item.get("title") or item["paper"]["title"]) + suffix,
                       "publishedAt": shifted(item["publishedAt"], k), "paper": paper})
json.dump(chosen, open(out, "w", encoding="utf-8"))
print(f"{len(ids)} papers from {corpus}", file=sys.stderr)
PY
fi
cp "$root/content/site.yml" "$root/content/topics.yml" "$work/content/"
"${gen[@]}" ingest "$input" --content "$work/content" | tail -1 >&2
mapfile -t files < <(cd "$work/content" && find papers -name '*.md' | sort)
echo "archive: ${#files[@]} paper files" >&2

port=$("$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log="$work/serve.log"
"${gen[@]}" serve --content "$work/content" --output "$work/preview" --port "$port" --no-search >"$log" 2>&1 &
serve=$!
trap 'kill "$serve" 2>/dev/null || true; wait "$serve" 2>/dev/null || true' EXIT

builds() { grep -c '^built in\|preview shows' "$log" || true; }
wait_for_build() { # more builds than $1 in the log, or give up after 120 s
  for _ in $(seq 1 1200); do [ "$(builds)" -gt "$1" ] && return 0; kill -0 "$serve" 2>/dev/null || break; sleep 0.1; done
  echo "bench: no rebuild came (see $log)" >&2; tail -5 "$log" >&2; exit 1
}
rss_mb() { awk '/^VmRSS:/ {printf "%.0f", $2/1024}' "/proc/$serve/status"; }
wait_for_build 0
grep -q '^built in' "$log" || { echo "bench: the first build failed (see $log)" >&2; exit 1; }

start=$(date +%s)
rss50=""
for i in $(seq 1 "$rebuilds"); do
  file="$work/content/${files[$(( (i - 1) % ${#files[@]} ))]}"
  before=$(builds)
  # One paper's abstract edited: a line saying which rebuild this is, replaced or added.
  "$py" - "$file" "$i" <<'PY'
import sys
path, n = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read().rstrip("\n").split("\n")
if text[-1].startswith("Edited for rebuild "): text[-1] = f"Edited for rebuild {n}."
else: text += ["", f"Edited for rebuild {n}."]
open(path, "w", encoding="utf-8").write("\n".join(text) + "\n")
PY
  wait_for_build "$before"
  if grep -q 'preview shows' "$log"; then echo "bench: rebuild $i failed (see $log)" >&2; exit 1; fi
  [ "$i" -eq 50 ] && rss50=$(rss_mb)
  [ $((i % 50)) -eq 0 ] && echo "rebuild $i: rss $(rss_mb) MB, $(( $(date +%s) - start )) s" >&2
done
rss_last=$(rss_mb)
growth=$("$py" -c "print(f'{($rss_last - $rss50) / $rss50 * 100:+.1f}')")
within=$("$py" -c "print('yes' if abs($rss_last - $rss50) <= 0.1 * $rss50 else 'no')")
echo "bench serve-memory papers=${#files[@]} rebuilds=$rebuilds rss_at_50_mb=$rss50 rss_at_${rebuilds}_mb=$rss_last growth_pct=$growth within_10pct=$within seconds=$(( $(date +%s) - start ))"
