"""Match a checker's claims to gold mentions, as gold/README.md defines it.

A claim matches a mention when it is in the same document and its numeric text overlaps
the mention's number where the mention's context occurs (case and whitespace ignored).
"""

from __future__ import annotations

import re

from checker.models import Article, Claim
from checker.ruleset import bundled_words

_SPACE = re.compile(r"\s+")


def normalised_with_map(text: str) -> tuple[str, list[int]]:
    """Lower-cased text with whitespace runs collapsed to one space, and a map to original offsets."""
    out: list[str] = []
    origin: list[int] = []
    i = 0
    for m in _SPACE.finditer(text):
        for j in range(i, m.start()):
            out.append(text[j].lower())
            origin.append(j)
        out.append(" ")
        origin.append(m.start())
        i = m.end()
    for j in range(i, len(text)):
        out.append(text[j].lower())
        origin.append(j)
    origin.append(len(text))
    return "".join(out), origin


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def locate(article: Article, context: str, number: str) -> tuple[int, int] | None:
    """Original-text span of ``number`` inside the first occurrence of ``context``."""
    norm_text, origin = normalised_with_map(article.text)
    ctx = _norm(context)
    num = _norm(number)
    at = norm_text.find(ctx)
    if at < 0:
        # Quotes are often typographic in one and straight in the other.
        table = str.maketrans({"“": '"', "”": '"', "’": "'", "‘": "'"})
        at = norm_text.translate(table).find(ctx.translate(table))
        if at < 0:
            return None
    inner = ctx.translate(str.maketrans({"“": '"', "”": '"', "’": "'", "‘": "'"})).find(
        num.translate(str.maketrans({"“": '"', "”": '"', "’": "'", "‘": "'"}))
    )
    if inner < 0:
        return None
    start = at + inner
    end = start + len(num)
    return origin[start], origin[end - 1] + 1


def best_claim(claims: list[Claim], span: tuple[int, int]) -> Claim | None:
    """The claim whose numeric text overlaps ``span`` the most (ties: the earliest)."""
    best: Claim | None = None
    best_overlap = 0
    for claim in claims:
        overlap = min(claim.end, span[1]) - max(claim.start, span[0])
        if overlap > best_overlap:
            best, best_overlap = claim, overlap
    return best


# Words of a source's name that name no one (rules/lexicons/source_stop_words.yml).
_STOP = bundled_words("lexicons.source_stop_words")


def head_words(name: str | None) -> set[str]:
    """Content words of a source name, for the source-accuracy comparison."""
    if not name:
        return set()
    words = re.findall(r"[\w.]+", name.lower().replace("’s", "").replace("'s", ""))
    return {w.strip(".") for w in words if w not in _STOP and w.strip(".")}


def same_source(gold: str | None, claimed: str | None) -> bool:
    """Both null, or the names share a head (content) word."""
    if not gold and not claimed:
        return True
    return bool(head_words(gold) & head_words(claimed))
