"""One site struck or many: a toll at one school is a part of the toll over several.

"The bombing of UN schools ... and of housing killed more than 50 people" counts the dead
of several strikes; "a United Nations-run school attacked by Israeli forces, leaving 40
people dead" counts one strike's. The two are a whole and its part, never one quantity,
however close their words. The sentence tells which: it names the kind of site in the
plural only ("schools") or in the singular only ("a school", "one of his schools").
"""

from __future__ import annotations

import re

import numpy as np

from checker.lexicon import any_word
from checker.models import Claim

# "one of his schools" is one school.
_ONE_OF = re.compile(r"\bone\s+of\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+|our\s+)?(?:[\w-]+\s+){0,2}$", re.I)

ONE, MANY = "one", "many"


def site_pattern(site_nouns: frozenset[str]) -> re.Pattern:
    """A site noun (rules/lexicons/site_nouns.yml), singular or plural: "school", "schools"."""
    return re.compile(rf"\b({any_word(site_nouns)})(s)?\b", re.I)


def site_numbers(claim: Claim, sites: re.Pattern) -> dict[str, str]:
    """By site noun (``sites``, from :func:`site_pattern`) in the claim's sentence: ONE if
    only ever singular there, MANY if only ever plural; a noun written both ways is left out."""
    seen: dict[str, set[str]] = {}
    for match in sites.finditer(claim.sentence):
        plural = bool(match.group(2)) and not _ONE_OF.search(claim.sentence[: match.start()])
        seen.setdefault(match.group(1).lower(), set()).add(MANY if plural else ONE)
    return {noun: numbers.pop() for noun, numbers in seen.items() if len(numbers) == 1}


def one_site_and_many(claims: list[Claim], tolls: np.ndarray, site_nouns: frozenset[str]) -> np.ndarray:
    """Pairs of tolls (``tolls``: which claims count the dead or the wounded) where one
    sentence names a site (one of ``site_nouns``) in the singular and the other the same
    site in the plural (n x n, True = apart)."""
    n = len(claims)
    apart = np.zeros((n, n), dtype=bool)
    sites = site_pattern(site_nouns)
    numbers = [site_numbers(c, sites) if toll else {} for c, toll in zip(claims, tolls)]
    named = [i for i in range(n) if numbers[i]]
    for x, i in enumerate(named):
        for j in named[x + 1 :]:
            if any(numbers[j].get(noun, number) != number for noun, number in numbers[i].items()):
                apart[i, j] = apart[j, i] = True
    return apart
