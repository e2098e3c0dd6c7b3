"""`claimcheck eval --cv`: leave one gold cluster out, retrain the pair model on the rest,
calibrate it on the other folds' held-out scores, and score the held-out cluster.

This is the honest figure for a story nobody tuned on. With ``trained_on`` only some clusters
are trained and calibrated on (the held-out one never), as the shipped model is trained on
the shared gold alone; the others are scored by models that never saw them, which is the
figure for the shipped configuration on a story from outside its training set. It also
chooses ``min_confidence``:
the least confidence a disagreement needs to count, swept over a grid and picked as the
threshold with the best held-out flag recall at a flag precision of at least the target.
"""

from __future__ import annotations

from pydantic import BaseModel

from checker.align import group_partitions
from checker.evaluation.metrics import Counts, FileResult, Metrics, evaluate
from checker.evaluation.training import GoldCluster, ModelConfig, ScoredPairs, calibrated, fit_pair_model, scored_pairs
from checker.lexicon import Lexicon
from checker.pipeline import PipelineOptions, assemble_report
from checker.ruleset import RuleSet


CONFIDENCE_GRID = tuple(round(0.05 * k, 2) for k in range(20))
TARGET_PRECISION = 0.9
# A held-out precision measured on fewer flags than this says nothing (2 of 2 is "1.0"),
# so such a threshold cannot be chosen for meeting the target.
MIN_SUPPORT = 10


class ThresholdPoint(BaseModel):
    """Held-out flag figures, all clusters summed, at one min_confidence."""

    min_confidence: float
    flag_precision: float
    flag_recall: float
    flags: int


class CrossValidation(BaseModel):
    config: ModelConfig
    min_confidence: float
    target_precision: float
    files: list[FileResult]  # each held-out cluster, at the chosen min_confidence
    overall: Metrics
    counts: Counts
    sweep: list[ThresholdPoint]
    # The pooled held-out calibration (PairModel.calibration's fields), for the model trained on all.
    calibration: dict[str, list[float]]
    # With trained_on: the held-out clusters outside the training set, summed.
    untrained_overall: Metrics | None = None
    untrained_counts: Counts | None = None


def cross_validate(
    clusters: list[GoldCluster],
    config: ModelConfig,
    rules: RuleSet,
    options: PipelineOptions = PipelineOptions(),
    target_precision: float = TARGET_PRECISION,
    grid: tuple[float, ...] = CONFIDENCE_GRID,
    weak: bool = False,
    trained_on: list[bool] | None = None,
) -> CrossValidation:
    """Leave-one-cluster-out figures of ``config``; every learned part is refitted per fold.

    ``trained_on[k]``: whether cluster k may be trained and calibrated on (default: all).
    """
    trainable = trained_on if trained_on is not None else [True] * len(clusters)
    if len(trainable) != len(clusters) or sum(trainable) < 2:
        # every fold must keep a cluster to train on once its own is left out
        raise ValueError("trained_on needs one flag per cluster and at least two clusters to train on")
    lexicon = Lexicon.from_rules(rules)
    fold_models = [
        fit_pair_model([c for k, c in enumerate(clusters) if k != held_out and trainable[k]], config, weak)
        for held_out in range(len(clusters))
    ]
    held_out_scores = [scored_pairs(model, cluster) for model, cluster in zip(fold_models, clusters)]
    results: dict[float, list[FileResult]] = {t: [] for t in grid}
    for k, (model, cluster) in enumerate(zip(fold_models, clusters)):
        others = [s for j, s in enumerate(held_out_scores) if j != k and trainable[j]]
        model = calibrated(model, ScoredPairs.concatenate(others))
        groups = group_partitions(cluster.parts, model, lexicon)
        for threshold in grid:
            report = assemble_report(
                cluster.articles, cluster.claims, options, rules,
                aligner=lambda *_: groups, min_confidence=threshold,
            )
            results[threshold].append(evaluate(cluster.name, cluster.gold, report))

    sweep = []
    for threshold in grid:
        total = _sum(results[threshold])
        metrics = Metrics.from_counts(total)
        sweep.append(ThresholdPoint(min_confidence=threshold, flag_precision=round(metrics.flag_precision, 4),
                                    flag_recall=round(metrics.flag_recall, 4), flags=total.flags))
    chosen = choose_min_confidence(sweep, target_precision)
    total = _sum(results[chosen])
    pooled = calibrated(fold_models[0], ScoredPairs.concatenate([s for s, t in zip(held_out_scores, trainable) if t]))
    untrained = [f for f, t in zip(results[chosen], trainable) if not t]
    untrained_total = _sum(untrained) if untrained else None
    return CrossValidation(
        config=config, min_confidence=chosen, target_precision=target_precision, files=results[chosen],
        overall=Metrics.from_counts(total), counts=total, sweep=sweep, calibration=pooled.calibration,
        untrained_overall=Metrics.from_counts(untrained_total) if untrained_total is not None else None,
        untrained_counts=untrained_total,
    )


def choose_min_confidence(sweep: list[ThresholdPoint], target_precision: float) -> float:
    """The threshold with the best recall among those that keep some flags at or above the
    target precision on at least MIN_SUPPORT flags (the lowest such on a tie). Where none
    reaches it, the one with the best F0.5 (precision weighted twice recall) among those that
    keep any flag: a threshold that silences every finding would make the tool say nothing."""
    flagging = [p for p in sweep if p.flags > 0 and p.flag_recall > 0]
    if not flagging:
        return min(p.min_confidence for p in sweep)
    meeting = [p for p in flagging if p.flag_precision >= target_precision and p.flags >= MIN_SUPPORT]
    if meeting:
        return max(meeting, key=lambda p: (p.flag_recall, -p.min_confidence)).min_confidence
    return max(flagging, key=lambda p: (_f_half(p), -p.min_confidence)).min_confidence


def _f_half(point: ThresholdPoint) -> float:
    p, r = point.flag_precision, point.flag_recall
    return 1.25 * p * r / (0.25 * p + r) if p + r else 0.0


def _sum(files: list[FileResult]) -> Counts:
    total = Counts()
    for f in files:
        total = total + f.counts
    return total


def format_sweep(cv: CrossValidation) -> str:
    """One line per threshold: held-out flag precision and recall."""
    lines = [f"held-out flags by min_confidence (target precision {cv.target_precision:.2f}; * = chosen):"]
    for p in cv.sweep:
        mark = "*" if p.min_confidence == cv.min_confidence else " "
        lines.append(f" {mark} {p.min_confidence:4.2f}  flag P {p.flag_precision:.3f}  flag R {p.flag_recall:.3f}  flags {p.flags}")
    return "\n".join(lines)
