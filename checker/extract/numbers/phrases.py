"""Match multi-word phrases ("more than", "square kilometres", "km / h") against tokens."""

from __future__ import annotations

from typing import Generic, NamedTuple, TypeVar

from checker.extract.numbers.lexicon import phrase_key
from checker.extract.numbers.tokens import Token

V = TypeVar("V")
_HYPHENS = {"-", "–"}


class Match(NamedTuple, Generic[V]):
    value: V
    last: int  # index of the phrase's last token
    phrase: str  # the phrase as the table writes it


class _Entry(NamedTuple, Generic[V]):
    parts: tuple[str, ...]
    glued: tuple[bool, ...]  # per part: must touch the part before ("km2", "<=")
    phrase: str
    value: V


class PhraseTable(Generic[V]):
    """A phrase -> value table, matched longest-first at a token index.

    ``lower`` tables compare lower-cased tokens; others compare the text as written
    ("US $" must not match "us $"). With ``skip_hyphens`` a hyphen may stand before or
    between the words ("eight-year", "38 - year - old", "square - foot").
    """

    def __init__(self, table: dict[str, V], lower: bool = True) -> None:
        self.lower = lower
        self._by_first: dict[str, list[_Entry[V]]] = {}
        for phrase, value in table.items():
            parts = phrase_key(phrase, lower)
            if parts:
                entry = _Entry(parts, _glued_parts(phrase, parts, lower), phrase, value)
                self._by_first.setdefault(parts[0], []).append(entry)
        for candidates in self._by_first.values():
            candidates.sort(key=lambda entry: -len(entry.parts))
        self.first_words = frozenset(self._by_first)

    def match(self, tokens: list[Token], k: int, skip_hyphens: bool = True) -> Match[V] | None:
        """The longest phrase starting at token ``k``: its value, last token and text."""
        n = len(tokens)
        if skip_hyphens and k < n and tokens[k].text in _HYPHENS:
            k += 1
        if k >= n:
            return None
        candidates = self._by_first.get(self._text(tokens[k]))
        if not candidates:
            return None
        for entry in candidates:
            last = self._last_token(entry, tokens, k, skip_hyphens)
            if last is not None:
                return Match(entry.value, last, entry.phrase)
        return None

    def _last_token(self, entry: _Entry[V], tokens: list[Token], k: int, skip_hyphens: bool) -> int | None:
        """Index of the last token if ``entry`` is written from ``k``; else None."""
        n, j = len(tokens), k
        for position, part in enumerate(entry.parts):
            if position and skip_hyphens and j < n and tokens[j].text in _HYPHENS and part not in _HYPHENS:
                j += 1
            if j >= n or self._text(tokens[j]) != part or (entry.glued[position] and not tokens[j].glued):
                return None
            j += 1
        return j - 1

    def _text(self, token: Token) -> str:
        return token.low if self.lower else token.text


def _glued_parts(phrase: str, key: tuple[str, ...], lower: bool) -> tuple[bool, ...]:
    """For each part of ``key``, whether the phrase writes it glued to the part before
    ("km2", "<="): then the text must glue it too, so "6 ft 2 in" is no "ft2"."""
    text = phrase.lower() if lower else phrase
    flags, at = [], 0
    for position, part in enumerate(key):
        found = text.index(part, at)
        flags.append(position > 0 and found == at)
        at = found + len(part)
    return tuple(flags)
