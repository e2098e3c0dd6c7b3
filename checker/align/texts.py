"""The texts embedded for alignment: the claim frame, and the sentence around the number."""

from __future__ import annotations

from checker.models import Claim

_CONTEXT_CHARS = 75
_NARROW_CHARS = 50


def frame_text(claim: Claim) -> str:
    """What is counted, the event, and where: the words that say which quantity this is."""
    if not claim.counted:
        # Elliptical figures ("Of the almost 900,000 forced from their homes"): the words
        # around the number are all there is to say what it counts.
        return narrow_context_text(claim)
    parts = [claim.counted, claim.predicate, claim.place]
    return " ".join(p for p in parts if p)


def counted_text(claim: Claim) -> str:
    """What is counted, alone (empty when the parse found nothing)."""
    return claim.counted or ""


def narrow_context_text(claim: Claim) -> str:
    """A few words either side of the (masked) number: what it counts, not the whole story."""
    return context_text(claim, _NARROW_CHARS)


def context_text(claim: Claim, chars: int = _CONTEXT_CHARS) -> str:
    """The sentence window around the number with the number itself masked.

    Masking keeps the embedding about *what* is measured, so 700,000 and 900,000
    displaced look alike and 13 troops and 13 towns do not.
    """
    rel_start = claim.start - claim.sentence_start
    rel_end = claim.end - claim.sentence_start
    before = claim.sentence[max(0, rel_start - chars) : rel_start]
    after = claim.sentence[rel_end : rel_end + chars]
    return f"{before} # {after}".strip()
