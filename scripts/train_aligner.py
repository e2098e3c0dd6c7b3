"""Train the same-quantity pair classifier on the gold files and write checker/align/pair_model.json.

Pairs come from the claims the real extract+attribute stages produce on each gold corpus:
claims matched to mentions of one gold group are positives; matched claims of different
groups, trap sides, and matched-vs-unannotated claims are negatives. Model choice
(regularisation, threshold, linkage) is made by leave-one-cluster-out cross-validation
of the *clustered* alignment F1, the quantity `claimcheck eval` reports.

    .venv/bin/python scripts/train_aligner.py [tests/data/gold/*.yaml] [--dry-run]
"""

from __future__ import annotations

import argparse
import json
import sys
from itertools import product
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.align import _partition_key, same_quantity_probabilities  # noqa: E402
from checker.align.cluster import cluster_pairs  # noqa: E402
from checker.align.features import FEATURE_NAMES, feature_tensor, may_pair  # noqa: E402
from checker.align.pair_model import MODEL_PATH, PairModel  # noqa: E402
from checker.align.texts import context_text, frame_text  # noqa: E402
from checker.evaluation.gold import corpus_paths, load_gold  # noqa: E402
from checker.evaluation.matching import best_claim, locate  # noqa: E402
from checker.ingest import read_inputs  # noqa: E402
from checker.lexicon import Lexicon  # noqa: E402
from checker.nlp.embedding_model import embed_texts  # noqa: E402
from checker.pipeline import PipelineOptions, check_articles, load_ruleset  # noqa: E402


class Cluster:
    """One gold file's claims, partitions, pair features and labels."""

    def __init__(self, name, claims, labels_by_claim, trap_pairs, lexicon):
        self.name = name
        self.claims = claims
        self.label = labels_by_claim  # claim id -> gold group id (matched claims only)
        frames = embed_texts([frame_text(c) for c in claims])
        contexts = embed_texts([context_text(c) for c in claims])
        self.partitions = []
        buckets: dict[tuple, list[int]] = {}
        for i, c in enumerate(claims):
            buckets.setdefault(_partition_key(c), []).append(i)
        for members in buckets.values():
            if len(members) < 2:
                continue
            sub = [claims[i] for i in members]
            tensor = feature_tensor(sub, frames[members] @ frames[members].T, contexts[members] @ contexts[members].T, lexicon)
            allowed = np.array([[may_pair(a, b) for b in sub] for a in sub], dtype=bool)
            self.partitions.append((sub, tensor, allowed, frames[members], contexts[members]))
        self.trap_pairs = trap_pairs

    def training_pairs(self):
        """(features, label, weight) for labelled pairs."""
        X, y, w = [], [], []
        for sub, tensor, allowed, _, _ in self.partitions:
            for i in range(len(sub)):
                for j in range(i + 1, len(sub)):
                    if not allowed[i, j]:
                        continue
                    a, b = sub[i], sub[j]
                    ga, gb = self.label.get(a.id), self.label.get(b.id)
                    if ga is None and gb is None:
                        continue  # neither annotated: unknown
                    trap = frozenset((a.id, b.id)) in self.trap_pairs
                    X.append(tensor[i, j])
                    y.append(1 if (ga is not None and ga == gb) else 0)
                    w.append(3.0 if trap else (1.0 if ga is not None and gb is not None else 0.5))
        return X, y, w


def build_clusters(gold_paths: list[Path]):
    rules = load_ruleset(PipelineOptions())
    lexicon = Lexicon.from_rules(rules)
    clusters = []
    for path in gold_paths:
        gold = load_gold(path)
        ingested = read_inputs(corpus_paths(path, gold))
        report = check_articles(ingested.articles, PipelineOptions(), rules, align=False)
        articles = {a.id.split("/")[-1]: a for a in report.articles}
        by_doc: dict[str, list] = {}
        for c in report.claims:
            by_doc.setdefault(c.article_id.split("/")[-1], []).append(c)

        def match(doc, context, number):
            art = articles.get(doc)
            span = locate(art, context, number) if art else None
            return best_claim(by_doc.get(doc, []), span) if span else None

        labels = {}
        for group in gold.groups:
            for m in group.mentions:
                claim = match(m.doc, m.context, m.number)
                if claim is not None:
                    labels[claim.id] = group.id
        traps = set()
        for trap in gold.traps:
            a, b = match(trap.a.doc, trap.a.context, trap.a.number), match(trap.b.doc, trap.b.context, trap.b.number)
            if a and b:
                traps.add(frozenset((a.id, b.id)))
        clusters.append(Cluster(path.name, report.claims, labels, traps, lexicon))
        print(f"{path.name}: {len(report.claims)} claims, {len(labels)} matched", file=sys.stderr)
    return clusters


