"""Normalised source names: aliases from rules/sources, determiners and possessives dropped."""

from __future__ import annotations

import re
from typing import Mapping

_LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)
_POSSESSIVE = re.compile(r"[’']s\b")


def source_key(name: str) -> str:
    """The comparison key of a source name: lower case, no article, no possessive, single spaces."""
    key = _POSSESSIVE.sub("", name.strip())
    key = _LEADING.sub("", key)
    key = re.sub(r"[^\w\s.-]", " ", key)
    return re.sub(r"\s+", " ", key).strip().lower()


def normalize_source(name: str, aliases: Mapping[str, str]) -> str:
    """The canonical name of a source, via the alias table (keys made by :func:`source_key`)."""
    key = source_key(name)
    if key in aliases:
        return aliases[key]
    return key
