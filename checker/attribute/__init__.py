"""Attribute stage: who each claim is attributed to, how (quote, reported speech...), with what hedge."""

from __future__ import annotations

import re
from spacy.tokens import Doc, Token

from checker.source_names import normalize_source
from checker.attribute.speakers import Speaker, last_named_entity, phrase_pattern, speaker_in
from checker.lexicon import AttributionWords
from checker.models import Attribution, AttributionKind, Claim
from checker.nlp.document import AnalysedArticle, AnalysedSentence

_OPEN_QUOTES = "\"“"
_CLOSE_QUOTES = "\"”"


def attribute_claims(doc: AnalysedArticle, claims: list[Claim], words: AttributionWords) -> list[Claim]:
    """Return ``claims`` with their attribution filled in (same order)."""
    by_start = {doc.original_offset(s.start): s for s in doc.sentences}
    result = []
    for claim in claims:
        sentence = by_start.get(claim.sentence_start)
        attribution = _attribute(doc, sentence, claim, words) if sentence is not None else Attribution()
        result.append(claim.model_copy(update={"attribution": attribution}))
    return result


def _attribute(doc: AnalysedArticle, sentence: AnalysedSentence, claim: Claim, words: AttributionWords) -> Attribution:
    hedge_match = phrase_pattern(words.hedges).search(sentence.text)
    hedge = hedge_match.group(0) if hedge_match else None
    in_quote = _inside_quote(sentence.text, claim.start - claim.sentence_start)
    speaker = None
    if sentence.doc is not None:
        speaker = speaker_in(sentence.doc, _token_at(sentence.doc, claim.start - claim.sentence_start), words)
    if speaker is None and in_quote:
        speaker = _speaker_of_following_quote(doc, sentence, words)
    if speaker is None:
        return Attribution(hedge=hedge)
    source = speaker.source
    if speaker.pronoun:
        source = _resolve_pronoun(doc, sentence, source, words.pronouns.person) or source
    if speaker.anonymous:
        kind = AttributionKind.anonymous
    elif in_quote:
        kind = AttributionKind.direct_quote
    elif speaker.according_to:
        kind = AttributionKind.according_to
    else:
        kind = AttributionKind.reported_speech
    return Attribution(
        source=source,
        source_normalized=normalize_source(source, words.aliases),
        cue=speaker.cue,
        kind=kind,
        hedge=hedge,
    )


def _token_at(doc: Doc, offset: int) -> Token | None:
    for token in doc:
        if token.idx <= offset < token.idx + len(token) or token.idx >= offset:
            return token
    return None


def _inside_quote(text: str, offset: int) -> bool:
    """True when ``offset`` sits between an opening and a closing quotation mark."""
    before = text[:offset]
    straight = before.count('"')
    curly_open = before.count("“") - before.count("”")
    return straight % 2 == 1 or curly_open > 0


def _speaker_of_following_quote(doc: AnalysedArticle, sentence: AnalysedSentence, words: AttributionWords) -> Speaker | None:
    """A quoted figure whose speaker is named in the next sentence ("..." he added)."""
    following = doc.sentences[sentence.index + 1] if sentence.index + 1 < len(doc.sentences) else None
    if following is None or following.doc is None:
        return None
    return speaker_in(following.doc, None, words)


def _resolve_pronoun(doc: AnalysedArticle, sentence: AnalysedSentence, pronoun: str, person: frozenset[str]) -> str | None:
    """``he`` (one of ``person``) -> the last person named before (or in) this sentence;
    ``it``/``they`` -> the last organisation."""
    if pronoun.lower() in person:
        labels: tuple[str, ...] = ("PERSON",)
    elif pronoun.lower() == "it":  # a nationality ("German police") is never "it"
        labels = ("ORG", "GPE")
    else:
        labels = ("ORG", "GPE", "NORP")
    earlier = [s.doc for s in doc.sentences[max(0, sentence.index - 4) : sentence.index + 1] if s.doc is not None]
    return last_named_entity(earlier, labels)
