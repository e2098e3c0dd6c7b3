"""Find who a sentence attributes its content to, from a spaCy parse.

Handles ``according to X``, ``X said/told/announced/claimed ...``, ``..., said X``,
passive ``was reported by X``, and pronoun subjects resolved to the last named person
or organisation.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel, ConfigDict
from spacy.tokens import Doc, Span, Token

from checker.lexicon import AttributionWords
from checker.nlp.lemmas import lemma

_SUBJECT_DEPS = {"nsubj"}
_SOURCE_MODIFIERS = {"det", "amod", "compound", "poss", "case", "nmod", "nummod", "prep", "pobj", "cc", "conj", "punct", "appos"}


class Speaker(BaseModel):
    """A source found for a sentence, with the cue that introduced it."""

    model_config = ConfigDict(frozen=True)

    source: str
    cue: str
    according_to: bool = False
    anonymous: bool = False
    pronoun: bool = False


def speaker_in(doc: Doc, number_token: Token | None, words: AttributionWords) -> Speaker | None:
    """The speaker of ``doc`` that governs ``number_token`` (or the sentence's main cue)."""
    according = _according_to(doc, words)
    if according is not None:
        return according
    cues = _cue_verbs(doc, words.cue_verbs)
    if not cues:
        return None
    governing = sorted((c for c in cues if _reports(c, number_token)), key=_depth)
    # Prefer the outermost cue that reports the number, then the sentence root, then a bare "..., police said".
    ordered = governing + [c for c in cues if c.dep_ == "ROOT"] + [c for c in cues if _parenthetical(c)]
    for cue in ordered:
        subject = _quoted(cue, words) or _subject(cue)
        if subject is not None and subject.tag_ in ("WDT", "WP") and cue.dep_ == "relcl":
            subject = cue.head  # "the offensive, which has claimed 660 lives": the offensive
        if subject is None:
            continue
        if number_token is not None and _outside_report(number_token, cue, subject):
            continue
        if not _can_speak(subject, words):
            continue  # "the numbers show", "no damage was reported": not a source
        text = _source_text(subject)
        if not text:
            continue
        return Speaker(
            source=text,
            cue=cue.text,
            anonymous=_anonymous(text, words) and not _is_named(subject),
            pronoun=subject.lower_ in words.pronouns.person | words.pronouns.subject | words.pronouns.first_person,
        )
    return None


def last_named_entity(docs: list[Doc], labels: tuple[str, ...]) -> str | None:
    """The most recent named entity of ``labels`` in ``docs`` (earliest doc first)."""
    for doc in reversed(docs):
        ents = [e for e in doc.ents if e.label_ in labels]
        if ents:
            return ents[-1].text
    return None


def _cue_verbs(doc: Doc, cue_verbs: frozenset[str]) -> list[Token]:
    """The speech verbs of ``doc`` (said, told, ...), found once per sentence: a sentence with
    several figures is asked once per figure."""
    if "claimcheck_cues" not in doc.user_data:
        doc.user_data["claimcheck_cues"] = [
            t.i for t in doc if t.pos_ in ("VERB", "AUX") and lemma(t).lower() in cue_verbs
        ]
    return [doc[i] for i in doc.user_data["claimcheck_cues"]]


def _according_to(doc: Doc, words: AttributionWords) -> Speaker | None:
    if "according" not in doc.text.lower():  # most sentences: skip the token scan
        return None
    for token in doc:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            to = doc[token.i + 1]
            objects = [c for c in to.children if c.dep_ == "pobj"]
            if objects and not _can_speak(objects[0], words):
                continue  # "according to an agreement reached last year": a document that speaks for no one
            if objects:
                text = _source_text(objects[0])
            else:  # parser missed the object: take the words up to the next punctuation
                taken = []
                for t in doc[to.i + 1 :]:
                    if t.is_punct:
                        break
                    taken.append(t.text_with_ws)
                text = "".join(taken).strip()
            if text:
                return Speaker(
                    source=text,
                    cue="according to",
                    according_to=True,
                    anonymous=_anonymous(text, words) and not any(e for e in doc.ents if e.text in text),
                )
    return None


def _quoted(cue: Token, words: AttributionWords) -> Token | None:
    """Who a medium quotes: "Another agency quoted the governor as saying ..." is the governor's figure."""
    if lemma(cue).lower() != "quote":
        return None
    return next((c for c in cue.children if c.dep_ == "dobj" and _can_speak(c, words)), None)


def _subject(cue: Token) -> Token | None:
    for child in cue.children:
        if child.dep_ in _SUBJECT_DEPS:
            return child
        if child.dep_ == "agent":  # "was reported by the agency"
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    # "X said" inside a conjunction: "... and told reporters" shares the first verb's subject.
    if cue.dep_ == "conj" and cue.head.pos_ == "VERB":
        return _subject(cue.head)
    return None


def _source_text(head: Token) -> str:
    """The subject phrase, without relative clauses or trailing apposition chatter."""
    tokens = [head]
    frontier = [head]
    while frontier:
        token = frontier.pop()
        for child in token.children:
            if child.dep_ in ("relcl", "acl", "advcl", "punct") or child.dep_ not in _SOURCE_MODIFIERS:
                continue
            if child.dep_ == "appos" and child.i > head.i and not _is_person(child):
                continue  # "Jens Laerke, a spokesman for ..." -> keep the name, drop the title
            if child.dep_ in ("prep",) and child.lower_ not in ("of", "for", "in", "at"):
                continue
            tokens.append(child)
            frontier.append(child)
    tokens.sort(key=lambda t: t.i)
    span = head.doc[tokens[0].i : tokens[-1].i + 1]
    return _trim(span)


def _can_speak(subject: Token, words: AttributionWords) -> bool:
    """A person, organisation or place, a pronoun, or a noun for someone who reports
    (rules/lexicons/speaking_nouns.yml); "the numbers show" has no source."""
    # the head itself must be a name: "13 days of bombardment of Gaza" names Gaza, it does not speak
    if subject.pos_ in ("PRON", "PROPN") or subject.ent_type_ in _NAMED_ENTITIES:
        return True
    if any(c.dep_ in _NAMING_DEPS and c.ent_type_ in _NAMED_ENTITIES for c in subject.children):
        return True  # "an AFP journalist", "a Reuters correspondent": someone of a named body
    return lemma(subject).lower() in words.speaking_nouns or subject.lower_ in words.speaking_nouns


# How a name modifies a subject noun directly ("an AFP journalist", "Reuters' reporter"), unlike
# a name further down a prepositional phrase ("13 days of bombardment of Gaza").
_NAMING_DEPS = frozenset({"compound", "poss"})


def _anonymous(source: str, words: AttributionWords) -> bool:
    """A source that names no one: "a senior official", "two diplomats", "witnesses": a word of
    rules/lexicons/anonymous_sources.yml within the first words of the phrase."""
    return bool(_anonymous_pattern(words.anonymous_heads).match(source))


@lru_cache(maxsize=8)
def _anonymous_pattern(heads: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"^(?:an?\s+|the\s+|some\s+|two\s+|several\s+)?(?:\w+\s+){0,3}?(?:" + _alternatives(heads) + r")\b", re.I)


@lru_cache(maxsize=8)
def phrase_pattern(phrases: frozenset[str]) -> re.Pattern[str]:
    """A case-blind search for any of ``phrases`` as whole words (the longest first)."""
    return re.compile(r"\b(?:" + _alternatives(phrases) + r")\b", re.I)


def _alternatives(phrases: frozenset[str]) -> str:
    """``phrases`` as one alternation, the longest first, spaces matching any run of space;
    nothing at all matches an empty set."""
    ordered = sorted(phrases, key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered) or r"(?!x)x"


def _is_person(token: Token) -> bool:
    return any(t.ent_type_ == "PERSON" for t in token.subtree)


def _trim(span: Span) -> str:
    text = span.text.strip(" ,;:-—\"'“”‘’")
    return re.sub(r"\s+", " ", text)


_NAMED_ENTITIES = ("PERSON", "ORG", "GPE", "NORP")


def _is_named(token: Token) -> bool:
    return any(t.ent_type_ in _NAMED_ENTITIES for t in token.subtree)


def _parenthetical(cue: Token) -> bool:
    """A bare cue set off by punctuation ("..., police said."): it says nothing of its own, so it
    reports the sentence it is attached to even where the parser hangs it off a noun."""
    if any(child.dep_ not in _BARE_CUE_DEPS for child in cue.children):
        return False
    doc = cue.doc
    # the cue's own commas are its children: look past them ("At one time, Owen said, firefighters ...")
    inside = [t.i for t in cue.subtree if not (t.dep_ == "punct" and t.head == cue)]
    left, right = min(inside), max(inside)
    before = doc[left - 1].text if left > 0 else ""
    after = doc[right + 1].text if right + 1 < len(doc) else ""
    return before in (",", "--", "—", "(") and after in (",", ".", "--", "—", ")", "")


_BARE_CUE_DEPS = frozenset({"nsubj", "aux", "advmod", "npadvmod", "punct", "neg"})
# the edges by which a number hangs off a cue without being what it reports: "Turkey has
# accepted 3.6 million refugees and says ..." (conj), "... warning Israel, while forces killed 40" (advcl)
_NOT_REPORTED_DEPS = frozenset({"conj", "cc", "advcl"})


def _reports(cue: Token, number: Token | None) -> bool:
    """True when ``number`` is in what ``cue`` reports: below it, not through a coordinated or
    adverbial clause of its own."""
    if number is None:
        return False
    edge = _edge_below(cue, number)
    return edge is not None and edge.dep_ not in _NOT_REPORTED_DEPS


def _edge_below(cue: Token, number: Token) -> Token | None:
    """The child of ``cue`` that ``number`` hangs from (``number`` itself when it is one), or
    None when ``number`` is not below ``cue``."""
    child = number
    for ancestor in number.ancestors:
        if ancestor == cue:
            return child
        child = ancestor
    return None


def _outside_report(number: Token, cue: Token, subject: Token) -> bool:
    """True when ``number`` is in the cue's subject ("4.6-Magnitude Earthquake Recorded Near
    Healdsburg": the quake is what was recorded, not who records) or in a prepositional phrase
    fronted before the subject of a cue that reports what follows it ("After a
    quarter-century of craziness, he admitted his ruse"). A clause before a cue that ends the
    sentence ("When the attack came at 3.45pm, Mr Ging said ...", "... 75 kilometers west of
    Manokwari, the USGS said") stays the speaker's account."""
    if number in subject.subtree:
        return True
    edge = _edge_below(cue, number)
    if edge is None or edge.dep_ != "prep" or not edge.i < subject.i < cue.i:
        return False
    return any(c.dep_ in _REPORTED_DEPS and c.i > cue.i for c in cue.children)


# What a cue reports, when it follows the cue: "admitted his ruse", "said that 40 died".
_REPORTED_DEPS = frozenset({"dobj", "ccomp", "xcomp"})


def _depth(token: Token) -> int:
    """How far below the sentence root: the outermost cue is who the article quotes ("Witnesses
    told police that ..., the chief said" is the chief's account)."""
    return sum(1 for _ in token.ancestors)
