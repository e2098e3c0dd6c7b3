"""File/line/column locations for claims, computed from the article's original file.

Every offset in the pipeline points into :attr:`Article.text`. Reporters (SARIF, GitHub
annotations, JUnit, the HTML report) need positions in the *file* instead, 1-based, so an
editor or code-scanning UI can jump to the number. How the text maps onto the file depends
on the input format:

* txt/md (``text_in_file=True``): the text is verbatim in the file, possibly after a stripped
  prefix such as a `` date 2020-02-15`` line. We look the text up in the raw file to learn
  exactly where it begins; if the file cannot be read (moved, deleted) we fall back to
  ``Article.line_offset``.
* JSON/JSONL/HTML (``text_in_file=False``): the text was decoded from the file, so offsets do
  not map. We search the raw file for the claim's sentence (as written, or JSON-escaped) and
  then for the number inside it; failing that, for the number alone; failing that, line 1.

Columns count Unicode code points (SARIF ``columnKind: unicodeCodePoints``).
"""

from __future__ import annotations

import bisect
import html
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath

from checker.models import Article, Claim


@dataclass(frozen=True)
class Location:
    """A span in a file. Lines and columns are 1-based; ``end_column`` is exclusive."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    exact: bool = True  # False when we could only guess (e.g. JSON input, sentence not found)


class _LineIndex:
    """Maps character offsets in a string to 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def line_col(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1


@lru_cache(maxsize=256)
def _raw_file(path: str, mtime_ns: int) -> _LineIndex | None:
    # mtime in the cache key: a file edited between runs in one process is re-read.
    try:
        # Universal newlines, like the ingest stage, so '\r\n' files map the same way.
        with open(path, encoding="utf-8-sig", errors="replace") as fh:
            return _LineIndex(fh.read())
    except OSError:
        return None


def _read_raw(path: str) -> tuple[_LineIndex | None, int]:
    """The file's line index (None if unreadable) and the mtime it was read at."""
    try:
        mtime = os.stat(path).st_mtime_ns
    except OSError:
        return None, 0
    return _raw_file(path, mtime), mtime


def _encoded_forms(s: str) -> list[str]:
    """How ``s`` may be written in a raw JSON or HTML file: as is, JSON-escaped, HTML-escaped."""
    forms = [s, json.dumps(s, ensure_ascii=False)[1:-1], json.dumps(s)[1:-1], html.escape(s, quote=False)]
    return list(dict.fromkeys(f for f in forms if f))  # de-duplicate, keep order


@lru_cache(maxsize=1024)
def _text_base(path: str, mtime_ns: int, text: str) -> int | None:
    """Character offset in the raw file where ``text`` starts, if it is there verbatim."""
    raw = _raw_file(path, mtime_ns)
    if raw is None:
        return None
    pos = raw.text.find(text)
    if pos < 0:
        # The ingest may have trimmed trailing whitespace or normalised the tail; the head
        # is enough to anchor the offsets.
        head = text[:200]
        pos = raw.text.find(head) if head else -1
    return pos if pos >= 0 else None


def locate_span(article: Article, start: int, end: int, *, sentence: str | None = None,
                number: str | None = None) -> Location:
    """Location in ``article.path`` of ``article.text[start:end]``.

    ``sentence``/``number`` help find the span in files whose text is not verbatim (JSON).
    """
    path = article.path
    raw, mtime = _read_raw(path)
    if article.text_in_file:
        base = _text_base(path, mtime, article.text) if raw is not None else None
        if base is not None:
            line, col = raw.line_col(base + start)
            end_line, end_col = raw.line_col(base + end)
            return Location(path, line, col, end_line, end_col)
        # File unreadable or changed: trust the ingest's line offset.
        index = _LineIndex(article.text)
        line, col = index.line_col(start)
        end_line, end_col = index.line_col(end)
        off = article.line_offset
        return Location(path, line + off, col, end_line + off, end_col, exact=False)
    return _locate_in_encoded_file(article, raw, start, end, sentence, number)


def _locate_in_encoded_file(article: Article, raw: _LineIndex | None, start: int, end: int,
                            sentence: str | None, number: str | None) -> Location:
    number = number if number is not None else article.text[start:end]
    record_line = article.line_offset + 1  # JSONL: the record's own line
    if raw is not None:
        # Search the record's line first (a JSONL file may repeat a sentence in another
        # record), then the whole file.
        windows = [(0, len(raw.text))]
        if article.line_offset > 0 and record_line <= len(raw.line_starts):
            line_start = raw.line_starts[record_line - 1]
            line_end = raw.text.find("\n", line_start)
            windows.insert(0, (line_start, len(raw.text) if line_end < 0 else line_end))
        for lo, hi in windows:
            found = _find_claim(raw, lo, hi, sentence, number)
            if found is not None:
                pos, length, exact = found
                return _span(article.path, raw, pos, pos + length, exact)
    return Location(article.path, record_line, 1, record_line, 1, exact=False)


def _find_claim(raw: _LineIndex, lo: int, hi: int, sentence: str | None,
                number: str) -> tuple[int, int, bool] | None:
    """(offset, length, exact) of the number inside its sentence, else of the sentence or
    of the number alone (both inexact), within ``raw.text[lo:hi]``."""
    text = raw.text
    if sentence:
        for form in _encoded_forms(sentence):
            s_pos = text.find(form, lo, hi)
            if s_pos < 0:
                continue
            for num_form in _encoded_forms(number):
                n_pos = text.find(num_form, s_pos, s_pos + len(form))
                if n_pos >= 0:
                    return n_pos, len(num_form), True
            return s_pos, len(form), False
    for num_form in _encoded_forms(number) if number else []:
        n_pos = text.find(num_form, lo, hi)
        if n_pos >= 0:
            return n_pos, len(num_form), False
    return None


def _span(path: str, raw: _LineIndex, start: int, end: int, exact: bool = True) -> Location:
    line, col = raw.line_col(start)
    end_line, end_col = raw.line_col(end)
    return Location(path, line, col, end_line, end_col, exact)


def locate_claim(article: Article, claim: Claim) -> Location:
    """Location of the claim's numeric expression in its article's file."""
    return locate_span(article, claim.start, claim.end, sentence=claim.sentence, number=claim.text)


def relative_path(path: str, base: str | Path | None = None) -> str:
    """``path`` relative to ``base`` (default: cwd) in POSIX form, for SARIF/GitHub/JUnit.

    Paths outside ``base`` stay as given (absolute), so nothing is silently mislabelled.
    """
    base_path = Path(base) if base is not None else Path.cwd()
    p = Path(path)
    try:
        rel = p.resolve().relative_to(base_path.resolve()) if p.is_absolute() else p
    except ValueError:
        return p.as_posix()
    return PurePosixPath(*rel.parts).as_posix() if rel.parts else "."
