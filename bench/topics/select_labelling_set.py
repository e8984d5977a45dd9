#!/usr/bin/env python3
"""Choose the papers of the labelled set (bench/topics/labels/): at least 1,000 papers of the trending
corpus, spread over its whole date range and over the taxonomy's topics, and deal them into batches
for independent labellers.

Selection, deterministic:
1. every item of every <YYYY-MM-DD>.json of the corpus, sorted by (file date, paper.id); the 61 papers
   of bench/topics/labels-llm.jsonl are left out (they stay evaluation-only);
2. a base sample spread over the whole range: every 6th item from offset 3;
3. for each topic, papers whose title or abstract has one of a few hand-picked cue words of that topic
   (this file's CUES: written for selection only, not the classifier's phrases), added evenly over
   the date range until the topic has CUE_TARGET cue-matching papers in the set, so that rare topics
   get enough examples where the corpus has them.
The latest fifth of the corpus's days is the test split (never used for tuning or training).

Batches: the chosen papers, shuffled with a fixed seed, are dealt into batches of BATCH papers;
every batch is labelled twice, by two labellers who see neither the classifier nor each other.

Usage: python3 bench/topics/select_labelling_set.py CORPUS_DIR OUT_DIR
Writes OUT_DIR/set.jsonl (id, date, split, title, abstract) and OUT_DIR/batch-NN.jsonl. Standard library only.
"""
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BATCH = 100
CUE_TARGET = 30
CUES = {
    "bayesian-gp": r"gaussian process|bayesian neural|uncertainty quantification|bayesian optimi[sz]ation|posterior predictive|experimental design",
    "sampling-mcmc": r"mcmc|markov chain monte carlo|langevin|sequential monte carlo|importance sampling|unnormali[sz]ed densit|boltzmann",
    "stochastic-processes": r"stochastic differential|\bsdes?\b|brownian|jump process|stochastic control|fokker|stochastic calculus",
    "mathematics": r"\btheorem|we prove|regularity|well-posed|numerical analysis|convergence rate|a priori estimate",
    "neural-pdes": r"neural operator|physics-informed|\bpinns?\b|partial differential|\bpdes?\b|navier|fluid simulation",
    "variational-inference": r"variational inference|\belbo\b|evidence lower bound|amortized inference|variational posterior",
    "flows-transport": r"flow matching|normalizing flow|optimal transport|schr[oö]dinger bridge|rectified flow|stochastic interpolant",
    "learning-theory": r"generali[sz]ation bound|scaling law|learning dynamics|expressiv|sample complexity|statistical mechanics|grokking",
    "inverse-problems": r"inverse problem|super-resolution|inpainting|deblur|denois|restoration|data assimilation",
    "dynamics-time-series": r"time series|time-series|forecast|state-space|neural ode|dynamical system",
    "speech-audio": r"speech|audio|music|\btts\b|voice|spoken|sound",
    "control-robotics": r"robot|manipulation|locomotion|embodied|model predictive control|\bvla\b|vision-language-action",
    "optimization": r"optimizer|convergence of|stochastic gradient|\badam\b|minimax|variational inequalit|second-order|saddle point",
    "generative-models": r"\bvae\b|variational autoencoder|\bgan\b|adversarial network|energy-based|generative model",
    "3d": r"\b3d\b|gaussian splatting|nerf|neural radiance|mesh|point cloud|novel view",
    "code": r"\bcode\b|program synthesis|software engineering|repository|coding agent|swe-bench",
    "ai-for-science": r"protein|molecul|materials|chemistr|physics|astronom|climate|weather|neuroscien|quantum|genom|single-cell|biolog|medical",
    "video": r"\bvideo",
    "image-generation": r"text-to-image|image editing|image generation|image synthesis",
    "diffusion-models": r"diffusion model|denoising diffusion|score-based|masked diffusion|discrete diffusion",
    "efficient-ml": r"quantiz|pruning|distillation|kv cache|kv-cache|speculative decoding|sparse attention|efficient inference",
    "safety-alignment": r"alignment|jailbreak|red-team|interpretab|sparse autoencoder|reward hacking|fairness|unlearning|prompt injection",
    "benchmarks-datasets": r"\bbenchmark\b|\bdataset\b",
    "reinforcement-learning": r"reinforcement learning|\bgrpo\b|\bppo\b|\brlvr\b|policy optimization|reward model",
    "reasoning": r"chain-of-thought|chain of thought|mathematical reasoning|test-time scaling|theorem proving|autoformali",
    "agents": r"\bagents?\b|tool use|tool-use|multi-agent|gui agent|web agent",
    "multimodal": r"vision-language|multimodal|\bvlms?\b|\bmllms?\b|omni",
    "computer-vision": r"segmentation|detection|\bocr\b|depth estimation|pose estimation|visual encoder|grounding",
    "language-models": r"language model|\bllms?\b|pretraining|fine-tuning|tokeni[sz]",
}


