"""Pair examples from gold clusters and the fit of the same-quantity classifier.

One public path for scripts/train_aligner.py and `claimcheck eval --cv`: a gold cluster is
read, extracted and partitioned exactly as the pipeline does it (align.partition_pairs),
so what is trained on is what is scored at run time.

Labels: claims matched to mentions of one gold group are one quantity; matched claims of
different groups, trap sides, and a matched claim against an unannotated one (the gold
annotates every quantity two documents share) are not. Weak labels, on request
(``weak=True``): in one article, the same figure counting the same thing (headline, lead
and body repeat it) is one quantity; different figures listed in one sentence are different
quantities. Measured leave-one-cluster-out on the 13 gold clusters they did not raise
held-out flag or alignment precision (README), so they are off by default.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from checker.align import PartitionPairs, partition_pairs, score_partition, values_differ
from checker.align.features import FEATURE_NAMES
from checker.align.pair_model import PairModel, Tree
from checker.evaluation.gold import GoldFile, corpus_paths, load_gold
from checker.evaluation.matching import best_claim, locate
from checker.ingest import read_inputs
from checker.lexicon import Lexicon
from checker.models import Article, Claim
from checker.pipeline import PipelineOptions, check_articles
from checker.ruleset import RuleSet

Embed = Callable[[list[str]], np.ndarray]

# Example weights: a trap is the costliest mistake, a pair with one side unannotated the
# least certain negative, a weak label weaker still.
TRAP_WEIGHT = 3.0
ANNOTATED_WEIGHT = 1.0
HALF_ANNOTATED_WEIGHT = 0.5
WEAK_WEIGHT = 0.25


class ModelConfig(BaseModel):
    """What is fitted: the family, its strength (C for logistic, trees for boosted), and the
    clustering settings stored with it."""

    model_config = ConfigDict(frozen=True)

    family: Literal["logistic", "boosted_trees"] = "boosted_trees"
    strength: float = 150
    threshold: float = 0.65
    linkage: str = "average"
    # Extra weight on labelled pairs whose values differ: every disagreement finding rests
    # on such a pair, and they are a small share of all pairs.
    differing_weight: float = 1.0
    # Boosted trees: average this many models, each fitted on a random 80% of the pairs (a
    # seed apiece), to steady a fit that small changes of the training data would swing.
    bags: int = 1

    @classmethod
    def of(cls, model: PairModel) -> "ModelConfig":
        """The configuration a stored model was fitted with."""
        strength = float(model.cross_validation.get("strength", len(model.trees) or 1.0))
        differing_weight = float(model.cross_validation.get("differing_weight", 1.0))
        bags = int(model.cross_validation.get("bags", 1))
        return cls(family=model.family, strength=strength, threshold=model.threshold, linkage=model.linkage,
                   differing_weight=differing_weight, bags=bags)


@dataclass
class GoldCluster:
    """One gold file's articles and claims as the pipeline extracts them, with gold labels."""

    name: str
    gold: GoldFile
    articles: list[Article]
    claims: list[Claim]
    label: dict[str, str]  # claim id -> gold group id (matched claims only)
    traps: set[frozenset[str]]
    parts: list[PartitionPairs] = field(default_factory=list)


def load_cluster(path: Path, options: PipelineOptions, rules: RuleSet, embed: Embed) -> GoldCluster:
    """Read, extract and partition one gold file's corpus, and label its claims."""
    gold = load_gold(path)
    ingested = read_inputs(corpus_paths(path, gold))
    report = check_articles(ingested.articles, options, rules, embed, align=False)
    articles = {a.id.split("/")[-1]: a for a in report.articles}
    by_doc: dict[str, list[Claim]] = {}
    for claim in report.claims:
        by_doc.setdefault(claim.article_id.split("/")[-1], []).append(claim)

    def match(doc: str, context: str, number: str) -> Claim | None:
        article = articles.get(doc)
        span = locate(article, context, number) if article else None
        return best_claim(by_doc.get(doc, []), span) if span else None

    label = {}
    for group in gold.groups:
        for mention in group.mentions:
            claim = match(mention.doc, mention.context, mention.number)
            if claim is not None:
                label[claim.id] = group.id
    traps = set()
    for trap in gold.traps:
        a, b = match(trap.a.doc, trap.a.context, trap.a.number), match(trap.b.doc, trap.b.context, trap.b.number)
        if a and b and a.id != b.id:
            traps.add(frozenset((a.id, b.id)))
    lexicon = Lexicon.from_rules(rules)
    parts = partition_pairs(list(report.articles), report.claims, lexicon, embed, options.align)
    return GoldCluster(path.name, gold, list(report.articles), report.claims, label, traps, parts)


