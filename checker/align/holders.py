"""Whose figure it is, when a sentence says so: "IBM's 10 percent share", "EDS had 3 %",
"At $22 billion, EDS had 3 %", "Klitschko (52-3, 46 KOs)".

Two figures of one kind with two different holders are two quantities: the Angels'
eight-year offer is not Sabathia's seven-year deal with the Yankees. And a sentence that
gives one holder's figure beside another figure of the same kind tells the
reader that the other figure is not that holder's: in "the deal will give it about 7
percent of the market, compared with IBM's 10 percent share", the 7 percent is not IBM's,
so it is never one quantity with "IBM had 7.2 % of the market" in another article. And
a figure of a merged company ("make the newly merged company worth about $22 billion") is
never the figure of one company before the merger ("At $22 billion, EDS had 3 %").
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

import numpy as np

from checker.lexicon import HolderWords, any_word
from checker.models import Claim

# A name: capitalised words, with the hyphens, dots and ampersands of company names (H-P, AT&T).
_NAME = r"([A-Z][A-Za-z0-9&.-]*(?:\s+[A-Z][A-Za-z0-9&.-]*){0,3})"
# "IBM's 10 percent share", "the Yankees' initial $140-million bid".
_POSSESSOR = re.compile(_NAME + r"(?:'s|’s|')\s+(?:[a-z]+\s+)?$")
# A stat line in brackets after a name: "Klitschko (52-3, 46 KOs)", "Rahman (45-7-2, 36 KOs)".
_BRACKETED_AFTER_NAME = re.compile(_NAME + r"\s+\((?:[^()]{0,40},\s*)?$")
# A fronted size: "At $22 billion, EDS had", "With $54 billion in services revenue, IBM had".
_FRONTED_BEFORE = re.compile(r"^\s*(?:At|With)\s+$")
_FRONTED_AFTER = re.compile(r"^(?:\s+[\w-]+){0,4}\s*,\s*" + _NAME + r"\s+[a-z]")


def holder(claim: Claim, words: HolderWords) -> str | None:
    """The name a claim's figure belongs to, written right before it, lower-cased into words
    ("H-P" -> "h p"); None when the sentence does not say. ``words``: the lexicon's words
    that name no holder and the verbs that make a name the holder (rules/lexicons/holder_*.yml)."""
    before = claim.sentence[: claim.start - claim.sentence_start]
    subject, maker = _verb_patterns(words.hold_verbs, words.offer_verbs)
    match = (
        _POSSESSOR.search(before) or subject.search(before) or maker.search(before)
        or _BRACKETED_AFTER_NAME.search(before)
    )
    if match is None and _FRONTED_BEFORE.match(before):
        match = _FRONTED_AFTER.match(claim.sentence[claim.end - claim.sentence_start :])
    if match is None:
        return None
    return _key(match.group(1), words)


@lru_cache(maxsize=8)
def _verb_patterns(hold_verbs: frozenset[str], offer_verbs: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A name then a verb that makes it the holder ("IBM had"), and a name then a verb that
    makes the offer after it its own ("the Angels have made an"), built from the lexicon."""
    hold, offer = any_word(hold_verbs), any_word(offer_verbs)
    subject = re.compile(_NAME + r"\s+(?:" + hold + r")\s+(?:only\s+|just\s+)?$")
    maker = re.compile(_NAME + r"\s+(?:(?:has|have|had)\s+)?(?:" + offer + r")\s+(?:an?\s+|the\s+|its\s+|their\s+)?$")
    return subject, maker


# Kinds whose figure the parse's holder (Claim.holder) tells apart: one company's charge,
# price or rate is not another's. A toll's or a count's subject is who did it, which
# outlets name in many ways (Turkey / Ankara, the army / government forces), so a count
# keeps only the holders written next to its figure.
PARSED_HOLDER_KINDS = frozenset({"money", "percent"})


def parsed_holder(claim: Claim, words: HolderWords) -> str | None:
    """The parse's holder of a sum or a rate (Claim.holder) in :func:`holder`'s key form."""
    if claim.kind.value not in PARSED_HOLDER_KINDS or not claim.holder:
        return None
    return _key(claim.holder, words)


def different_parsed_holders(claims: list[Claim], words: HolderWords) -> np.ndarray:
    """Pairs of one kind whose parses give them two different holders, neither named in the
    other's sentence (n x n, True = apart): "Bank of America Corp. will take a $3 billion
    charge" is not "Goldman Sachs's total charge would be $3.2 billion". A sum both parties
    of a deal are named beside ("HP agreed to buy EDS for $13.9 billion" / "EDS holders get
    $13.9 billion from HP") is the deal's, whichever party is the subject."""
    holders = [parsed_holder(c, words) for c in claims]
    n = len(claims)
    apart = np.zeros((n, n), dtype=bool)
    known = [i for i in range(n) if holders[i]]
    for x, i in enumerate(known):
        for j in known[x + 1 :]:
            a, b = holders[i], holders[j]
            if claims[i].kind != claims[j].kind or same_holder(a, b, words.suffixes):
                continue
            if _named_in(a, claims[j].sentence, words.suffixes) or _named_in(b, claims[i].sentence, words.suffixes):
                continue
            apart[i, j] = apart[j, i] = True
    return apart


