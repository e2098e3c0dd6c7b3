"""Match multi-word phrases ("more than", "square kilometres", "km / h") against tokens."""

from __future__ import annotations

from typing import Generic, TypeVar

from checker.extract.numbers.lexicon import phrase_key
from checker.extract.numbers.tokens import Token

V = TypeVar("V")
_HYPHENS = {"-", "–"}


class PhraseTable(Generic[V]):
    """A phrase -> value table, matched longest-first at a token index.

    ``lower`` tables compare lower-cased tokens; others compare the text as written
    ("US $" must not match "us $"). With ``skip_hyphens`` a hyphen may stand before or
    between the words ("eight-year", "38 - year - old", "square - foot").
    """

    def __init__(self, table: dict[str, V], lower: bool = True) -> None:
        self.lower = lower
        self._by_first: dict[str, list[tuple[tuple[str, ...], str, V]]] = {}
        for phrase, value in table.items():
            key = phrase_key(phrase, lower)
            if key:
                self._by_first.setdefault(key[0], []).append((key, phrase, value))
        for candidates in self._by_first.values():
            candidates.sort(key=lambda item: -len(item[0]))
        self.first_words = frozenset(self._by_first)

    def match(self, tokens: list[Token], k: int, skip_hyphens: bool = True) -> tuple[V, int] | None:
        """(value, index of the last token) of the longest phrase starting at ``k``."""
        found = self._find(tokens, k, skip_hyphens)
        return None if found is None else (found[2], found[1])

    def phrase_at(self, tokens: list[Token], k: int, skip_hyphens: bool = True) -> str | None:
        """The phrase (as written in the table) that :meth:`match` finds at ``k``."""
        found = self._find(tokens, k, skip_hyphens)
        return None if found is None else found[0]

    def _find(self, tokens: list[Token], k: int, skip_hyphens: bool) -> tuple[str, int, V] | None:
        n = len(tokens)
        if skip_hyphens and k < n and tokens[k].text in _HYPHENS:
            k += 1
        if k >= n:
            return None
        candidates = self._by_first.get(self._text(tokens[k]))
        if not candidates:
            return None
        for key, phrase, value in candidates:
            j = k
            matched = True
            for position, part in enumerate(key):
                if position and skip_hyphens and j < n and tokens[j].text in _HYPHENS and part not in _HYPHENS:
                    j += 1
                if j >= n or self._text(tokens[j]) != part:
                    matched = False
                    break
                j += 1
            if matched:
                return phrase, j - 1, value
        return None

    def _text(self, token: Token) -> str:
        return token.low if self.lower else token.text
