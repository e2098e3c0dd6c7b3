"""Whose figure it is, read off the parse: the name that owns the counted noun ("Goldman
Sachs's total charge would be $3.2 billion") or the subject of the figure's verb ("Bank of
America Corp. will take a $3 billion charge", "Goldman Sachs expects to take a $5 billion
charge"). A pronoun subject of a reported clause is the reporter ("JPMorgan said it could
earn up to $2 billion"): the one step of coreference a sentence itself makes certain.
"""

from __future__ import annotations

from spacy.tokens import Token

from checker.nlp.lemmas import lemma

_SUBJECTS = ("nsubj", "nsubjpass")
# Pronouns that, as the subject of a reported clause, stand for the one who reports it.
# Clauses that share their head's subject: "expects to take", "rose and then fell".
_SHARED_SUBJECT = ("xcomp", "conj")
# Marks inside a name: "Hewlett-Packard", "Procter & Gamble".
_NAME_PUNCTUATION = frozenset({"-", "&"})
_MAX_STEPS = 6


def holder_of(
    anchor: Token, noun: Token | None, joiners: frozenset[str], subject_pronouns: frozenset[str],
    estimating_verbs: frozenset[str] = frozenset(),
) -> str | None:
    """The name the figure at ``anchor`` (counting ``noun``) belongs to, else None; the
    subject of an estimating verb ("Gartner puts the market at $748 billion") holds none.
    ``joiners``: the lower-case words a name may hold ("Bank of America"); ``subject_pronouns``:
    those that stand for someone named elsewhere ("he said"), followed to the clause reported to."""
    # "the Orioles $140 million", the verb elided: a figure in apposition to a name is its.
    if anchor.dep_ == "appos" and anchor.head.pos_ == "PROPN":
        return _name(anchor.head, joiners)
    token = noun if noun is not None else anchor
    for _ in range(_MAX_STEPS):
        owner = _proper_possessor(token, joiners)
        if owner is not None:
            return owner
        if token.pos_ in ("VERB", "AUX"):
            if lemma(token).lower() in estimating_verbs or token.lower_ in estimating_verbs:
                return None
            return _subject_name(token, joiners, subject_pronouns)
        if token.head is token:
            return None
        token = token.head
    return None


def _proper_possessor(token: Token, joiners: frozenset[str]) -> str | None:
    for child in token.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            return _name(child, joiners)
    return None


def _subject_name(verb: Token, joiners: frozenset[str], subject_pronouns: frozenset[str]) -> str | None:
    """The proper name that is ``verb``'s subject (or owns it), following clauses that share
    their head's subject and a reporter's pronoun."""
    for _ in range(_MAX_STEPS):
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if subjects:
            subject = subjects[0]
            if subject.pos_ == "PROPN":
                return _name(subject, joiners)
            owner = _proper_possessor(subject, joiners)
            if owner is not None:
                return owner
            if subject.lower_ in subject_pronouns and verb.dep_ == "ccomp" and verb.head is not verb:
                verb = verb.head
                continue
            return None
        if verb.dep_ in _SHARED_SUBJECT and verb.head is not verb:
            verb = verb.head
            continue
        return None
    return None


def _name(token: Token, joiners: frozenset[str]) -> str:
    """The whole name ``token`` heads, as written: its contiguous run of proper nouns and the
    words that join them ("Bank of America Corp.")."""
    words = sorted(token.subtree, key=lambda t: t.i)
    index = next(k for k, t in enumerate(words) if t.i == token.i)
    start = index
    while start > 0 and _in_name(words[start - 1], joiners) and words[start - 1].i == words[start].i - 1:
        start -= 1
    end = index
    while end + 1 < len(words) and _in_name(words[end + 1], joiners) and words[end + 1].i == words[end].i + 1:
        end += 1
    while end > start and (words[end].lower_ in joiners or words[end].text in _NAME_PUNCTUATION):
        end -= 1
    while start < end and (words[start].lower_ in joiners or words[start].text in _NAME_PUNCTUATION):
        start += 1
    return token.doc[words[start].i : words[end].i + 1].text


def _in_name(token: Token, joiners: frozenset[str]) -> bool:
    return token.pos_ == "PROPN" or token.lower_ in joiners or token.text in _NAME_PUNCTUATION