def _named_in(key: str, sentence: str, suffixes: frozenset[str]) -> bool:
    """Whether the holder ``key`` (its last word, suffixes aside) is written in ``sentence``."""
    words = [w for w in key.split() if w not in suffixes] or key.split()
    return re.search(r"\b" + re.escape(words[-1]) + r"\b", sentence, re.I) is not None


def _key(name: str, holder_words: HolderWords) -> str | None:
    """A name lower-cased into words ("H-P" -> "h p"), the words that start a clause without
    naming anyone dropped; None when nothing names a holder."""
    words = name.split()
    while words and words[0].lower() in holder_words.not_names:
        words = words[1:]
    key = " ".join(re.sub(r"[^a-z0-9&]", "", w.lower()) for w in re.split(r"[\s-]+", " ".join(words))).strip()
    if not key or key.split()[-1] in holder_words.periods:
        return None
    return key


def figures_of_named_others(claims: list[Claim], holders: list[str | None]) -> np.ndarray:
    """Pairs (a, b) where a's sentence gives b's holder a different figure of a's kind, so a
    is not b's holder's figure (n x n, True = apart); ``holders`` as :func:`holder` gives
    them, one per claim."""
    n = len(claims)
    apart = np.zeros((n, n), dtype=bool)
    by_kind_and_holder: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_sentence: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        by_sentence[(claim.article_id, claim.sentence_start)].append(i)
        if holders[i]:
            by_kind_and_holder[(claim.kind.value, holders[i])].append(i)
    if not by_kind_and_holder:
        return apart
    for members in by_sentence.values():
        for a in members:
            for o in members:
                named = holders[o]
                if o == a or not named or named == holders[a] or claims[o].kind != claims[a].kind:
                    continue
                if not claims[a].value.disjoint(claims[o].value):
                    continue
                for b in by_kind_and_holder[(claims[a].kind.value, named)]:
                    if b != o:
                        apart[a, b] = apart[b, a] = True
    return apart


def merged_and_named_holders(holders: list[str | None], merged: np.ndarray) -> np.ndarray:
    """Pairs of a merged entity's figure (``merged``: "the newly merged company worth about
    $22 billion") and a figure a sentence gives one named holder (n x n, True = apart): a
    whole and one of its parts."""
    named = np.array([h is not None for h in holders], dtype=bool)
    whole = merged & ~named
    apart = whole[:, None] & named[None, :]
    return apart | apart.T


_MARKET = re.compile(r"\bmarket\b", re.I)


def one_holders_market_share(claims: list[Claim], words: HolderWords) -> np.ndarray:
    """Pairs giving one named holder's share of a market (n x n, True = the same quantity):
    "IBM's 10 percent share" (of the services market, in HP's estimate) and "IBM had 7.2 %
    of the market" are two estimates of one share, however differently each is worded."""
    keys = [
        holder(c, words) if c.kind.value == "percent" and c.counted_head in words.share_heads and _MARKET.search(c.sentence) else None
        for c in claims
    ]
    n = len(claims)
    same = np.zeros((n, n), dtype=bool)
    by_holder: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        if key:
            by_holder[key].append(i)
    for members in by_holder.values():
        for i in members:
            for j in members:
                same[i, j] = i != j
    return same


def different_holders(claims: list[Claim], holders: list[str | None], suffixes: frozenset[str]) -> np.ndarray:
    """Pairs of one kind whose sentences give them two different holders (n x n, True =
    apart): the Angels' eight-year offer is not Sabathia's seven-year deal with the Yankees.
    Names match on their last word ("Los Angeles Angels" / "Angels") or an acronym
    ("Hewlett-Packard" / "HP")."""
    n = len(claims)
    known = [i for i in range(n) if holders[i]]
    apart = np.zeros((n, n), dtype=bool)
    for x, i in enumerate(known):
        for j in known[x + 1 :]:
            if claims[i].kind == claims[j].kind and not same_holder(holders[i], holders[j], suffixes):
                apart[i, j] = apart[j, i] = True
    return apart


def same_holder(a: str, b: str, suffixes: frozenset[str]) -> bool:
    """Two holder names (as :func:`holder` gives them) that may name one holder: the same
    last word, one name's words all in the other, or an acronym; ``suffixes`` (rules/lexicons/
    company_suffixes.yml) may be carried or dropped ("Hewlett-Packard Co." is "HP")."""
    if a == b:
        return True
    words_a = [w for w in a.split() if w not in suffixes] or a.split()
    words_b = [w for w in b.split() if w not in suffixes] or b.split()
    # "Angels" / "Los Angeles Angels"; a team's city for the team: "Baltimore" / "Baltimore Orioles"
    if words_a[-1] == words_b[-1] or set(words_a) <= set(words_b) or set(words_b) <= set(words_a):
        return True
    initials_a, initials_b = "".join(w[0] for w in words_a), "".join(w[0] for w in words_b)
    return "".join(words_a) in (initials_b, "".join(words_b)) or "".join(words_b) == initials_a
