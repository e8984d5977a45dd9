#!/usr/bin/env bash
# Measures the topic classifier of content/topics.yml (default: the generator's own taxonomy when
# TOPICS is unset and content/ has none) against the labelled sets: micro and macro precision/recall/F1
# with a per-topic table, and the share of papers left to the fallback.
#   - labels: bench/topics/labels/ (1,074 papers, two labellers each, settled by a third): the two
#     labellers' agreement (the ceiling), then the rules on the date-split test set and on train;
#   - seed: the 119 papers of tests/fixtures/seed (evaluation only);
#   - llm: 61 papers of the corpus labelled by rules 14-24 (evaluation only);
#   - corpus: topics of all 5,951 corpus papers (when ../shared/corpus is there).
# Usage: bench/topics/run.sh [--details]   (from the repository root or anywhere)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${BENCH_SHARED:-$(cd "$root/.." && pwd)/shared}"
cd "$root"
dotnet build generator -c Release -v quiet -nologo >/dev/null
gen() { dotnet generator/bin/Release/net10.0/generator.dll "$@"; }
labels=bench/topics/labels

echo "== agreement of the two first-round labellers (micro-F1 of one against the other)"
python3 bench/topics/labels.py agreement "$labels/train.jsonl" "$labels/test.jsonl"
echo
echo "== test: the latest fifth of the corpus's days, never used for tuning or training"
gen topics --evaluate "$labels/test.jsonl" --name test "$@"
echo
echo "== train: the rest of the labelled set"
gen topics --evaluate "$labels/train.jsonl" --name train "$@"
echo
echo "== seed: the 119 papers of tests/fixtures/seed, labels in tests/fixtures/labels/topics-dev.jsonl"
gen topics --evaluate tests/fixtures/labels/topics-dev.jsonl --papers tests/fixtures/seed/trending-scrape.txt --name seed "$@"
echo
echo "== llm: 61 corpus papers, labels in bench/topics/labels-llm.jsonl (rules 14-24)"
gen topics --evaluate bench/topics/labels-llm.jsonl --papers tests/fixtures/corpus/labelled-llm.json --name llm "$@"
if [ -d "$shared/corpus/hf-daily" ]; then
  echo
  echo "== corpus: topics of all 5,951 corpus papers"
  gen topics --report --papers "$shared/corpus/hf-daily"
fi
