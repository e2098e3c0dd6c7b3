"""`claimcheck eval`: run the checker on gold-annotated clusters and score it."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

from pydantic import BaseModel

from checker.evaluation.gold import corpus_paths, load_gold
from checker.evaluation.metrics import Counts, FileResult, Metrics, evaluate
from checker.models import Report

CheckFn = Callable[[list[Path]], Report]


class EvalResult(BaseModel):
    files: list[FileResult]
    overall: Metrics
    counts: Counts


def run_eval(gold_paths: Sequence[Path], check: CheckFn) -> EvalResult:
    """Check each gold file's corpus with ``check`` and score it; overall sums the counts."""
    files = []
    total = Counts()
    for path in gold_paths:
        gold = load_gold(path)
        report = check(corpus_paths(path, gold))
        result = evaluate(path.name, gold, report)
        files.append(result)
        total = total + result.counts
    return EvalResult(files=files, overall=Metrics.from_counts(total), counts=total)


_COLUMNS = [
    ("mention_recall", "mention R"),
    ("value_accuracy", "value acc"),
    ("bound_accuracy", "bound acc"),
    ("source_accuracy", "source acc"),
    ("alignment_precision", "align P"),
    ("alignment_recall", "align R"),
    ("flag_recall", "flag R"),
    ("flag_precision", "flag P"),
    ("trap_violations", "traps"),
]


def format_table(result: EvalResult, details: bool = True) -> str:
    """A plain-text table, per file and overall, then what was missed and falsely flagged."""
    header = f"{'gold file':32} " + " ".join(f"{label:>10}" for _, label in _COLUMNS)
    lines = [header, "-" * len(header)]
    for f in result.files:
        lines.append(_row(f.gold, f.metrics))
    lines.append("-" * len(header))
    lines.append(_row("overall", result.overall))
    if details:
        for f in result.files:
            sections = [
                ("missed mentions", f.missed_mentions),
                ("wrong value/bound", f.wrong_values),
                ("wrong source", f.wrong_sources),
                ("required groups not flagged", f.missed_flags),
                ("false flags", f.false_flags),
                ("trap violations", f.violated_traps),
            ]
            if any(items for _, items in sections):
                lines.append("")
                lines.append(f"== {f.gold} ({f.cluster})")
                for title, items in sections:
                    if items:
                        lines.append(f"  {title} ({len(items)}):")
                        lines.extend(f"    - {item}" for item in items)
    return "\n".join(lines)


def _row(name: str, m: Metrics) -> str:
    cells = []
    for key, _ in _COLUMNS:
        value = getattr(m, key)
        cells.append(f"{value:>10d}" if isinstance(value, int) else f"{value:>10.3f}")
    return f"{name:32} " + " ".join(cells)
