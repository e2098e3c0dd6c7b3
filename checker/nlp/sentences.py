"""A fast rule-based sentence splitter.

Parsing every sentence of every article with spaCy is the slowest part of a run, so
sentences are found with rules first and only the ones that matter are parsed.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from checker.ruleset import bundled_words

# Abbreviations after which a period does not end a sentence (rules/lexicons/abbreviations.yml).
_ABBREVIATIONS = bundled_words("lexicons.abbreviations")

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace;
# or a full stop glued to the next sentence by a scrape ("purchase EDS.EDS has about 50",
# "the source told eWEEK.HP acknowledged"): two letters before it, a capital after it.
_BOUNDARY = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+)|(?<=[A-Za-z]{2})\.(?=[A-Z])|\n\s*\n|\n(?=\s*\S)""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


class SentenceSpan(BaseModel):
    """A sentence as character offsets into the text it was found in."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int


def split_sentences(text: str) -> list[SentenceSpan]:
    """Split ``text`` into sentences; spans cover the text without leading/trailing blanks."""
    spans: list[SentenceSpan] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if match.group(0).startswith((".",)) and _is_abbreviation(text, match.start()):
            continue
        if not _next_starts_sentence(text, end):
            continue
        _append_trimmed(spans, text, start, end)
        start = end
    _append_trimmed(spans, text, start, len(text))
    return spans


def _is_abbreviation(text: str, period_at: int) -> bool:
    """True when the period at ``period_at`` closes an abbreviation or an initial."""
    window = text[max(0, period_at - 12) : period_at + 1]
    match = _WORD_BEFORE.search(window)
    if not match:
        return False
    word = match.group(1).lower()
    # Single capital initials ("George W. Bush") and known abbreviations.
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _next_starts_sentence(text: str, end: int) -> bool:
    """A sentence break needs the next visible character to be able to open a sentence."""
    i = end
    n = len(text)
    while i < n and text[i].isspace():
        if text[i] == "\n":
            return True
        i += 1
    if i >= n:
        return True
    ch = text[i]
    return ch.isupper() or ch.isdigit() or ch in "\"'“‘(["


# Hardening (hostile inputs): the spaCy parser refuses texts over nlp.max_length (1,000,000
# chars), needs about 1 GB per 100,000 chars, and per-claim work is linear in the sentence,
# so one huge "sentence" (minified text, a table without full stops) crashed the run or ran
# for minutes. No real sentence is this long; longer spans are cut into pieces of at most
# this many characters, at whitespace (else at a non-alphanumeric character) when possible.
MAX_SENTENCE_CHARS = 2_000


def _append_trimmed(spans: list[SentenceSpan], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:  # hardening: see MAX_SENTENCE_CHARS
        cut = _cut_point(text, start, start + MAX_SENTENCE_CHARS)
        _append_trimmed(spans, text, start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append(SentenceSpan(start=start, end=end))


def _cut_point(text: str, start: int, limit: int) -> int:
    """Where to cut an overlong span ``[start, ...)`` at or before ``limit``: after the last
    whitespace in its second half, else between a non-alphanumeric character and the next
    (never inside a number or word when avoidable), else at ``limit``."""
    floor = start + (limit - start) // 2
    for i in range(limit, floor, -1):
        if text[i - 1].isspace():
            return i
    for i in range(limit, floor, -1):
        if not text[i - 1].isalnum() and not text[i].isalnum():
            return i
    return limit
