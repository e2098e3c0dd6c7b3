"""Terminal summary: counts, then one block per finding. Colour only on a terminal.

Article text is stripped of control characters so a crafted article cannot move the
cursor, rewrite earlier lines or change the terminal title via escape sequences.
"""

from __future__ import annotations

import os
import re
import sys

from checker.models import Report
from checker.report.view import SEVERITIES, build_view

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_COLOURS = {"error": "\033[1;31m", "warning": "\033[1;33m", "info": "\033[1;34m", "dim": "\033[2m", "bold": "\033[1m"}
_RESET = "\033[0m"


def _clean(value: object) -> str:
    return _CONTROL.sub("", str(value).replace("\n", " "))


def use_colour(stream=None) -> bool:
    """Colour when writing to a terminal, unless NO_COLOR is set (https://no-color.org)."""
    stream = stream if stream is not None else sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def render_text(report: Report, color: bool | None = None) -> str:
    colour = use_colour() if color is None else color

    def paint(style: str, text: str) -> str:
        return f"{_COLOURS[style]}{text}{_RESET}" if colour else text

    view = build_view(report)
    totals = view.severity_totals
    plural = {"error": "errors", "warning": "warnings", "info": "info"}
    counts = ", ".join(f"{totals[s]} {s if totals[s] == 1 else plural[s]}" for s in SEVERITIES if totals[s])
    lines = [
        paint("bold", "claimcheck")
        + f": {len(report.articles)} articles, {len(report.claims)} claims, {len(view.groups)} groups"
        + f" — {len(view.findings)} finding{'s' if len(view.findings) != 1 else ''}"
        + (f" ({counts})" if counts else ""),
    ]
    for f in view.findings:
        sev = f.finding.severity
        label = f.group.label
        rule = paint("dim", f"[{f.finding.rule}]")
        confidence = f"  confidence {f.confidence_label}" if f.confidence_label else ""
        lines += ["", f"{paint(sev, sev.upper())} {f.kind}  {_clean(label)}  {rule}{paint('dim', confidence)}",
                  f"  {_clean(f.finding.message)}"]
        for s in f.sources:
            when = f" {s.date}" if s.date else ""
            scope = f", {s.scope}" if s.scope else ""
            lines.append(
                f"  - {paint('dim', f'{s.path}:{s.location.line}:{s.location.column}')} {_clean(s.outlet)}{when}: "
                f"{_clean(s.claim.text)!r} {s.reading} {s.bound.replace('_', ' ')}{_clean(scope)} — {_clean(s.who)}"
            )
    if view.possible:
        lines += ["", paint("dim", f"{len(view.possible)} possible disagreement(s), not counted "
                                   "(not sure the claims are one quantity):")]
        for f in view.possible:
            sides = " vs ".join(f"{_clean(s.claim.text)!r} ({_clean(s.outlet)})" for s in f.sources)
            lines.append(f"  {f.kind}  {_clean(f.group.label)}: {sides}  confidence {f.confidence_label or '-'}")
    if view.input_errors:
        lines += ["", paint("error", f"{len(view.input_errors)} input error(s):")]
        for e in view.input_errors:
            where = f"{e.path}:{e.line}" if e.line else e.path
            lines.append(f"  {_clean(where)}: {_clean(e.reason)}")
    if view.warnings:
        lines += ["", paint("warning", f"{len(view.warnings)} warning(s):")]
        lines += [f"  {_clean(w.path)}: {_clean(w.message)}" for w in view.warnings]
    return "\n".join(lines) + "\n"
