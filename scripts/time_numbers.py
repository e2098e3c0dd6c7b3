#!/usr/bin/env python3
"""Time ``find_numbers`` on a 1 MB news text and on adversarial inputs; prints, asserts nothing.

Usage: ``python scripts/time_numbers.py``. The news text is the bundled corpora repeated
to one megabyte; the adversarial inputs are long runs that would expose quadratic
scanning (long digit or letter lines, runs of number words, chains of numbers).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checker.extract.numbers import find_numbers  # noqa: E402

DATA = ROOT / "tests" / "data"


def news_megabyte() -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted((DATA / "idlib-2020").glob("*.txt"))]
    texts += [json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted((DATA / "ecbplus").glob("*/*.json"))]
    corpus = "\n\n".join(texts)
    return (corpus * (1_000_000 // len(corpus) + 1))[:1_000_000]


ADVERSARIAL = {
    "200,000 digits": "1" * 200_000,
    "200,000 letters": "a" * 200_000,
    "'@' in a long word": "a" * 100_000 + "@" + "b" * 100_000,
    "30,000 numbers, one sentence": ", ".join(str(i) for i in range(30_000)),
    "50,000 x 'one'": " ".join(["one"] * 50_000),
    "30,000 x 'hundred and'": " and ".join(["hundred"] * 30_000),
    "50,000 hyphenated digits": "-".join(["1"] * 50_000),
    "100,000 x '- '": "- " * 100_000 + "5",
    "50,000 x 'more than'": "more than " * 50_000,
    "200,000 x '$'": "$" * 200_000,
    "50,000 comma groups, broken": "123," * 50_000 + "1234",
    "50,000 '123, ' (detokenised list)": ", ".join(["123"] * 50_000) + ", 1234",
    "50,000 dotted groups": "1." + "234." * 50_000,
    "50,000 spaced groups, broken": "123 " * 50_000 + "1234",
}


def timed(text: str) -> tuple[float, int]:
    started = time.perf_counter()
    count = len(find_numbers(text))
    return time.perf_counter() - started, count


def main() -> int:
    seconds, count = timed(news_megabyte())
    print(f"{'1 MB of news':32s} {seconds:7.2f}s  {count} mentions")
    for name, text in ADVERSARIAL.items():
        seconds, count = timed(text)
        print(f"{name:32s} {seconds:7.2f}s  {count} mentions  ({len(text):,} chars)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
