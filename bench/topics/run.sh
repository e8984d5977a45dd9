#!/usr/bin/env bash
# Measures topic assignment against the labelled sets: the rules of content/topics.yml alone, the
# learned model of content/topics-model.txt alone, and both as builds combine them (each topic as the
# model file says: rules, model, either or both). Micro and macro precision/recall/F1, a per-topic
# table for the combination, and the share of papers left to the fallback.
#   - labels: bench/topics/labels/ (1,074 papers, two labellers each, settled by a third): the two
#     labellers' agreement (the ceiling); the date-split test set (never trained or tuned on); train,
#     cross-validated (5 folds: each paper predicted by a model trained without it, thresholds and
#     decisions chosen on the other folds);
#   - seed: the 119 papers of tests/fixtures/seed (evaluation only);
#   - llm: 61 papers of the corpus labelled by rules 14-24 (evaluation only);
#   - corpus: topics of all 5,951 corpus papers (when ../shared/corpus is there).
# Without content/topics-model.txt only the rules are measured. The last lines sum it up, one per set.
# Usage: bench/topics/run.sh [--details]   (from the repository root or anywhere)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${BENCH_SHARED:-$(cd "$root/.." && pwd)/shared}"
cd "$root"
dotnet build generator -c Release -v quiet -nologo >/dev/null
gen() { dotnet generator/bin/Release/net10.0/generator.dll "$@"; }
labels=bench/topics/labels
model=content/topics-model.txt
classifiers=(rules); [ -f "$model" ] && classifiers=(rules model both)
summary=()
figure() { sed -n "s/^$1=//p" <<<"$2"; }

# Prints the combination's table (or the rules' without a model) and the other classifiers' figures.
measure() {
  local name=$1; shift
  local out last row="$name"
  for c in "${classifiers[@]}"; do
    out=$(gen topics --classifier "$c" --name "$name.$c" "$@")
    last=$c
    row+=$(printf ' %s=%s' "$c" "$(figure "$name.$c.micro_f1" "$out")")
    [ "$c" = "${classifiers[-1]}" ] && echo "$out" || grep -E "^$name\.$c\.(micro|macro)_f1=" <<<"$out"
  done
  row+=" fallback_rate=$(figure "$name.$last.fallback_rate" "$out")"
  summary+=("$row")
}

echo "== agreement of the two first-round labellers (micro-F1 of one against the other)"
python3 bench/topics/labels.py agreement "$labels/train.jsonl" "$labels/test.jsonl"
echo
echo "== test: the latest fifth of the corpus's days, never used for tuning or training"
measure test --evaluate "$labels/test.jsonl" "$@"
if [ -f "$model" ]; then
  echo
  echo "== train, cross-validated: each paper predicted by a model trained on the other folds"
  out=$(gen topics train --cross-validate --labels "$labels/train.jsonl")
  echo "$out" | grep -E '^cv\.(rules|model)\.(micro|macro)_f1='
  echo "$out" | sed -n '/^cv.combined:/,$p'
  summary+=("train-cv rules=$(figure cv.rules.micro_f1 "$out") model=$(figure cv.model.micro_f1 "$out") both=$(figure cv.combined.micro_f1 "$out") fallback_rate=$(figure cv.combined.fallback_rate "$out")")
else
  echo
  echo "== train: the rest of the labelled set"
  measure train --evaluate "$labels/train.jsonl" "$@"
fi
echo
echo "== seed: the 119 papers of tests/fixtures/seed, labels in tests/fixtures/labels/topics-dev.jsonl"
measure seed --evaluate tests/fixtures/labels/topics-dev.jsonl --papers tests/fixtures/seed/trending-scrape.txt "$@"
echo
echo "== llm: 61 corpus papers, labels in bench/topics/labels-llm.jsonl (rules 14-24)"
measure llm --evaluate bench/topics/labels-llm.jsonl --papers tests/fixtures/corpus/labelled-llm.json "$@"
if [ -d "$shared/corpus/hf-daily" ]; then
  echo
  echo "== corpus: topics of all 5,951 corpus papers (rules and model as a build assigns them)"
  out=$(gen topics --report --papers "$shared/corpus/hf-daily")
  echo "$out" | sed '/^$/,$d' # the test split's per-topic table, which --report adds, is printed above
  summary+=("corpus fallback_share=$(figure fallback_share "$out")")
fi
echo
echo "== summary: micro-F1 per set (rules alone, model alone, both as builds combine them)"
printf '%s\n' "${summary[@]}"
