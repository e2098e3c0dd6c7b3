#!/usr/bin/env python3
"""Run claimcheck's number normaliser over the Microsoft Recognizers-Text English specs.

Usage: ``python scripts/run_recognizers_specs.py [--failures] [--spec-dir DIR]``

Each spec case is an input sentence and the expressions Recognizers-Text expects to
find. A case passes when the *multiset of resolved values* ``find_numbers`` reports
(through the adapter for that model, below) equals the expected one. Values are compared
with a relative tolerance of 1e-9 (the specs print 15 significant digits).

Why values and not Text/Start/End: claimcheck's span conventions differ on purpose. A
mention includes its bound and unit ("more than 100", "85 million euros") where
Recognizers' NumberModel reports the bare number, and Recognizers' range model leaves
"about" out. Comparing values (and, for ranges, both ends with their open/closed
brackets) checks what a normaliser is for; offsets are checked by claimcheck's own tests.

Adapters, one per model (``find_numbers`` runs with ``approx_tolerance=0`` so intervals
are the written numbers):

* NumberModel: every mention that is not an ordinal, a clock time, a vague amount, or a
  measure with a physical unit ("180ml", "29km" belong to Recognizers' NumberWithUnit
  models, not its NumberModel). Ranges give both ends. A proportion claimcheck reports in
  percent but the text writes as a fraction ("two thirds" -> 66.67 %) is divided by 100
  back to the fraction the spec expects; a mention is a written percentage when its text
  has "%", "percent", "per cent", "pct" or "pc".
* PercentModel: mentions of kind percent whose text is a written percentage.
* NumberRangeModel: ranges as ``[low,high)`` (the spec's convention for "20-30",
  "between 20 and 30"); ``more than x`` -> ``(x,)``, ``at least x`` -> ``[x,)``,
  ``less than x`` -> ``(,x)``, ``at most x`` -> ``(,x]``; an exact mention whose text
  opens with an equality word ("equal to 20") -> ``[20,20]``. claimcheck reports each
  one-sided bound as its own claim, so two mentions joined only by "and"/"but"/"," that
  bound the same number from both sides ("more than 10 and less than 40") are fused into
  one interval ``(10,40)`` as Recognizers does; "about" is ignored as Recognizers ignores it.
* Age (extra): durations (unit year/month/week/day) as (value, unit); the spec's unit
  "Age" (a bare "age 87") means years.
* Temperature (extra): measures in C, F or degrees as (value, unit).

Expected results whose value is null are unit words without a number ("convert 10
celsius to *fahrenheit*", "calculate a *percentage*"); ``find_numbers`` reports only
expressions with a number, so they are left out of the expected multiset. The report
prints how many cases pass only because of that ("null-only"), so the strict count can
be read off too.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checker.extract.numbers import find_numbers  # noqa: E402
from checker.models import Bound, NumberMention, QuantityKind  # noqa: E402

SPEC_DIR = ROOT / "tests" / "data" / "peer-specs" / "recognizers-text"
MAIN_SPECS = {
    "Number_English_NumberModel.json": "number",
    "Number_English_PercentModel.json": "percent",
    "Number_English_NumberRangeModel.json": "range",
}
EXTRA_SPECS = {
    "NumberWithUnit_English_AgeModel.json": "age",
    "NumberWithUnit_English_TemperatureModel.json": "temperature",
}
REL_TOL = 1e-9

_WRITTEN_PERCENT = re.compile(r"%|٪|\bper\s*-?\s*cents?\b|\bpercent(?:s|age)?\b|\bpct\b|\d\s*pc\b", re.I)
_EQUALITY = re.compile(r"^\s*(?:is\s+)?(?:equal(?:s|ing|ling)?(?:\s+to)?|=|exactly|precisely)\b|^\s*=", re.I)
_FUSE_GAP = re.compile(r"^\s*(?:,|and|but|,\s*and|,\s*but)\s*$", re.I)
_AGE_UNITS = {"year": "Year", "month": "Month", "week": "Week", "day": "Day"}
_TEMPERATURE_UNITS = {"C": "C", "F": "F", "degree": "Degree"}

Interval = tuple[str, float | None, float | None, str]


@dataclass
class Outcome:
    model: str
    passed: int = 0
    total: int = 0
    null_only: int = 0  # passes that hold only because null-valued expectations are left out
    failures: list[tuple[str, object, object]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.passed / self.total if self.total else 0.0


# --------------------------------------------------------------------------- adapters


def _value(mention: NumberMention, x: float) -> float:
    """A proportion claimcheck reports in percent, back to the fraction the text writes."""
    if mention.kind == QuantityKind.percent and not _WRITTEN_PERCENT.search(mention.text):
        return x / 100
    return x


def number_values(mentions: list[NumberMention]) -> list[float]:
    values: list[float] = []
    for m in mentions:
        if m.kind in (QuantityKind.ordinal, QuantityKind.time) or m.vague:
            continue
        if m.kind == QuantityKind.measure:
            continue
        values.append(_value(m, m.value.point))
        if m.is_range:
            values.append(_value(m, m.value.high))
    return values


def percent_values(mentions: list[NumberMention]) -> list[float]:
    return [m.value.point for m in mentions if m.kind == QuantityKind.percent and _WRITTEN_PERCENT.search(m.text)]


def range_intervals(mentions: list[NumberMention], text: str) -> list[Interval]:
    sided: list[tuple[NumberMention, Interval]] = []
    for m in mentions:
        if m.vague:
            continue
        p = _value(m, m.value.point)
        if m.is_range:
            sided.append((m, ("[", p, _value(m, m.value.high), ")")))
        elif m.bound == Bound.more_than:
            sided.append((m, ("(", p, None, ")")))
        elif m.bound == Bound.at_least:
            sided.append((m, ("[", p, None, ")")))
        elif m.bound == Bound.less_than:
            sided.append((m, ("(", None, p, ")")))
        elif m.bound == Bound.at_most:
            sided.append((m, ("(", None, p, "]")))
        elif m.bound == Bound.exact and _EQUALITY.search(m.text):
            sided.append((m, ("[", p, p, "]")))
    return _fuse(sided, text)


def _fuse(sided: list[tuple[NumberMention, Interval]], text: str) -> list[Interval]:
    """Join a lower and an upper bound written side by side ("above 1000 and below 1500")."""
    out: list[Interval] = []
    k = 0
    while k < len(sided):
        m, a = sided[k]
        if k + 1 < len(sided):
            n, b = sided[k + 1]
            fused = _fused(a, b)
            if fused is not None and _FUSE_GAP.match(text[m.end : n.start]):
                out.append(fused)
                k += 2
                continue
        out.append(a)
        k += 1
    return out


def _fused(a: Interval, b: Interval) -> Interval | None:
    lower, upper = (a, b) if a[1] is not None and a[2] is None else (b, a)
    if lower[1] is None or lower[2] is not None or upper[2] is None or upper[1] is not None:
        return None
    if not lower[1] < upper[2]:
        return None
    return (lower[0], lower[1], upper[2], upper[3])


def age_values(mentions: list[NumberMention]) -> list[tuple[float, str]]:
    out = []
    for m in mentions:
        if m.kind == QuantityKind.duration and m.unit in _AGE_UNITS:
            out.append((m.value.point, _AGE_UNITS[m.unit]))
            if m.is_range:
                out.append((m.value.high, _AGE_UNITS[m.unit]))
    return out


def temperature_values(mentions: list[NumberMention]) -> list[tuple[float, str]]:
    return [
        (m.value.point, _TEMPERATURE_UNITS[m.unit])
        for m in mentions
        if m.kind == QuantityKind.measure and m.unit in _TEMPERATURE_UNITS
    ]


# --------------------------------------------------------------------------- expectations


def _parse_interval(text: str) -> Interval:
    left, right = text[0], text[-1]
    low_text, high_text = text[1:-1].split(",")
    low = float(low_text) if low_text.strip() else None
    high = float(high_text) if high_text.strip() else None
    return (left, low, high, right)


def expected(case: dict, model: str) -> tuple[list, bool]:
    """The expected values of a case for ``model``, and whether null-valued ones were dropped."""
    out = []
    dropped = False
    for result in case.get("Results", []):
        resolution = result.get("Resolution") or {}
        value = resolution.get("value")
        if value in (None, "null"):
            dropped = True
            continue
        if model == "number":
            out.append(float(value))
        elif model == "percent":
            out.append(float(str(value).rstrip("%")))
        elif model == "range":
            out.append(_parse_interval(value))
        else:
            unit = resolution.get("unit")
            unit = "Year" if unit == "Age" else unit
            out.append((float(value), unit))
    return out, dropped


def actual(text: str, model: str) -> list:
    mentions = find_numbers(text, None, approx_tolerance=0.0)
    if model == "number":
        return number_values(mentions)
    if model == "percent":
        return percent_values(mentions)
    if model == "range":
        return range_intervals(mentions, text)
    if model == "age":
        return age_values(mentions)
    return temperature_values(mentions)


# --------------------------------------------------------------------------- comparison


def _close(a: object, b: object) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        if a is None or b is None:
            return a is b
        return math.isclose(float(a), float(b), rel_tol=REL_TOL, abs_tol=1e-12)
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b))
    return a == b


def same_multiset(got: list, want: list) -> bool:
    """Equal as multisets, numbers compared with a relative tolerance."""
    if len(got) != len(want):
        return False
    remaining = list(want)
    for item in got:
        match = next((k for k, other in enumerate(remaining) if _close(item, other)), None)
        if match is None:
            return False
        remaining.pop(match)
    return True


def run_spec(path: Path, model: str) -> Outcome:
    outcome = Outcome(model=path.name)
    for case in json.loads(path.read_text(encoding="utf-8")):
        want, dropped = expected(case, model)
        got = actual(case["Input"], model)
        outcome.total += 1
        if same_multiset(got, want):
            outcome.passed += 1
            outcome.null_only += dropped
        else:
            outcome.failures.append((case["Input"], got, want))
    return outcome


def run_all(spec_dir: Path = SPEC_DIR, extra: bool = True) -> list[Outcome]:
    specs = {**MAIN_SPECS, **(EXTRA_SPECS if extra else {})}
    return [run_spec(spec_dir / name, model) for name, model in specs.items()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--failures", action="store_true", help="print every failing case")
    parser.add_argument("--spec-dir", type=Path, default=SPEC_DIR)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    outcomes = run_all(args.spec_dir)
    for outcome in outcomes:
        extra = " (extra)" if outcome.model in EXTRA_SPECS else ""
        print(
            f"{outcome.model:48s} {outcome.passed:4d}/{outcome.total:<4d} {outcome.rate:7.1%}"
            f"   null-only passes: {outcome.null_only}{extra}"
        )
        if args.failures:
            for text, got, want in outcome.failures:
                print(f"    FAIL {text!r}\n         got  {got}\n         want {want}")
    print(f"({time.perf_counter() - started:.2f}s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
