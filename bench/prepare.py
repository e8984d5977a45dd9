#!/usr/bin/env python3
"""Prepare the benchmark archive of N papers, the same papers for us and for Hugo.

Usage: prepare.py N WORK_DIR [--shared DIR] [--new-day K] [--extra K]

The real trending corpus (shared/corpus/hf-daily, 5,951 papers, in date order) comes first; beyond
it, synthetic papers from shared/bench/gen_corpus.py (each with its own id, trending in 2022-2024)
fill up to N.
Writes, in WORK_DIR:
  corpus.jsonl   the N papers in gen_corpus.py's shape (what shared/bench/to_hugo.py reads)
  input/         the same papers as Hugging Face /api/daily_papers answers of PART papers each (what
                 `generator ingest` reads)
  new-day.json   with --new-day K: a nightly's papers, in the same shape: K real papers that are not
                 in the archive (the next ones of the real corpus; with N past it, the archive keeps
                 back the corpus's last K), every one trending on the day after the archive's newest
                 day. Real titles, abstracts, authors and upvotes, so their topics and related papers
                 overlap the archive's as a real day's do.
  extra.json     with --extra K: K papers older than the archive's newest day (synthetic, trending in
                 2022-2024): a backfill, not a nightly
Standard library only; deterministic.
"""
import argparse
import datetime
import glob
import json
import os
import shutil
import subprocess
import sys


PART = 10000


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
    parser.add_argument("--new-day", type=int, default=0)
    parser.add_argument("--extra", type=int, default=0)
    args = parser.parse_args()
    corpus_dir = os.path.join(args.shared, "corpus", "hf-daily")

    reals = list(real_papers(corpus_dir))
    # The archive's real papers, leaving the new day's behind them in the corpus.
    kept = min(args.n, len(reals) - args.new_day)
    papers = reals[:kept]
    new_day = reals[kept:kept + args.new_day]
    taken = {p["id"] for p in reals}
    synthetic = synthetic_papers(args.shared, args.n - kept + args.extra, taken)
    papers += synthetic[:args.n - kept]
    extra = synthetic[args.n - kept:]

    os.makedirs(args.work, exist_ok=True)
    with open(os.path.join(args.work, "corpus.jsonl"), "w", encoding="utf-8") as f:
        for p in papers:
            f.write(json.dumps({k: v for k, v in p.items() if k != "upvotes"}, ensure_ascii=False) + "\n")
    # In parts: `generator ingest` refuses an input over 64 MB (a real answer is a few hundred KB),
    # and 50,000 papers are 170 MB. It reads every file of the folder.
    parts = os.path.join(args.work, "input")
    shutil.rmtree(parts, ignore_errors=True)
    os.makedirs(parts)
    for start in range(0, len(papers), PART):
        with open(os.path.join(parts, f"part-{start // PART:03}.json"), "w", encoding="utf-8") as f:
            json.dump(as_daily_items(papers[start:start + PART]), f, ensure_ascii=False)
    if args.new_day:
        newest = max(day for p in papers for day in p["trending_dates"])
        day = (datetime.date.fromisoformat(newest) + datetime.timedelta(days=1)).isoformat()
        with open(os.path.join(args.work, "new-day.json"), "w", encoding="utf-8") as f:
            json.dump(as_daily_items([dict(p, trending_dates=[day]) for p in new_day]), f, ensure_ascii=False)
        print(f"new day {day}: {len(new_day)} papers", file=sys.stderr)
    if args.extra:
        with open(os.path.join(args.work, "extra.json"), "w", encoding="utf-8") as f:
            json.dump(as_daily_items(extra), f, ensure_ascii=False)
    print(f"prepared {len(papers)} papers in {args.work}", file=sys.stderr)


if __name__ == "__main__":
    main()
