"""A faster ``match`` for spaCy's AttributeRuler that finds exactly the same matches.

Speed and scale: en_core_web_sm's attribute ruler (tag -> POS and morphology, plus a few
exceptions) runs its ~180 patterns through the generic Matcher, 10% of a parse. Almost all
are one-token patterns on TAG, LOWER, DEP or IS_SPACE, which a dictionary lookup by tag or
by lowercase form answers. Those are matched here; any other pattern (multi-token ones,
operators this module does not know) stays with a Matcher of its own. The matches are
sorted as AttributeRuler.match sorts them and applied by its own ``set_annotations``, so
the annotations are identical (tests/test_fast_attribute_ruler.py compares every token).
"""

from __future__ import annotations

import re
from types import MethodType
from typing import Any, Callable

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

# Token attribute getters for the pattern keys this module answers itself.
_GETTERS: dict[str, Callable[[Token], Any]] = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}
Condition = tuple[Callable[[Token], Any], Callable[[Any], bool]]
Entry = tuple[int, int, list[Condition]]  # (pattern key index, match id, remaining conditions)


def speed_up_attribute_ruler(nlp: Language) -> None:
    """Swap the ``match`` method of ``nlp``'s attribute ruler (if any) for the fast one."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.match = MethodType(_FastMatch(ruler), ruler)


class _FastMatch:
    """Callable standing in for ``AttributeRuler.match`` (same return value)."""

    def __init__(self, ruler: Any) -> None:
        # One-token patterns filed by the exact tag and/or lowercase form they need, so a token
        # only tests the few patterns that can match it; "*" stands for "any".
        self.filed: dict[tuple[str, str], list[Entry]] = {}
        self.fallback = Matcher(ruler.vocab)
        self.has_fallback = False
        for key_index, pattern in enumerate(ruler.patterns):
            match_id = ruler.vocab.strings.add(str(key_index))
            slow = [alt for alt in pattern["patterns"] if not self._file(key_index, match_id, alt)]
            if slow:
                self.fallback.add(str(key_index), slow)
                self.has_fallback = True

    def _file(self, key_index: int, match_id: int, alternative: list[dict]) -> bool:
        """File a one-token pattern under its tag and lowercase form; False if it needs the Matcher."""
        if len(alternative) != 1:
            return False
        spec = dict(alternative[0])
        tags = _exact_values(spec.pop("TAG", None)) if "TAG" in spec else ["*"]
        lowers = _exact_values(spec.pop("LOWER", None)) if "LOWER" in spec else ["*"]
        if tags is None or lowers is None:  # a NOT_IN or REGEX on the tag or form: test it per token
            spec = dict(alternative[0])
            tags, lowers = ["*"], ["*"]
        conditions = []
        for attr, value in spec.items():
            test = _value_test(value)
            if attr not in _GETTERS or test is None:
                return False
            conditions.append((_GETTERS[attr], test))
        for tag in tags:
            for lower in lowers:
                self.filed.setdefault((tag, lower), []).append((key_index, match_id, conditions))
        return True

    def __call__(self, ruler: Any, doc: Doc) -> list[tuple[int, int, int, int]]:
        found: set[tuple[int, int, int, int]] = set()
        filed, nothing = self.filed, []
        anywhere = filed.get(("*", "*"), nothing)
        for token in doc:
            tag, lower = token.tag_, token.lower_
            for entries in (filed.get((tag, lower), nothing), filed.get((tag, "*"), nothing),
                            filed.get(("*", lower), nothing), anywhere):
                for key_index, match_id, conditions in entries:
                    if all(test(get(token)) for get, test in conditions):
                        found.add((key_index, match_id, token.i, token.i + 1))
        if self.has_fallback:
            for match_id, start, end in self.fallback(doc, allow_missing=True, as_spans=False):
                found.add((int(ruler.vocab.strings[match_id]), match_id, start, end))
        return sorted(found)


def _exact_values(value: Any) -> list[str] | None:
    """The values an equality or IN condition accepts (None for any other condition)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and set(value) == {"IN"}:
        return list(value["IN"])
    return None


def _value_test(value: Any) -> Callable[[Any], bool] | None:
    """A predicate for one pattern value, or None when only the Matcher knows how."""
    if isinstance(value, (str, bool)):
        return lambda actual: actual == value
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN":
            accepted = frozenset(arg)
            return lambda actual: actual in accepted
        if op == "NOT_IN":
            rejected = frozenset(arg)
            return lambda actual: actual not in rejected
        if op == "REGEX":
            pattern = re.compile(arg)
            return lambda actual: bool(pattern.search(actual))
    return None
