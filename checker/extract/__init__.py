"""Extract stage: articles -> numeric claims with their frame (what, predicate, where, when).

Only sentences that hold a number, plus the quote-bearing neighbours attribution needs,
are parsed by spaCy, in one batched ``nlp.pipe`` call for the whole run.
"""

from __future__ import annotations

from checker.extract.claims import ExtractSettings, OrdinalWords, build_claims
from checker.extract.frame import FrameWords
from checker.extract.prepare import analyse_articles

__all__ = ["ExtractSettings", "FrameWords", "OrdinalWords", "analyse_articles", "build_claims"]
