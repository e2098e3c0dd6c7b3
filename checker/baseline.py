"""Baselines: accept today's findings so CI only fails on new ones.

``claimcheck baseline`` records each finding's fingerprint (plus kind, rule and message for
humans, and an optional reviewer ``note``) in a JSON or YAML file; later runs with
``--baseline FILE`` report only findings whose fingerprint is not in it. Fingerprints come
from the compare stage and are stable across runs and unrelated edits, so a baseline
survives re-ordering articles or touching other paragraphs.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from checker.models import Report

BASELINE_VERSION = "1"


class BaselineError(ValueError):
    """The baseline file is missing, unreadable or malformed; the message names the file."""


class BaselineEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    fingerprint: str
    kind: str
    rule: str
    message: str
    note: str | None = None


class Baseline(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str = BASELINE_VERSION
    tool: str = "claimcheck"
    findings: list[BaselineEntry] = []

    @property
    def fingerprints(self) -> frozenset[str]:
        return frozenset(e.fingerprint for e in self.findings)

    @property
    def notes(self) -> dict[str, str]:
        """Reviewer notes by fingerprint (to carry over when the baseline is rewritten)."""
        return {e.fingerprint: e.note for e in self.findings if e.note}


def _is_yaml(path: Path) -> bool:
    return path.suffix.lower() in (".yaml", ".yml")


def build_baseline(report: Report, notes: dict[str, str] | None = None) -> Baseline:
    notes = notes or {}
    entries = {
        f.fingerprint: BaselineEntry(fingerprint=f.fingerprint, kind=f.kind.value, rule=f.rule,
                                     message=f.message, note=notes.get(f.fingerprint))
        for f in report.findings
    }
    # Sorted by fingerprint: rewriting the baseline gives a small, reviewable diff.
    return Baseline(findings=[entries[fp] for fp in sorted(entries)])


def write_baseline(report: Report, path: str | Path, notes: dict[str, str] | None = None,
                   *, keep_existing_notes: bool = True) -> Baseline:
    """Record every finding of ``report`` in ``path`` (.json, or .yaml/.yml).

    Reviewer notes already in an existing baseline at ``path`` are kept for findings that
    are still there (unless ``keep_existing_notes`` is False); ``notes`` overrides them.
    """
    path = Path(path)
    merged: dict[str, str] = {}
    if keep_existing_notes and path.exists():
        with contextlib.suppress(BaselineError):  # a broken old file is simply replaced
            merged.update(load_baseline(path).notes)
    merged.update(notes or {})
    baseline = build_baseline(report, merged)
    data = baseline.model_dump(mode="json", exclude_none=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    if _is_yaml(path):
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    else:
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8")
    return baseline


def load_baseline(path: str | Path) -> Baseline:
    """Read a baseline; raise :class:`BaselineError` naming the file on any problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BaselineError(f"baseline file {path} does not exist (create it with `claimcheck baseline`)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"cannot read baseline file {path}: {exc}") from None
    try:
        data = yaml.safe_load(text) if _is_yaml(path) else json.loads(text)
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        kind = "YAML" if _is_yaml(path) else "JSON"
        raise BaselineError(f"baseline file {path} is not valid {kind}: {exc}") from None
    if not isinstance(data, dict):
        raise BaselineError(f"baseline file {path} must hold a mapping with a 'findings' list")
    try:
        baseline = Baseline.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '(top level)'}: {err['msg']}" for err in exc.errors()
        )
        raise BaselineError(f"baseline file {path} is malformed: {problems}") from None
    if baseline.version != BASELINE_VERSION:
        raise BaselineError(
            f"baseline file {path} has version {baseline.version!r}; this claimcheck reads {BASELINE_VERSION!r}"
        )
    return baseline


def filter_new(report: Report, baseline: Baseline) -> Report:
    """The report without baselined findings; articles, claims, groups and errors are kept."""
    known = baseline.fingerprints
    return report.model_copy(update={"findings": [f for f in report.findings if f.fingerprint not in known]})
