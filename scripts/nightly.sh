#!/usr/bin/env bash
# The nightly job, step by step: ingest today's trending papers, check the archive, commit the
# change (rebasing and retrying if the branch moved), build the site. Deploying it is the next step,
# scripts/deploy.sh, apart: it alone holds the deploy token, which nothing here (npm, the generator,
# KaTeX) ever sees. .github/workflows/nightly.yml runs both online; CI runs this one offline as a rehearsal.
#
#   scripts/nightly.sh                       online: fetch from Hugging Face, push, build; then
#                                            scripts/deploy.sh deploys output/
#   scripts/nightly.sh --offline FIXTURE     rehearsal: the same steps in a temporary copy of the
#                                            repository, FIXTURE served on 127.0.0.1 instead of the
#                                            web, pushing to a temporary remote, deploy only printed.
#                                            FIXTURE is Hugging Face's trending page (.html), its daily
#                                            answer (.json), or an arXiv API answer (.xml, .atom), which
#                                            answers every page of the arXiv searches site.yml lists
#
# Environment: GENERATOR (a built generator.dll, or a generator program, to use as it is), NIGHTLY_DATE (the day, default today UTC),
# NIGHTLY_WORKDIR (rehearsal: work in this empty folder and keep it, to inspect afterwards),
# NIGHTLY_REHEARSAL_SETUP (rehearsal only: a bash script run in the throw-away copy before the job,
# whose changes are committed there, as if the repository held them: a hand-edited paper, say).
# Any failing step stops the job: nothing after it (commit, build, deploy) happens. A paper that
# breaks a rule is not a failing step: the build leaves it out and publishes the rest, and the
# closing summary names it (under GitHub Actions, also as a warning annotation on the run).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
mode=online
fixture=""
if [ "${1:-}" = "--offline" ]; then
  mode=offline
  fixture="$(cd "$(dirname "${2:?usage: nightly.sh --offline FIXTURE}")" && pwd)/$(basename "$2")"
fi
day="${NIGHTLY_DATE:-$(date -u +%F)}"
if [ -n "${NIGHTLY_REHEARSAL_SETUP:-}" ] && [ "$mode" != offline ]; then
  echo "NIGHTLY_REHEARSAL_SETUP is for rehearsals only (--offline): it would change the real repository" >&2
  exit 2
fi
# The deploy's secrets are scripts/deploy.sh's alone: should the caller's environment hold them (a run
# by hand), no step here and nothing it starts (npm's install scripts, KaTeX, the generator) gets them.
unset NETLIFY_AUTH_TOKEN NETLIFY_SITE_ID

step() { if [ -n "${GITHUB_ACTIONS:-}" ]; then echo "::group::$*"; else echo "== $*"; fi; }
endstep() { if [ -n "${GITHUB_ACTIONS:-}" ]; then echo "::endgroup::"; fi; }

# The generator: the one given, used as it is (the rehearsal gives a built generator.dll); else the
# fastest this machine can make, in .generator/ (scripts/publish-generator.sh: native AOT, else
# ReadyToRun, else JIT; its line says which), compiled again only when its sources changed. The bench
# (bench/run.sh) times the program that same script makes.
if [ -z "${GENERATOR:-}" ]; then
  step "publish the generator"
  "$repo/scripts/publish-generator.sh" "$repo/.generator"
  GENERATOR="$repo/.generator/generator"
  endstep
fi
case "$GENERATOR" in
  *.dll) gen() { dotnet "$GENERATOR" "$@"; } ;;
  *) gen() { "$GENERATOR" "$@"; } ;;
esac

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
  if [ -n "${NIGHTLY_REHEARSAL_SETUP:-}" ]; then
    # What the rehearsal starts from, committed in the copy (and its remote) as if the repository held it.
    bash "$NIGHTLY_REHEARSAL_SETUP"
    git add -A
    git commit -q -m "rehearsal setup: $(basename "$NIGHTLY_REHEARSAL_SETUP")"
    git push -q origin HEAD
  fi

  # Serve the fixture where the real job fetches from, on loopback only; stopped on exit.
  site="$work/web"
  case "$fixture" in
    *.json)       source_name=hf-daily; mkdir -p "$site/api"; cp "$fixture" "$site/api/daily_papers" ;;
    *.xml|*.atom) source_name=arxiv; mkdir -p "$site/api"; cp "$fixture" "$site/api/query" ;; # every page of every search
    *)            source_name=hf-trending; mkdir -p "$site/papers"; cp "$fixture" "$site/papers/trending" ;;
  esac
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
  python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site" >"$work/http.log" 2>&1 &
  server=$!
  cleanup=("kill $server 2>/dev/null; wait $server 2>/dev/null || true" "${cleanup[@]}")
  for _ in $(seq 50); do python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null && break; sleep 0.1; done
  if [ "$source_name" = arxiv ]; then
    # arXiv searches live in site.yml (NIGHTLY_REHEARSAL_SETUP writes them): the sources it lists, all on loopback.
    fetch=(--scheduled --arxiv-base "http://127.0.0.1:$port/" --hf-base "http://127.0.0.1:$port/" --retries 1 --retry-delay 0.1)
  else
    fetch=(--from "$source_name" --hf-base "http://127.0.0.1:$port/" --retries 1 --retry-delay 0.1)
  fi
