#!/usr/bin/env python3
"""Prepare the benchmark archive of N papers, the same papers for us and for Hugo.

Usage: prepare.py N WORK_DIR [--corpus DIR] [--shared DIR]

The real trending corpus (shared/corpus/hf-daily, 5,951 papers, in date order) comes first; beyond
it, synthetic papers from shared/bench/gen_corpus.py (each with its own id) fill up to N.
Writes, in WORK_DIR:
  corpus.jsonl   the N papers in gen_corpus.py's shape (what shared/bench/to_hugo.py reads)
  input.json     the same papers as a Hugging Face /api/daily_papers answer (what `generator ingest` reads)
  extra.json     with --extra K: the K papers that come after those N, in the same shape (a nightly's
                 worth of new papers, for timing an incremental rebuild)
Standard library only; deterministic.
"""
import argparse
import glob
import json
import os
import subprocess
import sys


def real_papers(corpus_dir):
    for path in sorted(glob.glob(os.path.join(corpus_dir, "*.json"))):
        day = os.path.basename(path)[:10]
        for item in json.load(open(path, encoding="utf-8")):
            paper = item["paper"]
            yield {
                "id": paper["id"],
                "title": " ".join((item.get("title") or paper["title"]).split()),
                "abstract": paper["summary"],
                "authors": [a["name"] for a in paper.get("authors", []) if a.get("name")],
                "published": (paper.get("publishedAt") or day)[:10],
                "trending_dates": [day],
                "url": "https://arxiv.org/abs/" + paper["id"],
                "upvotes": paper.get("upvotes"),
            }


def synthetic_papers(shared, count, taken):
    if count <= 0:
        return []
    # Ask for more than needed: an id that a real paper already has is skipped.
    out = subprocess.run([sys.executable, os.path.join(shared, "bench", "gen_corpus.py"), str(count + 1000)],
                         check=True, capture_output=True, text=True).stdout
    papers = []
    for line in out.splitlines():
        paper = json.loads(line)
        if paper["id"] in taken:
            continue
        taken.add(paper["id"])
        papers.append(paper)
        if len(papers) == count:
            break
    return papers


def as_daily_items(papers):
    items = []
    for p in papers:
        for day in p["trending_dates"]:
            items.append({
                "title": p["title"],
                "publishedAt": day + "T00:00:00.000Z",
                "paper": {
                    "id": p["id"],
                    "title": p["title"],
                    "summary": p["abstract"],
                    "authors": [{"name": a} for a in p["authors"]],
                    "publishedAt": p["published"] + "T00:00:00.000Z",
                    "submittedOnDailyAt": day + "T00:00:00.000Z",
                    **({"upvotes": p["upvotes"]} if p.get("upvotes") is not None else {}),
                },
            })
    return items


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("work")
    parser.add_argument("--shared", default=os.path.join(here, "..", "..", "shared"))
    parser.add_argument("--extra", type=int, default=0)
    args = parser.parse_args()
    total = args.n + args.extra
    corpus_dir = os.path.join(args.shared, "corpus", "hf-daily")

    papers = []
    for paper in real_papers(corpus_dir):
        if len(papers) == total:
            break
        papers.append(paper)
    taken = {p["id"] for p in papers}
    papers += synthetic_papers(args.shared, total - len(papers), taken)
    papers, extra = papers[:args.n], papers[args.n:]

    os.makedirs(args.work, exist_ok=True)
    with open(os.path.join(args.work, "corpus.jsonl"), "w", encoding="utf-8") as f:
        for p in papers:
            f.write(json.dumps({k: v for k, v in p.items() if k != "upvotes"}, ensure_ascii=False) + "\n")
    with open(os.path.join(args.work, "input.json"), "w", encoding="utf-8") as f:
        json.dump(as_daily_items(papers), f, ensure_ascii=False)
    if args.extra:
        with open(os.path.join(args.work, "extra.json"), "w", encoding="utf-8") as f:
            json.dump(as_daily_items(extra), f, ensure_ascii=False)
    print(f"prepared {len(papers)} papers in {args.work}", file=sys.stderr)


if __name__ == "__main__":
    main()
