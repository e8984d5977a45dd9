#!/usr/bin/env bash
# Makes a fork as a user would have it, for the README's test command (dotnet test) to run in: a
# fresh clone of this repository in DIR, with no ../shared beside it, in one of two states:
#   day100  the archive after a nightly: a captured day's papers ingested with a date after the
#           archive's newest day (the seed trending again, plus a day of new papers), committed;
#   own     content/ replaced by `generator init`, a two-topic topics.yml, a changed site.yml and a
#           theme of the fork's own.
# Usage: scripts/fork-rehearsal.sh day100|own DIR    (DIR must not exist; .ci/run uses it)
# Nothing in this repository changes.
set -euo pipefail
scenario="${1:?usage: fork-rehearsal.sh day100|own DIR}"
fork="${2:?usage: fork-rehearsal.sh day100|own DIR}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
[ ! -e "$fork" ] || { echo "$fork already exists" >&2; exit 2; }
git clone -q "$repo" "$fork"
cd "$fork"
git config user.name "fork rehearsal"
git config user.email "fork@example.org"
gen() { dotnet run --project generator -v quiet -- "$@"; }

case "$scenario" in
  day100)
    newest=$(grep -rh '^trending:' content/papers | grep -oE '[0-9]{4}-[0-9]{2}-[0-9]{2}' | sort | tail -1)
    if [ -n "$newest" ]; then next=$(date -u -d "$newest + 1 day" +%F); else next=$(date -u +%F); fi
    echo "fork rehearsal: the archive's newest day is $newest; ingesting a captured day as $next"
    gen ingest tests/fixtures/seed/trending-scrape.txt --date "$next"
    gen ingest tests/fixtures/hf-html/daily-list_2024-08-01_raw.html
    git add content && git commit -qm "nightly $next (rehearsal)"
    ;;
  own)
    rm -rf content
    gen init .
    cat > content/topics.yml <<'YML'
fallback: other
topics:
  - slug: robots
    name: Robots
    description: Robot learning and control.
    phrases: { robot: 3, manipulation: 2, locomotion: 2 }
    threshold: 3
  - slug: other
    name: Other
    description: Everything else.
YML
    sed -i -e 's/^title: .*/title: Our Robot Reading Group/' -e 's/^theme: .*/theme: ours/' content/site.yml
    cp -r themes/minimal themes/ours
    printf '\nbody { font-family: serif; }\n' >> themes/ours/assets/style.css
    gen check
    git add content themes && git commit -qm "our own archive (rehearsal)"
    ;;
  *) echo "unknown scenario '$scenario'" >&2; exit 2 ;;
esac
echo "fork rehearsal ($scenario) ready in $fork"
