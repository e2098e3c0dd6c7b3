"""English pronouns by what they can stand for: one home for the closed word classes that
attribution, holders, frames and pair links read (grammar, not news vocabulary, so they stay
in Python beside the number words)."""

from __future__ import annotations

# A person: "he said", "she told", "quoted him".
PERSON = frozenset({"he", "she", "him", "her"})
# Subjects that stand for someone named elsewhere: "he said", "it reported", "they counted".
SUBJECT = frozenset({"he", "she", "it", "they", "we"})
# The speaker themself, inside a quote: "I counted 40".
FIRST_PERSON = frozenset({"i"})
# Any pronoun a sentence's speaker can be: never a side's own name.
SPEAKERS = PERSON | SUBJECT | FIRST_PERSON | frozenset({"them"})
# Words that point back to something counted earlier: "of those", "which".
ANAPHORIC = frozenset({"those", "them", "these", "which", "whom", "it"})
