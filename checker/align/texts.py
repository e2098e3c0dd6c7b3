"""The texts embedded for alignment: the claim frame, and the sentence around the number."""

from __future__ import annotations

from checker.models import Claim

_CONTEXT_CHARS = 160


def frame_text(claim: Claim) -> str:
    """What is counted, the event, and where: the words that say which quantity this is."""
    parts = [claim.counted, claim.predicate, claim.place]
    text = " ".join(p for p in parts if p)
    return text or context_text(claim)


def context_text(claim: Claim) -> str:
    """The sentence window around the number with the number itself masked.

    Masking keeps the embedding about *what* is measured, so 700,000 and 900,000
    displaced look alike and 13 troops and 13 towns do not.
    """
    rel_start = claim.start - claim.sentence_start
    rel_end = claim.end - claim.sentence_start
    before = claim.sentence[max(0, rel_start - _CONTEXT_CHARS) : rel_start]
    after = claim.sentence[rel_end : rel_end + _CONTEXT_CHARS]
    return f"{before} # {after}".strip()
