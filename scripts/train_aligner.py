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
import pickle
import sys
from itertools import product
from pathlib import Path

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.align import _partition_key, claim_vectors, cluster_claims, pair_features, score_pairs  # noqa: E402
from checker.align.event_days import article_days  # noqa: E402
from checker.align.features import FEATURE_NAMES  # noqa: E402
from checker.align.pair_model import MODEL_PATH, PairModel, Tree  # noqa: E402
from checker.evaluation.gold import corpus_paths, load_gold  # noqa: E402
from checker.evaluation.matching import best_claim, locate  # noqa: E402
from checker.ingest import read_inputs  # noqa: E402
from checker.lexicon import Lexicon  # noqa: E402
from checker.nlp.embedding_model import embed_texts  # noqa: E402
from checker.pipeline import PipelineOptions, check_articles, load_ruleset  # noqa: E402


class Cluster:
    """One gold file's claims, partitions, pair features and labels."""

    def __init__(self, name, claims, labels_by_claim, trap_pairs, lexicon, days):
        self.name = name
        self.claims = claims
        self.days = days  # articles telling of two events on two days (event_days.py)
        self.label = labels_by_claim  # claim id -> gold group id (matched claims only)
        vectors = claim_vectors(claims, embed_texts)
        self.partitions = []
        buckets: dict[tuple, list[int]] = {}
        for i, c in enumerate(claims):
            buckets.setdefault(_partition_key(c), []).append(i)
        for members in buckets.values():
            if len(members) < 2:
                continue
            sub = [claims[i] for i in members]
            sub_vectors = [v[members] for v in vectors]
            tensor, allowed = pair_features(sub, sub_vectors, lexicon, days)
            self.partitions.append((sub, tensor, allowed, sub_vectors))
        self.trap_pairs = trap_pairs

    def training_pairs(self):
        """(features, label, weight) for labelled pairs."""
        X, y, w = [], [], []
        for sub, tensor, allowed, _ in self.partitions:
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


def build_clusters(gold_paths: list[Path], cache: Path | None = None):
    rules = load_ruleset(PipelineOptions())
    lexicon = Lexicon.from_rules(rules)
    reports = pickle.loads(cache.read_bytes()) if cache and cache.exists() else {}
    clusters = []
    for path in gold_paths:
        gold = load_gold(path)
        if path.name not in reports:
            ingested = read_inputs(corpus_paths(path, gold))
            reports[path.name] = check_articles(ingested.articles, PipelineOptions(), rules, align=False)
        report = reports[path.name]
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
        clusters.append(Cluster(path.name, report.claims, labels, traps, lexicon, article_days(report.articles)))
        print(f"{path.name}: {len(report.claims)} claims, {len(labels)} matched", file=sys.stderr)
    if cache:
        cache.write_bytes(pickle.dumps(reports))
    return clusters


def training_data(clusters):
    X, y, w = [], [], []
    for cl in clusters:
        a, b, c = cl.training_pairs()
        X += a
        y += b
        w += c
    return np.array(X), np.array(y), np.array(w)


def fit(clusters, family: str, strength: float, threshold: float, linkage: str) -> PairModel:
    """Fit one model family; ``strength`` is C (logistic) or the number of trees (boosted)."""
    X, y, w = training_data(clusters)
    common = dict(feature_names=FEATURE_NAMES, threshold=threshold, linkage=linkage)
    if family == "logistic":
        scaler = StandardScaler().fit(X)
        scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
        clf = LogisticRegression(C=strength, class_weight="balanced", max_iter=2000)
        clf.fit((X - scaler.mean_) / scale, y, sample_weight=w)
        return PairModel(family="logistic", mean=scaler.mean_.tolist(), scale=scale.tolist(),
                         coef=clf.coef_[0].tolist(), intercept=float(clf.intercept_[0]), **common)
    # Balance the classes by weight, as class_weight="balanced" does for the logistic model.
    balance = np.where(y == 1, len(y) / (2 * max(1, y.sum())), len(y) / (2 * max(1, (1 - y).sum())))
    clf = GradientBoostingClassifier(n_estimators=int(strength), max_depth=3, learning_rate=0.1, subsample=1.0, random_state=0)
    clf.fit(X, y, sample_weight=w * balance)
    trees = []
    for estimator in clf.estimators_[:, 0]:
        t = estimator.tree_
        trees.append(Tree(feature=t.feature.tolist(), threshold=t.threshold.tolist(), left=t.children_left.tolist(),
                          right=t.children_right.tolist(), value=t.value[:, 0, 0].tolist()))
    intercept = float(clf._raw_predict_init(X[:1])[0, 0])
    model = PairModel(family="boosted_trees", learning_rate=0.1, trees=trees, intercept=intercept, **common)
    # The numpy re-implementation must agree with scikit-learn's own prediction.
    assert np.allclose(model.probabilities(X[:200]), clf.predict_proba(X[:200])[:, 1], atol=1e-6)
    return model


