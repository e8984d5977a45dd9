#!/usr/bin/env bash
# Prints "name=<host>" for the nightly workflow's outputs: where the site is published, from `host:`
# in content/site.yml (netlify when it names none), the one place a fork chooses its host. The
# workflow runs the Netlify deploy or the GitHub Pages upload by it (docs/deploying.md).
#
#   scripts/site-host.sh [content/site.yml]
#
# A plain top-level `host: NAME` line, as `generator init` and docs/content.md write it; the
# generator itself refuses a host it does not know when it builds, and so does this.
set -euo pipefail

file="${1:-content/site.yml}"
if [ ! -f "$file" ]; then
  echo "no $file here: run it from the repository's root" >&2
  exit 1
fi
host=$(sed -n -E "s/^host:[[:space:]]*[\"']?([A-Za-z0-9_-]*)[\"']?[[:space:]]*(#.*)?\$/\1/p" "$file" | head -n 1)
case "${host:-netlify}" in
  netlify|github-pages|cloudflare) echo "name=${host:-netlify}" ;;
  *)
    echo "$file: host '$host' is none of netlify, github-pages, cloudflare" >&2
    exit 1
    ;;
esac
