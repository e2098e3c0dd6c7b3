"""Those who fled and those in shelters: two measures once an article tells them apart.

"Forcing at least 15,000 Palestinians to flee to safety elsewhere. At least 5,000 are
staying in 11 different UN schools and shelters." The article gives the sheltered their
own figure, so its 15,000 counts everyone who fled, not those in shelters; another
article's "temporary shelters to more than 15,000 Palestinians" is the shelter count, the
same number of something else. Only an article that sets the two side by side says so:
elsewhere "About 14,000 people fled their homes" and "over 14,000 people taking shelters in
tents" are one crowd told two ways, and stay free to group.
"""

from __future__ import annotations

import re

import numpy as np

from checker.models import Claim, QuantityKind

# Words that say where counted people stay now, not that they left: "sheltering in a UN
# school", "taken shelter", "sought refuge", "serving as temporary shelters to", "staying
# in", "living in tents", "flooded into camps". "Forced from their homes and shelters" is
# flight, so a bare "shelters" after "and" is not enough.
_SHELTERED = re.compile(
    r"\b(?:shelter(?:ing|ed)\b"
    r"|(?:tak\w*|took|sought|seek\w*|f[io]u?nd\w*)\s+(?:shelter|refuge)\b"
    r"|(?:in|into|as|to|at)\s+(?:[\w-]+\s+){0,3}(?:shelters?|camps?|tents?)\b"
    r"|staying\s+(?:in|at|with)\b"
    r"|living\s+(?:in|at)\s+(?:[\w-]+\s+){0,2}(?:shelters?|camps?|tents?|schools?)\b)",
    re.I,
)


def is_sheltered(claim: Claim) -> bool:
    """The claim's sentence says where counted people are staying."""
    return bool(_SHELTERED.search(claim.sentence))


def fled_and_sheltered(claims: list[Claim], fled: np.ndarray, tolls: np.ndarray) -> np.ndarray:
    """Pairs of an article's flight figure and another article's shelter figure, where the
    first article gives its sheltered a different figure of their own (n x n, True = apart).

    ``fled``: which claims the lexicon reads as displacement (fled, forced from their homes);
    ``tolls``: which count the dead or the wounded (the dead "seeking shelter" are a toll,
    not a count of the sheltered).
    """
    n = len(claims)
    people = np.array([c.kind == QuantityKind.count for c in claims], dtype=bool)
    sheltered = np.array([is_sheltered(c) for c in claims], dtype=bool) & people
    flight = fled & people & ~sheltered
    stock = sheltered & ~tolls
    article = np.array([c.article_id for c in claims], dtype=object)
    apart = np.zeros((n, n), dtype=bool)
    for i in np.flatnonzero(flight):
        own_stock = np.flatnonzero(stock & (article == article[i]))
        if not any(claims[i].value.disjoint(claims[j].value) for j in own_stock):
            continue  # the article does not tell its sheltered apart from those who fled
        others = sheltered & (article != article[i])
        apart[i, others] = True
        apart[others, i] = True
    return apart