def pair_label(cluster: GoldCluster, a: Claim, b: Claim) -> tuple[int, float] | None:
    """(same quantity?, weight) of a pair, or None where nothing is known of it."""
    ga, gb = cluster.label.get(a.id), cluster.label.get(b.id)
    if frozenset((a.id, b.id)) in cluster.traps:
        return 0, TRAP_WEIGHT
    if ga is not None and gb is not None:
        return int(ga == gb), ANNOTATED_WEIGHT
    if ga is not None or gb is not None:
        return 0, HALF_ANNOTATED_WEIGHT
    return _weak_label(a, b)


def _weak_label(a: Claim, b: Claim) -> tuple[int, float] | None:
    if a.article_id != b.article_id:
        return None
    if a.sentence_start == b.sentence_start and a.value.point != b.value.point:
        return 0, WEAK_WEIGHT  # "3 killed and 12 wounded": a list of different quantities
    same_thing = a.counted_head and a.counted_head == b.counted_head and a.predicate == b.predicate
    if same_thing and a.value == b.value and a.unit == b.unit and a.sentence_start != b.sentence_start:
        return 1, WEAK_WEIGHT  # the headline's figure repeated in the body
    return None


def labelled_pairs(cluster: GoldCluster, weak: bool = False, candidates: bool = False):
    """(partition index, i, j, label, weight) of every allowed pair with a label; with
    ``candidates``, of every pair allowed before the pairs kept apart are taken out (what
    the classifier is fitted on, so rules that keep pairs apart leave the model as it is)."""
    for p, part in enumerate(cluster.parts):
        pairs = part.candidates if candidates and part.candidates is not None else part.allowed
        rows, cols = np.nonzero(np.triu(pairs, k=1))
        for i, j in zip(rows.tolist(), cols.tolist()):
            a, b = part.claims[i], part.claims[j]
            known = pair_label(cluster, a, b)
            if known is None or (not weak and known[1] == WEAK_WEIGHT):
                continue
            yield p, i, j, known[0], known[1]


