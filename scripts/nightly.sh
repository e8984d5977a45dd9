#!/usr/bin/env bash
# The nightly job, step by step: ingest today's trending papers, check the archive, commit the
# change (rebasing and retrying if the branch moved), build the site, deploy it to Netlify.
# .github/workflows/nightly.yml runs it online; CI runs it offline as a rehearsal.
#
#   scripts/nightly.sh                       online: fetch from Hugging Face, push, deploy
#   scripts/nightly.sh --offline FIXTURE     rehearsal: the same steps in a temporary copy of the
#                                            repository, FIXTURE served on 127.0.0.1 instead of the
#                                            web, pushing to a temporary remote, deploy only printed
#
# Environment: GENERATOR (a built generator.dll to reuse), NIGHTLY_DATE (the day, default today UTC),
# NETLIFY_AUTH_TOKEN and NETLIFY_SITE_ID (online deploy), NIGHTLY_NO_DEPLOY=1 (skip the deploy),
# NIGHTLY_WORKDIR (rehearsal: work in this empty folder and keep it, to inspect afterwards).
# Any failing step stops the job: nothing after it (commit, build, deploy) happens.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
mode=online
fixture=""
if [ "${1:-}" = "--offline" ]; then
  mode=offline
  fixture="$(cd "$(dirname "${2:?usage: nightly.sh --offline FIXTURE}")" && pwd)/$(basename "$2")"
fi
day="${NIGHTLY_DATE:-$(date -u +%F)}"
NETLIFY_CLI="netlify-cli@27.10.2"

step() { if [ -n "${GITHUB_ACTIONS:-}" ]; then echo "::group::$*"; else echo "== $*"; fi; }
endstep() { if [ -n "${GITHUB_ACTIONS:-}" ]; then echo "::endgroup::"; fi; }

# The generator: reuse a built one when given (the rehearsal does), else build it once.
if [ -z "${GENERATOR:-}" ]; then
  step "build the generator"
  dotnet build "$repo/generator" -c Release -nologo -v quiet
  GENERATOR="$repo/generator/bin/Release/net10.0/generator.dll"
  endstep
fi
gen() { dotnet "$GENERATOR" "$@"; }

cleanup=()
trap 'for c in "${cleanup[@]}"; do eval "$c"; done' EXIT

if [ "$mode" = offline ]; then
  # A throw-away copy: a bare "origin" and a clone of it, so commit and push run for real.
  if [ -n "${NIGHTLY_WORKDIR:-}" ]; then
    work="$NIGHTLY_WORKDIR"; mkdir -p "$work"
  else
    work="$(mktemp -d)"
    cleanup+=("rm -rf '$work'")
  fi
  git clone -q --bare "$repo" "$work/origin.git"
  git clone -q "$work/origin.git" "$work/repo"
  cd "$work/repo"
  git config user.name "Paper Trail rehearsal"
  git config user.email "rehearsal@localhost"

  # Serve the fixture where the real job fetches from, on loopback only; stopped on exit.
  site="$work/web"
  case "$fixture" in
    *.json) source_name=hf-daily; mkdir -p "$site/api"; cp "$fixture" "$site/api/daily_papers" ;;
    *)      source_name=hf-trending; mkdir -p "$site/papers"; cp "$fixture" "$site/papers/trending" ;;
  esac
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
  python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site" >"$work/http.log" 2>&1 &
  server=$!
  cleanup=("kill $server 2>/dev/null; wait $server 2>/dev/null || true" "${cleanup[@]}")
  for _ in $(seq 50); do python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null && break; sleep 0.1; done
  fetch=(--from "$source_name" --hf-base "http://127.0.0.1:$port/" --retries 1 --retry-delay 0.1)
else
  cd "$repo"
  fetch=(--scheduled) # the sources content/site.yml lists (default: hf-trending)
fi

step "ingest ($mode)"
log="$(mktemp)"
cleanup+=("rm -f '$log'")
gen ingest "${fetch[@]}" --date "$day" | tee "$log"
counts="$(grep '^ingest: ' "$log" | tail -1 | sed 's/^ingest: //')"
dropped="$(grep '^ingest: dropped link ' "$log" || true)" # scraped links into this site: the papers went in without them
endstep

step "check the archive"
gen check
endstep

step "commit"
if [ -n "$(git status --porcelain -- content)" ]; then
  git add -- content
  git commit -q -m "nightly $day: $counts"
  pushed=no
  for attempt in 1 2 3; do
    if git push -q origin HEAD; then pushed=yes; break; fi
    echo "push failed (attempt $attempt): the branch moved; rebasing"
    git pull -q --rebase origin "$(git rev-parse --abbrev-ref HEAD)"
    sleep $((attempt * 2))
  done
  [ "$pushed" = yes ] || { echo "could not push after 3 attempts" >&2; exit 1; }
  echo "committed: nightly $day: $counts"
else
  echo "no change to commit ($counts)"
fi
endstep

step "build the site"
gen build
endstep

step "deploy"
files=$(find output -type f -not -path 'output/.paper-trail/*' | wc -l)
if [ "$mode" = offline ] || [ "${NIGHTLY_NO_DEPLOY:-}" = 1 ]; then
  echo "would deploy output/ ($files files) to Netlify"
else
  : "${NETLIFY_AUTH_TOKEN:?set the NETLIFY_AUTH_TOKEN secret}" "${NETLIFY_SITE_ID:?set the NETLIFY_SITE_ID secret}"
  # The build's manifests and cache (output/.paper-trail) stay with the job, never uploaded: moved
  # beside output/ for the deploy, and back whatever the deploy's outcome.
  keep=".paper-trail-kept"
  rm -rf "$keep" && mv output/.paper-trail "$keep"
  cleanup+=('mv "$keep" output/.paper-trail')
  npx --yes "$NETLIFY_CLI" deploy --prod --dir output --no-build \
    --auth "$NETLIFY_AUTH_TOKEN" --site "$NETLIFY_SITE_ID" --message "nightly $day: $counts"
fi
endstep
echo "nightly $mode run for $day done: $counts"
if [ -n "$dropped" ]; then
  echo "$dropped"
  if [ -n "${GITHUB_ACTIONS:-}" ]; then while IFS= read -r line; do echo "::warning title=Link dropped at ingest::${line//%/%25}"; done <<<"$dropped"; fi
fi