def load(corpus_dir):
    items = []
    for name in sorted(os.listdir(corpus_dir)):
        m = re.match(r"^(\d{4}-\d{2}-\d{2})\.json$", name)
        if not m:
            continue
        with open(os.path.join(corpus_dir, name), encoding="utf-8") as f:
            for item in json.load(f):
                p = item["paper"]
                title = " ".join((item.get("title") or p["title"]).split())
                abstract = " ".join((p.get("summary") or item.get("summary") or "").split())
                items.append({"id": p["id"], "date": m.group(1), "title": title, "abstract": abstract})
    items.sort(key=lambda it: (it["date"], it["id"]))
    return items


def write_batches(items, out_dir, prefix="batch", size=BATCH):
    """Writes items as JSON lines, `size` to a file: OUT_DIR/<prefix>-01.jsonl, -02, ..."""
    os.makedirs(out_dir, exist_ok=True)
    for n in range(0, len(items), size):
        with open(os.path.join(out_dir, f"{prefix}-{n // size + 1:02d}.jsonl"), "w", encoding="utf-8") as f:
            for it in items[n:n + size]:
                f.write(json.dumps(it, ensure_ascii=False) + "\n")


def main(corpus_dir, out_dir):
    llm = {json.loads(line)["id"] for line in open(os.path.join(HERE, "labels-llm.jsonl"), encoding="utf-8")}
    items = [it for it in load(corpus_dir) if it["id"] not in llm]
    days = sorted({it["date"] for it in items})
    test_from = days[len(days) - len(days) // 5]
    chosen = {it["id"]: it for it in items[3::6]}
    for topic, cue in CUES.items():
        rx = re.compile(cue, re.IGNORECASE)
        has = lambda it: rx.search(it["title"] + " " + it["abstract"]) is not None
        count = sum(1 for it in chosen.values() if has(it))
        candidates = [it for it in items if it["id"] not in chosen and has(it)]
        need = max(0, CUE_TARGET - count)
        if need and candidates:
            step = max(1, len(candidates) // need)
            for it in candidates[::step][:need]:
                chosen[it["id"]] = it
    papers = sorted(chosen.values(), key=lambda it: (it["date"], it["id"]))
    for it in papers:
        it["split"] = "test" if it["date"] >= test_from else "train"
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "set.jsonl"), "w", encoding="utf-8") as f:
        for it in papers:
            f.write(json.dumps(it, ensure_ascii=False) + "\n")
    shuffled = papers[:]
    random.Random(20261207).shuffle(shuffled)
    write_batches([{"id": it["id"], "title": it["title"], "abstract": it["abstract"]} for it in shuffled], out_dir)
    test = sum(1 for it in papers if it["split"] == "test")
    print(f"{len(papers)} papers ({test} test, from {test_from}), {len(days)} days, {(len(shuffled) + BATCH - 1) // BATCH} batches", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
