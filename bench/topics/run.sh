#!/usr/bin/env bash
# Measures the topic classifier of content/topics.yml against both labelled sets and the corpus:
# micro precision/recall/F1 with a per-topic table, and the share of papers left to the fallback.
# Usage: bench/topics/run.sh [--details]   (from the repository root or anywhere)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="$(cd "$root/.." && pwd)/shared"
cd "$root"
dotnet build generator -c Release -v quiet -nologo >/dev/null
gen() { dotnet generator/bin/Release/net10.0/generator.dll "$@"; }
echo "== seed: the 119 papers of shared/seed, labels in shared/labels/topics-dev.jsonl"
gen topics --evaluate "$shared/labels/topics-dev.jsonl" --papers "$shared/seed/trending-scrape.txt" --name seed "$@"
echo
echo "== llm: 61 papers of shared/corpus/hf-daily, labels in bench/topics/labels-llm.jsonl (rules 14-24)"
gen topics --evaluate bench/topics/labels-llm.jsonl --papers "$shared/corpus/hf-daily" --name llm "$@"
echo
echo "== corpus: topics of all 5,951 corpus papers"
gen topics --report --papers "$shared/corpus/hf-daily"
