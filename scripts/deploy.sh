#!/usr/bin/env bash
# The nightly's last step: upload the built site (output/) to Netlify. It is the only step that holds
# the deploy token, and it runs nothing but the Netlify CLI: the ingest, the build, npm and KaTeX run
# before it, in scripts/nightly.sh, without the token.
#
#   scripts/deploy.sh              upload output/ to the site's production address
#   scripts/deploy.sh --dry-run    only say what would be uploaded (the offline rehearsal does this)
#
# Run it from the repository's root, after `generator build` and after `npm ci --prefix deploy`, which
# installs the Netlify CLI that deploy/package-lock.json pins (nothing is downloaded here).
# Environment: NETLIFY_AUTH_TOKEN and NETLIFY_SITE_ID, which the Netlify CLI reads from the environment
# itself: neither is ever put on a command line, where other processes and logs could see it.
# DEPLOY_MESSAGE: the deploy's note in Netlify's log (the nightly's "nightly DAY: COUNTS").
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
cli="$repo/deploy/node_modules/.bin/netlify"
site=output
# The build's manifests and caches: they stay with the job and are never uploaded.
bookkeeping="$site/.paper-trail"

if [ ! -d "$site" ]; then
  echo "no $site/ to deploy here: run it from the repository's root, after generator build" >&2
  exit 1
fi
files=$(find "$site" -type f -not -path "$bookkeeping/*" | wc -l | tr -d ' ')

if [ "${1:-}" = "--dry-run" ]; then
  # Said of the host site.yml names: on GitHub Pages the workflow's deploy job publishes it, not this script.
  host=netlify
  if [ -f content/site.yml ]; then host="$(bash "$repo/scripts/site-host.sh" content/site.yml)"; host="${host#name=}"; fi
  case "$host" in
    netlify)      echo "would deploy $site/ ($files files) to Netlify" ;;
    github-pages) echo "would deploy $site/ ($files files) to GitHub Pages (the nightly workflow's deploy job publishes it)" ;;
    *)            echo "would deploy $site/ ($files files) to $host, which the nightly workflow does not deploy to (docs/deploying.md)" ;;
  esac
  exit 0
fi
if [ $# -gt 0 ]; then
  echo "usage: scripts/deploy.sh [--dry-run]" >&2
  exit 2
fi

: "${NETLIFY_AUTH_TOKEN:?set the NETLIFY_AUTH_TOKEN secret}" "${NETLIFY_SITE_ID:?set the NETLIFY_SITE_ID secret}"
if [ ! -x "$cli" ]; then
  echo "the Netlify CLI is not installed: run npm ci --prefix deploy first (it installs what deploy/package-lock.json pins)" >&2
  exit 1
fi

# Moved beside output/ for the upload, and back whatever the upload's outcome.
keep=".paper-trail-kept"
rm -rf "$keep"
if [ -d "$bookkeeping" ]; then
  mv "$bookkeeping" "$keep"
  trap 'mv "$keep" "$bookkeeping"' EXIT
fi
echo "deploying $site/ ($files files) to Netlify"
"$cli" deploy --prod --dir "$site" --no-build --message "${DEPLOY_MESSAGE:-deploy of $site/}"
