#!/usr/bin/env python3
"""Print the deterministic LLM-era sample used for bench/topics/labels-llm.jsonl.

Selection: load every item of every <YYYY-MM-DD>.json file in the hf-daily corpus
folder, sort by (file date, paper.id) ascending, and take the items at indices
0, 99, 198, ... (every 99th). Prints one tab-separated line per item:
index, arXiv id, file date, title.

Usage: python3 bench/topics/select_llm_sample.py [CORPUS_DIR] [--step N]
CORPUS_DIR defaults to ../shared/corpus/hf-daily relative to the repo root.
Standard library only.
"""
import argparse
import json
import os
import re
import sys

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DEFAULT_CORPUS = os.path.normpath(os.path.join(REPO_ROOT, "..", "shared", "corpus", "hf-daily"))
DATE_FILE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.json$")


def load_items(corpus_dir):
    items = []
    for name in sorted(os.listdir(corpus_dir)):
        m = DATE_FILE.match(name)
        if not m:
            continue
        with open(os.path.join(corpus_dir, name), encoding="utf-8") as f:
            data = json.load(f)
        for item in data:
            paper = item["paper"]
            items.append((m.group(1), paper["id"], paper["title"]))
    items.sort(key=lambda t: (t[0], t[1]))
    return items


def select(corpus_dir, step=99):
    return load_items(corpus_dir)[::step]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus_dir", nargs="?", default=DEFAULT_CORPUS)
    ap.add_argument("--step", type=int, default=99)
    args = ap.parse_args(argv)
    items = load_items(args.corpus_dir)
    sample = items[::args.step]
    for i, (date, pid, title) in enumerate(sample):
        print(f"{i * args.step}\t{pid}\t{date}\t{title}")
    print(f"# {len(sample)} of {len(items)} items (every {args.step}th)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