else
  cd "$repo"
  fetch=(--scheduled) # the sources content/site.yml lists (default: hf-trending)
fi

step "ingest ($mode)"
log="$(mktemp)"
build_log="$(mktemp)"
cleanup+=("rm -f '$log' '$build_log'")
gen ingest "${fetch[@]}" --date "$day" 2>&1 | tee "$log"
counts="$(grep '^ingest: ' "$log" | tail -1 | sed 's/^ingest: //')"
dropped="$(grep '^ingest: dropped link ' "$log" || true)" # scraped links into this site: the papers went in without them
endstep

step "check the archive"
# A paper that breaks a rule (exit 1) does not stop the night: the build leaves it out and publishes
# the rest, and the summary names it. Anything else check fails with stops the job.
if gen check; then :; else
  status=$?
  [ "$status" -eq 1 ] || exit "$status"
  echo "check: the papers named above break a rule; the build leaves them out, and the summary names them"
fi
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
gen build 2>&1 | tee "$build_log"
endstep

step "ready to deploy"
"$repo/scripts/deploy.sh" --dry-run
if [ "$mode" = online ]; then
  echo "the workflow's next step deploys it: scripts/deploy.sh for Netlify, the only step with the deploy token; the deploy job for GitHub Pages"
  # The deploy's note in Netlify's log, for that step (GitHub's step outputs; one line).
  if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "deploy-message=nightly $day: $counts" >>"$GITHUB_OUTPUT"; fi
fi
endstep
echo "nightly $mode run for $day done: $counts"

# GitHub's workflow commands: data escapes %, CR and LF; a property value also ':' and ','.
escape_data() { local s="$1"; s="${s//%/%25}"; s="${s//$'\r'/%0D}"; s="${s//$'\n'/%0A}"; printf '%s' "$s"; }
escape_property() { local s; s="$(escape_data "$1")"; s="${s//:/%3A}"; s="${s//,/%2C}"; printf '%s' "$s"; }

# One annotation per warning ("warning: FILE:LINE: message"), on the file and line it names, the path
# relative to the repository's root as GitHub wants it.
annotate() {
  local line file
  while IFS= read -r line; do
    line="${line#warning: }"
    if [[ "$line" =~ ^([^:]+):([0-9]+):\ (.*)$ ]]; then
      file="${BASH_REMATCH[1]}"; file="${file#"$PWD"/}"
      echo "::warning file=$(escape_property "$file"),line=${BASH_REMATCH[2]}::$(escape_data "${BASH_REMATCH[3]}")"
    else
      echo "::warning::$(escape_data "$line")"
    fi
  done
}

# Scraped links into this site that ingest dropped (the papers went in without them).
if [ -n "$dropped" ]; then
  echo "$dropped"
  if [ -n "${GITHUB_ACTIONS:-}" ]; then
    while IFS= read -r line; do echo "::warning title=Link dropped at ingest::$(escape_data "$line")"; done <<<"$dropped"
  fi
fi

# What the build and ingest warned about, each paper left out of the site above all: named last, where
# a person reading the run looks, and under GitHub Actions as annotations on the run's page. A file and
# line both name (a paper ingest could not read, which the build then left out) is said once, the build's way.
warnings="$(grep -h '^warning: ' "$build_log" "$log" | awk '{ key = $2; if ($2 !~ /:[0-9]+:$/) key = $0; if (!seen[key]++) print }' || true)"
if [ -n "$warnings" ]; then
  left_out="$(printf '%s\n' "$warnings" | grep -c 'this paper is left out of the site' || true)"
  echo "warnings ($left_out of them a paper left out of the site): fix what they name in content/; generator check lists every problem"
  printf '%s\n' "$warnings" | sed 's/^/  /'
  if [ -n "${GITHUB_ACTIONS:-}" ]; then printf '%s\n' "$warnings" | annotate; fi
fi