def alignment_scores(model: PairModel, clusters, lexicon):
    """Pairwise precision/recall of the clustered groups over matched claims of different articles, and trap hits."""
    tp = fp = fn = traps = 0
    for cl in clusters:
        group_of = {}
        for p_index, (sub, _, allowed, vectors) in enumerate(cl.partitions):
            probs, allowed = score_pairs(sub, vectors, lexicon, model, cl.days)
            for k, cluster in enumerate(cluster_claims(sub, probs, allowed, model, lexicon, cl.days)):
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
    parser.add_argument("--claims-cache", type=Path, default=None, help="pickle of extracted claims, to iterate on features quickly")
    parser.add_argument("--config", default=None, metavar="FAMILY:STRENGTH:THRESHOLD:LINKAGE",
                        help="fit this configuration (e.g. boosted_trees:150:0.7:average) instead of the CV's best; "
                             "its CV scores are still printed and stored")
    args = parser.parse_args()
    lexicon = Lexicon.from_rules(load_ruleset(PipelineOptions()))
    clusters = build_clusters(args.gold, args.claims_cache)

    best = None
    grid = [("logistic", C) for C in (0.1, 1.0)] + [("boosted_trees", n) for n in (60, 150)]
    thresholds, linkages = (0.4, 0.5, 0.6, 0.7), ("average", "complete")
    if args.config:
        family, strength, threshold, linkage = args.config.split(":")
        grid, thresholds, linkages = [(family, float(strength))], (float(threshold),), (linkage,)
    for family, strength in grid:
        # One fit per held-out cluster; thresholds and linkages reuse it.
        fold_models = [fit([c for k, c in enumerate(clusters) if k != held_out], family, strength, 0.5, "average")
                       for held_out in range(len(clusters))]
        for threshold, linkage in product(thresholds, linkages):
            scores = []
            total_traps = 0
            for held_out, fold_model in enumerate(fold_models):
                model = fold_model.model_copy(update={"threshold": threshold, "linkage": linkage})
                p, r, traps = alignment_scores(model, [clusters[held_out]], lexicon)
                scores.append((p, r))
                total_traps += traps
            p = float(np.mean([x[0] for x in scores]))
            r = float(np.mean([x[1] for x in scores]))
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            score = f1 - 0.02 * total_traps
            print(f"{family:13} {strength:<5} threshold={threshold} linkage={linkage:8} CV P={p:.3f} R={r:.3f} F1={f1:.3f} traps={total_traps}", flush=True)
            if best is None or score > best[0]:
                best = (score, family, strength, threshold, linkage, p, r, f1, total_traps)

    _, family, strength, threshold, linkage, p, r, f1, traps = best
    model = fit(clusters, family, strength, threshold, linkage).model_copy(update={
        "trained_on": [c.name for c in clusters],
        "cross_validation": {"family": family, "strength": strength, "precision": round(p, 4), "recall": round(r, 4),
                             "f1": round(f1, 4), "trap_violations": float(traps)},
    })
    print(f"chosen: {family} {strength} threshold={threshold} linkage={linkage}: leave-one-cluster-out P={p:.3f} R={r:.3f} F1={f1:.3f} traps={traps}")
    for name, weight in zip(FEATURE_NAMES, model.coef):
        print(f"  {name:24} {weight:+.3f}")
    if not args.dry_run:
        MODEL_PATH.write_text(json.dumps(model.model_dump(), sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