def fit(clusters, C: float):
    X, y, w = [], [], []
    for cl in clusters:
        a, b, c = cl.training_pairs()
        X += a
        y += b
        w += c
    X = np.array(X)
    scaler = StandardScaler().fit(X)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=2000)
    clf.fit((X - scaler.mean_) / scale, np.array(y), sample_weight=np.array(w))
    return scaler.mean_.tolist(), scale.tolist(), clf.coef_[0].tolist(), float(clf.intercept_[0])


def alignment_scores(model: PairModel, clusters, lexicon):
    """Pairwise precision/recall of the clustered groups over matched claims of different articles, and trap hits."""
    tp = fp = fn = traps = 0
    for cl in clusters:
        group_of = {}
        for p_index, (sub, _, allowed, frames, contexts) in enumerate(cl.partitions):
            probs = same_quantity_probabilities(sub, frames, contexts, lexicon, model)
            for k, cluster in enumerate(cluster_pairs(len(sub), probs, allowed, model.threshold, model.linkage)):
                for i in cluster:
                    group_of[sub[i].id] = (p_index, k)
        matched = [c for c in cl.claims if c.id in cl.label]
        for i in range(len(matched)):
            for j in range(i + 1, len(matched)):
                a, b = matched[i], matched[j]
                if a.article_id == b.article_id:
                    continue
                gold = cl.label[a.id] == cl.label[b.id]
                pred = a.id in group_of and group_of[a.id] == group_of.get(b.id)
                tp += gold and pred
                fp += pred and not gold
                fn += gold and not pred
        for pair in cl.trap_pairs:
            a, b = tuple(pair)
            if a in group_of and group_of[a] == group_of.get(b):
                traps += 1
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, traps


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold", nargs="*", type=Path, default=sorted((ROOT / "tests/data/gold").glob("*.yaml")))
    parser.add_argument("--dry-run", action="store_true", help="print the cross-validation, write nothing")
    args = parser.parse_args()
    lexicon = Lexicon.from_rules(load_ruleset(PipelineOptions()))
    clusters = build_clusters(args.gold)

    best = None
    for C, threshold, linkage in product((0.1, 1.0), (0.4, 0.5, 0.6, 0.7), ("average", "complete")):
        tp_p = []
        total_traps = 0
        for held_out in range(len(clusters)):
            train = [c for k, c in enumerate(clusters) if k != held_out]
            mean, scale, coef, intercept = fit(train, C)
            model = PairModel(feature_names=FEATURE_NAMES, mean=mean, scale=scale, coef=coef, intercept=intercept, threshold=threshold, linkage=linkage)
            p, r, traps = alignment_scores(model, [clusters[held_out]], lexicon)
            tp_p.append((p, r))
            total_traps += traps
        p = float(np.mean([x[0] for x in tp_p]))
        r = float(np.mean([x[1] for x in tp_p]))
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        score = f1 - 0.02 * total_traps
        print(f"C={C:<4} threshold={threshold} linkage={linkage:8} CV precision={p:.3f} recall={r:.3f} F1={f1:.3f} traps={total_traps}")
        if best is None or score > best[0]:
            best = (score, C, threshold, linkage, p, r, f1, total_traps)

    _, C, threshold, linkage, p, r, f1, traps = best
    mean, scale, coef, intercept = fit(clusters, C)
    model = PairModel(
        feature_names=FEATURE_NAMES, mean=mean, scale=scale, coef=coef, intercept=intercept,
        threshold=threshold, linkage=linkage, trained_on=[c.name for c in clusters],
        cross_validation={"C": C, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4), "trap_violations": traps},
    )
    print(f"chosen: C={C} threshold={threshold} linkage={linkage}: leave-one-cluster-out P={p:.3f} R={r:.3f} F1={f1:.3f} traps={traps}")
    for name, weight in zip(FEATURE_NAMES, coef):
        print(f"  {name:20} {weight:+.3f}")
    if not args.dry_run:
        MODEL_PATH.write_text(json.dumps(model.model_dump(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