def training_data(
    clusters: list[GoldCluster], weak: bool = False, differing_weight: float = 1.0
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and weights of the labelled pairs of ``clusters``."""
    X, y, w = [], [], []
    for cluster in clusters:
        differing = [values_differ(part.features) for part in cluster.parts]
        for p, i, j, label, weight in labelled_pairs(cluster, weak, candidates=True):
            X.append(cluster.parts[p].features[i, j])
            y.append(label)
            w.append(weight * (differing_weight if differing[p][i, j] else 1.0))
    if not X:
        return np.zeros((0, len(FEATURE_NAMES)), dtype=np.float32), np.zeros(0, dtype=int), np.zeros(0)
    return np.array(X), np.array(y), np.array(w)


def fit_pair_model(clusters: list[GoldCluster], config: ModelConfig, weak: bool = False) -> PairModel:
    """Fit the pair classifier on ``clusters`` with ``config``."""
    X, y, w = training_data(clusters, weak, config.differing_weight)
    common = dict(feature_names=FEATURE_NAMES, threshold=config.threshold, linkage=config.linkage)
    if config.family == "logistic":
        scaler = StandardScaler().fit(X)
        scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
        clf = LogisticRegression(C=config.strength, class_weight="balanced", max_iter=2000)
        clf.fit((X - scaler.mean_) / scale, y, sample_weight=w)
        return PairModel(family="logistic", mean=scaler.mean_.tolist(), scale=scale.tolist(),
                         coef=clf.coef_[0].tolist(), intercept=float(clf.intercept_[0]), **common)
    # Balance the classes by weight, as class_weight="balanced" does for the logistic model.
    balance = np.where(y == 1, len(y) / (2 * max(1, y.sum())), len(y) / (2 * max(1, (1 - y).sum())))
    fitted = []
    for seed in range(config.bags):
        subsample = 1.0 if config.bags == 1 else 0.8
        clf = GradientBoostingClassifier(n_estimators=int(config.strength), max_depth=3, learning_rate=0.1,
                                         subsample=subsample, random_state=seed)
        fitted.append(clf.fit(X, y, sample_weight=w * balance))
    # The mean of the bags' logits is one boosted model: every bag's trees at a learning rate
    # divided by the number of bags, and the mean of their intercepts.
    trees = []
    for clf in fitted:
        for estimator in clf.estimators_[:, 0]:
            t = estimator.tree_
            trees.append(Tree(feature=t.feature.tolist(), threshold=t.threshold.tolist(), left=t.children_left.tolist(),
                              right=t.children_right.tolist(), value=t.value[:, 0, 0].tolist()))
    intercept = float(np.mean([clf._raw_predict_init(X[:1])[0, 0] for clf in fitted]))
    model = PairModel(family="boosted_trees", learning_rate=0.1 / config.bags, trees=trees, intercept=intercept, **common)
    # The numpy re-implementation must agree with scikit-learn's own prediction.
    logits = np.mean([clf.decision_function(X[:200]) for clf in fitted], axis=0)
    assert np.allclose(model.probabilities(X[:200]), 1.0 / (1.0 + np.exp(-logits)), atol=1e-6)
    return model


@dataclass(frozen=True)
class ScoredPairs:
    """A cluster's gold-labelled pairs (weak labels left out) under one model: what
    calibration is fitted on."""

    scores: np.ndarray  # final pair scores, rule links applied
    labels: np.ndarray  # 1.0 one quantity, 0.0 not
    differ: np.ndarray  # bool: the pair's values do not overlap

    @staticmethod
    def concatenate(parts: list["ScoredPairs"]) -> "ScoredPairs":
        return ScoredPairs(*(np.concatenate([getattr(p, name) for p in parts]) for name in ("scores", "labels", "differ")))


def scored_pairs(model: PairModel, cluster: GoldCluster) -> ScoredPairs:
    """The scores, labels and value agreement of a cluster's gold-labelled pairs."""
    probabilities = [score_partition(part, model) for part in cluster.parts]
    differing = [values_differ(part.features) for part in cluster.parts]
    scores, labels, differ = [], [], []
    for p, i, j, label, _ in labelled_pairs(cluster, weak=False):
        scores.append(probabilities[p][i, j])
        labels.append(label)
        differ.append(differing[p][i, j])
    return ScoredPairs(np.array(scores, dtype=np.float64), np.array(labels, dtype=np.float64), np.array(differ, dtype=bool))


def calibrated(model: PairModel, pairs: ScoredPairs) -> PairModel:
    """``model`` with isotonic calibrations fitted on held-out ``pairs``: one for all pairs,
    one for the pairs whose values differ."""
    xs, ys = fit_calibration(pairs.scores, pairs.labels)
    dxs, dys = fit_calibration(pairs.scores[pairs.differ], pairs.labels[pairs.differ])
    return model.model_copy(update={
        "calibration_x": xs, "calibration_y": ys, "differing_calibration_x": dxs, "differing_calibration_y": dys,
    })


def fit_calibration(scores: np.ndarray, labels: np.ndarray) -> tuple[list[float], list[float]]:
    """Isotonic map from pair score to P(one quantity), as knots for np.interp."""
    if len(scores) < 2 or len(set(labels.tolist())) < 2:
        return [], []
    iso = IsotonicRegression(y_min=0.0, y_max=1.0, increasing=True, out_of_bounds="clip").fit(scores, labels)
    return [round(float(x), 6) for x in iso.X_thresholds_], [round(float(y), 6) for y in iso.y_thresholds_]
