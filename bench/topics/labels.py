#!/usr/bin/env python3
"""The labelled set of bench/topics/labels/: agreement of the two first-round labellers, the papers
they disagree on (for a third labeller to settle), and the stored set.

  labels.py agreement LABELS.jsonl [...]           micro-F1 of one labeller against the other, whole
                                                   set and test split, per topic (from the stored set)
  labels.py disagreements SET.jsonl ROUND_DIR OUT  the papers whose two first-round answers differ,
                                                   with both answers, in batches for settling
  labels.py store SET.jsonl ROUND_DIR SETTLED_DIR OUT_DIR
                                                   writes OUT_DIR/train.jsonl and test.jsonl: id, date,
                                                   title, abstract, topics (settled), first (both
                                                   first-round answers), labellers, settled_by

ROUND_DIR holds one folder per labeller (A1, B3…), each with batch-NN.jsonl files of
{"id", "topics", "note"?} lines. Standard library only.
"""
import collections
import glob
import json
import os
import sys

from select_labelling_set import write_batches


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def first_round(round_dir):
    """id -> [(labeller, topics, note)] in labeller order."""
    answers = collections.defaultdict(list)
    for path in sorted(glob.glob(os.path.join(round_dir, "*", "batch-*.jsonl"))):
        labeller = os.path.basename(os.path.dirname(path))
        for line in read_jsonl(path):
            answers[line["id"]].append((labeller, line["topics"], line.get("note")))
    return answers


def f1(pairs):
    """Micro F1 of the second list against the first over (paper, topic) pairs, and per topic."""
    per = collections.defaultdict(lambda: [0, 0, 0])  # in a, in b, in both
    for a, b in pairs:
        for t in set(a) | set(b):
            c = per[t]
            c[0] += t in a
            c[1] += t in b
            c[2] += t in a and t in b
    both = sum(c[2] for c in per.values())
    total = sum(c[0] + c[1] for c in per.values())
    return (2 * both / total if total else 0.0), per


def agreement(paths):
    rows = [r for p in paths for r in read_jsonl(p)]
    for name, subset in (("all", rows), ("test", [r for r in rows if r.get("split") == "test"])):
        pairs = [(r["first"][0]["topics"], r["first"][1]["topics"]) for r in subset]
        micro, per = f1(pairs)
        exact = sum(1 for a, b in pairs if set(a) == set(b))
        print(f"agreement.{name}.papers={len(pairs)}")
        print(f"agreement.{name}.micro_f1={micro:.4f}")
        print(f"agreement.{name}.exact_match={exact / len(pairs) if pairs else 0:.4f}")
        if name == "all":
            print("topic                      a     b  both     f1")
            for t, (a, b, c) in sorted(per.items(), key=lambda kv: -(kv[1][0] + kv[1][1])):
                print(f"{t:24s} {a:5d} {b:5d} {c:5d} {2 * c / (a + b) if a + b else 0:6.3f}")
    settled = sum(1 for r in rows if r.get("settled_by"))
    print(f"agreement.settled_by_third={settled}")


def disagreements(set_path, round_dir, out_dir, batch=60):
    papers = {p["id"]: p for p in read_jsonl(set_path)}
    answers = first_round(round_dir)
    todo = []
    for pid, p in papers.items():
        got = answers.get(pid, [])
        if len(got) != 2:
            print(f"{pid}: {len(got)} first-round answers", file=sys.stderr)
            continue
        if set(got[0][1]) != set(got[1][1]):
            todo.append({"id": pid, "title": p["title"], "abstract": p["abstract"],
                         "answer_1": got[0][1], "note_1": got[0][2], "answer_2": got[1][1], "note_2": got[1][2]})
    write_batches(todo, out_dir, prefix="settle", size=batch)
    print(f"{len(todo)} of {len(papers)} papers differ", file=sys.stderr)


def store(set_path, round_dir, settled_dir, out_dir):
    answers = first_round(round_dir)
    settled = {}
    for path in sorted(glob.glob(os.path.join(settled_dir, "*", "settle-*.jsonl"))):
        who = os.path.basename(os.path.dirname(path))
        for line in read_jsonl(path):
            settled[line["id"]] = (who, line["topics"])
    out = collections.defaultdict(list)
    for p in read_jsonl(set_path):
        got = answers[p["id"]]
        assert len(got) == 2, p["id"]
        if set(got[0][1]) == set(got[1][1]):
            topics, by = got[0][1], None
        else:
            by, topics = settled[p["id"]]
        out[p["split"]].append({"id": p["id"], "date": p["date"], "title": p["title"], "abstract": p["abstract"],
                                "topics": topics, "split": p["split"],
                                "first": [{"labeller": l, "topics": t} for l, t, _ in got], "settled_by": by})
    os.makedirs(out_dir, exist_ok=True)
    for split, rows in out.items():
        with open(os.path.join(out_dir, f"{split}.jsonl"), "w", encoding="utf-8") as f:
            for r in sorted(rows, key=lambda r: (r["date"], r["id"])):
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{split}: {len(rows)} papers", file=sys.stderr)


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"agreement": lambda: agreement(args), "disagreements": lambda: disagreements(*args),
     "store": lambda: store(*args)}[cmd]()
