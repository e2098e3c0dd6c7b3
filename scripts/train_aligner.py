"""Train the same-quantity pair classifier on the gold files and write checker/align/pair_model.json.

Every gold cluster is read, extracted and partitioned as the pipeline does it
(checker.evaluation.training.load_cluster), so the model is trained on what it scores at run
time. Each candidate configuration is judged by leave-one-cluster-out cross-validation
(checker.evaluation.crossval, the same code as `claimcheck eval --cv`): the held-out flag
F0.5 at the chosen min_confidence, less a penalty per trap grouped. The configuration that
wins is fitted on all clusters and stored with

* its calibration: an isotonic map from link score to P(one quantity), fitted on the pooled
  held-out scores, so a finding's confidence is what the score meant on unseen clusters;
* min_confidence: the least confidence a disagreement needs to count, chosen on the
  held-out flags for precision >= 0.9 (the best held-out F0.5 where no threshold reaches it);
* the cross-validated figures, for the README and for the next engineer.

    .venv/bin/python scripts/train_aligner.py [GOLD.yaml ...] [--config FAMILY:STRENGTH:THRESHOLD:LINKAGE]
        [--search] [--weak] [--dry-run] [--min-confidence P]

--config takes FAMILY:STRENGTH:THRESHOLD:LINKAGE[:DIFFERING_WEIGHT[:BAGS]].
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.align.pair_model import MODEL_PATH, load_pair_model  # noqa: E402
from checker.evaluation import EvalResult, format_table  # noqa: E402
from checker.evaluation.crossval import CrossValidation, cross_validate, format_sweep  # noqa: E402
from checker.evaluation.training import ModelConfig, fit_pair_model, load_cluster  # noqa: E402
from checker.nlp.embedding_model import embed_texts  # noqa: E402
from checker.pipeline import PipelineOptions, load_ruleset  # noqa: E402

# Candidates tried by --search: both families, two strengths each, two clustering thresholds.
SEARCH = [
    ModelConfig(family=family, strength=strength, threshold=threshold, linkage="average")
    for family, strength in (("logistic", 1.0), ("boosted_trees", 60), ("boosted_trees", 150))
    for threshold in (0.55, 0.65)
]
TRAP_PENALTY = 0.02  # per trap grouped on the held-out clusters


def objective(cv: CrossValidation) -> float:
    """Held-out flag F0.5 (precision counts twice) less a penalty per grouped trap."""
    p, r = cv.overall.flag_precision, cv.overall.flag_recall
    f_half = 1.25 * p * r / (0.25 * p + r) if p + r else 0.0
    return f_half - TRAP_PENALTY * cv.overall.trap_violations


def parse_config(text: str) -> ModelConfig:
    """FAMILY:STRENGTH:THRESHOLD:LINKAGE[:DIFFERING_WEIGHT[:BAGS]], e.g. boosted_trees:150:0.65:average:1:5."""
    family, strength, threshold, linkage, *rest = text.split(":")
    return ModelConfig(family=family, strength=float(strength), threshold=float(threshold), linkage=linkage,
                       differing_weight=float(rest[0]) if rest else 1.0, bags=int(rest[1]) if len(rest) > 1 else 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="*", type=Path, default=sorted((ROOT / "tests/data/gold").glob("*.yaml")))
    parser.add_argument("--config", type=parse_config, default=None, metavar="FAMILY:STRENGTH:THRESHOLD:LINKAGE[:DIFFERING_WEIGHT[:BAGS]]",
                        help="the configuration to fit (default: the stored model's)")
    parser.add_argument("--search", action="store_true", help="cross-validate every SEARCH configuration, keep the best")
    parser.add_argument("--weak", action="store_true", help="add the weak labels (off: on 13 clusters they did not raise held-out precision)")
    parser.add_argument("--dry-run", action="store_true", help="print the cross-validation, write nothing")
    parser.add_argument("--min-confidence", type=float, default=None, metavar="P",
                        help="store this min_confidence instead of the cross-validated choice (the sweep is printed to judge it)")
    args = parser.parse_args()

    options = PipelineOptions()
    rules = load_ruleset(options)
    clusters = [load_cluster(path, options, rules, embed_texts) for path in args.gold]
    for cluster in clusters:
        print(f"{cluster.name}: {len(cluster.claims)} claims, {len(cluster.label)} matched to gold", file=sys.stderr)

    candidates = SEARCH if args.search else [args.config or ModelConfig.of(load_pair_model())]
    best: CrossValidation | None = None
    for config in candidates:
        cv = cross_validate(clusters, config, rules, options, weak=args.weak)
        o = cv.overall
        print(f"{config.family:13} {config.strength:<5g} threshold={config.threshold} linkage={config.linkage}: "
              f"held-out flag P={o.flag_precision:.3f} R={o.flag_recall:.3f} align P={o.alignment_precision:.3f} "
              f"R={o.alignment_recall:.3f} traps={o.trap_violations} min_confidence={cv.min_confidence:.2f} "
              f"objective={objective(cv):.3f}", flush=True)
        if best is None or objective(cv) > objective(best):
            best = cv
    assert best is not None

    print(format_table(EvalResult(files=best.files, overall=best.overall, counts=best.counts)))
    print(format_sweep(best))
    o = best.overall
    min_confidence = best.min_confidence if args.min_confidence is None else args.min_confidence
    # the held-out flag figures at the stored min_confidence (the sweep's nearest point)
    point = min(best.sweep, key=lambda p: abs(p.min_confidence - min_confidence))
    model = fit_pair_model(clusters, best.config, weak=args.weak).model_copy(update={
        "trained_on": [c.name for c in clusters],
        **best.calibration,
        "min_confidence": min_confidence,
        "cross_validation": {
            "family": best.config.family, "strength": best.config.strength,
            "differing_weight": best.config.differing_weight, "bags": float(best.config.bags),
            "precision": round(o.alignment_precision, 4), "recall": round(o.alignment_recall, 4),
            "flag_precision": round(point.flag_precision, 4), "flag_recall": round(point.flag_recall, 4),
            "trap_violations": float(o.trap_violations), "weak_labels": "yes" if args.weak else "no",
        },
    })
    if not args.dry_run:
        MODEL_PATH.write_text(json.dumps(model.model_dump(), sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
