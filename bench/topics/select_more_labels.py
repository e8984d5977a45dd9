#!/usr/bin/env python3
"""Choose a second round of training papers for the learned topic model (issue 31): papers of the
training period of the trending corpus (before the test split's first day) that no labelled set holds
yet, spread evenly over the period, and deal them into batches for labellers.

Deterministic: every item of every <YYYY-MM-DD>.json of the corpus sorted by (file date, paper.id);
left out: the test split's days, the 61 papers of labels-llm.jsonl and every paper of
labels/train.jsonl and labels/test.jsonl; then every STEP-th remaining item, COUNT at most.

Usage: python3 bench/topics/select_more_labels.py CORPUS_DIR OUT_DIR [COUNT]
Writes OUT_DIR/batch-NN.jsonl (id, date, title, abstract). Standard library only.
"""
import json
import os
import sys

from select_labelling_set import load, write_batches

HERE = os.path.dirname(os.path.abspath(__file__))


def ids(path):
    with open(path, encoding="utf-8") as f:
        return {json.loads(line)["id"] for line in f if line.strip()}


def main(corpus_dir, out_dir, count):
    labelled = ids(os.path.join(HERE, "labels-llm.jsonl"))
    labelled |= ids(os.path.join(HERE, "labels", "train.jsonl"))
    test = [json.loads(line) for line in open(os.path.join(HERE, "labels", "test.jsonl"), encoding="utf-8")]
    labelled |= {t["id"] for t in test}
    test_from = min(t["date"] for t in test)
    items = [it for it in load(corpus_dir) if it["date"] < test_from and it["id"] not in labelled]
    step = max(1, len(items) // count)
    chosen = items[::step][:count]
    write_batches(chosen, out_dir)
    print(f"{len(chosen)} of {len(items)} unlabelled training-period papers (before {test_from})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 500))
