"""The words that still describe a figure: a few on either side of the number, inside its
clause ("killed more than 50 people", "55 others injured", "a combined 157 games").

Shared by the extract stage (a claim's facets) and the aligner (the outcome beside a toll),
so both read the same window.
"""

from __future__ import annotations

import re

from checker.models import Claim
from checker.ruleset import bundled_words

WORDS_BEFORE, WORDS_AFTER = 3, 4
PARTITIVE_WORDS = 3  # "of the three" before the noun
WORD = re.compile(r"[A-Za-z]+|[,;:.!?()\"]")
# Punctuation and words that end a clause (rules/lexicons/clause_breaks.yml).
CLAUSE_BREAK = bundled_words("lexicons.clause_breaks")


def words_beside(claim: Claim, chars: int) -> tuple[list[str], list[str]]:
    """Up to WORDS_BEFORE words before the number (nearest first) and WORDS_AFTER after it,
    within ``chars`` characters and stopping at a clause break."""
    rel_start, rel_end = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    before = WORD.findall(claim.sentence[max(0, rel_start - chars) : max(0, rel_start)])
    after = WORD.findall(claim.sentence[rel_end : rel_end + chars])
    # A partitive is still the number's noun phrase: "two of the three victims died".
    after_limit = WORDS_AFTER + (PARTITIVE_WORDS if after[:1] and after[0].lower() == "of" else 0)
    return up_to_break(list(reversed(before)), WORDS_BEFORE), up_to_break(after, after_limit)


def up_to_break(words: list[str], limit: int) -> list[str]:
    """The first ``limit`` words, cut at the first clause break."""
    kept = []
    for word in words[:limit]:
        if word.lower() in CLAUSE_BREAK:
            break
        kept.append(word)
    return kept
