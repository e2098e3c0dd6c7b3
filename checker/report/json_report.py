"""The JSON report: the machine-readable contract (``schema_version``) for CI and tools.

It is the :class:`Report` itself, so ``Report.model_validate_json`` reads it back, made
deterministic: lists sorted by stable keys, object keys sorted, no timestamps, and no
``Infinity``/``NaN`` (invalid JSON) — an unbounded end of an interval, e.g. the high end of
"more than 100", is written as the largest finite double (1.7976931348623157e+308).
"""

from __future__ import annotations

import json
import math
import sys
from typing import Any

from checker.models import Report

_MAX = sys.float_info.max


def _finite(obj: Any) -> Any:
    """Replace non-finite floats so the output is valid JSON and still a valid Report."""
    if isinstance(obj, float):
        if math.isnan(obj):
            return None
        if math.isinf(obj):
            return _MAX if obj > 0 else -_MAX
        return obj
    if isinstance(obj, dict):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_finite(v) for v in obj]
    return obj


def canonical_report(report: Report) -> Report:
    """The same report with every list in a stable order (independent of pipeline order)."""
    return report.model_copy(
        update={
            "articles": sorted(report.articles, key=lambda a: a.id),
            "claims": sorted(report.claims, key=lambda c: (c.article_id, c.start, c.end, c.id)),
            "groups": sorted(
                (g.model_copy(update={"claim_ids": sorted(g.claim_ids)}) for g in report.groups),
                key=lambda g: g.id,
            ),
            # A finding's claim order is kept: its first claim is the primary location.
            "findings": sorted(report.findings, key=lambda f: (f.group_id, f.kind.value, f.fingerprint, f.id)),
            "input_errors": sorted(report.input_errors, key=lambda e: (e.path, e.line or 0, e.reason)),
            "warnings": sorted(report.warnings, key=lambda w: (w.path, w.message)),
        }
    )


def render_json(report: Report) -> str:
    data = _finite(canonical_report(report).model_dump(mode="json"))
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False) + "\n"
