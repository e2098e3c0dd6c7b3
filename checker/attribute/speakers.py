"""Find who a sentence attributes its content to, from a spaCy parse.

Handles ``according to X``, ``X said/told/announced/claimed ...``, ``..., said X``,
passive ``was reported by X``, and pronoun subjects resolved to the last named person
or organisation.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict
from spacy.tokens import Doc, Span, Token

from checker.nlp.lemmas import lemma

CUE_VERBS = {
    "say", "tell", "report", "announce", "claim", "admit", "state", "confirm", "estimate",
    "add", "note", "warn", "insist", "declare", "reveal", "disclose", "acknowledge", "record",
    "count", "put", "quote", "cite", "write", "explain", "allege", "argue", "tweet", "show",
    "indicate", "suggest", "brief", "document", "deny", "concede", "predict",
}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_SOURCE_MODIFIERS = {"det", "amod", "compound", "poss", "case", "nmod", "nummod", "prep", "pobj", "cc", "conj", "punct", "appos"}
_PRONOUNS = {"he", "she", "him", "her"}
_GROUP_PRONOUNS = {"they", "it", "we", "i"}
_ANONYMOUS = re.compile(
    r"^(?:an?\s+|the\s+|some\s+|two\s+|several\s+)?(?:\w+\s+){0,3}?"
    r"(?:source|sources|official|officials|diplomat|diplomats|witness|witnesses|person|people|insider|insiders|aide|aides)\b",
    re.I,
)


class Speaker(BaseModel):
    """A source found for a sentence, with the cue that introduced it."""

    model_config = ConfigDict(frozen=True)

    source: str
    cue: str
    according_to: bool = False
    anonymous: bool = False
    pronoun: bool = False


def speaker_in(doc: Doc, number_token: Token | None) -> Speaker | None:
    """The speaker of ``doc`` that governs ``number_token`` (or the sentence's main cue)."""
    according = _according_to(doc)
    if according is not None:
        return according
    cues = _cue_verbs(doc)
    if not cues:
        return None
    ancestors = set(number_token.ancestors) if number_token is not None else set()
    governing = [c for c in cues if c in ancestors]
    # Prefer the cue that governs the number, then the sentence root, then the first cue.
    ordered = governing + [c for c in cues if c.dep_ == "ROOT"] + cues
    for cue in ordered:
        subject = _subject(cue)
        if subject is None:
            continue
        if not _can_speak(subject):
            continue  # "the numbers show", "no damage was reported": not a source
        text = _source_text(subject)
        if not text:
            continue
        return Speaker(
            source=text,
            cue=cue.text,
            anonymous=bool(_ANONYMOUS.match(text)) and not _is_named(subject),
            pronoun=subject.lower_ in _PRONOUNS | _GROUP_PRONOUNS,
        )
    return None


def last_named_entity(docs: list[Doc], labels: tuple[str, ...]) -> str | None:
    """The most recent named entity of ``labels`` in ``docs`` (earliest doc first)."""
    for doc in reversed(docs):
        ents = [e for e in doc.ents if e.label_ in labels]
        if ents:
            return ents[-1].text
    return None


def _cue_verbs(doc: Doc) -> list[Token]:
    """The speech verbs of ``doc`` (said, told, ...), found once per sentence: a sentence with
    several figures is asked once per figure."""
    if "claimcheck_cues" not in doc.user_data:
        doc.user_data["claimcheck_cues"] = [
            t.i for t in doc if t.pos_ in ("VERB", "AUX") and lemma(t).lower() in CUE_VERBS
        ]
    return [doc[i] for i in doc.user_data["claimcheck_cues"]]


def _according_to(doc: Doc) -> Speaker | None:
    if "according" not in doc.text.lower():  # most sentences: skip the token scan
        return None
    for token in doc:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            to = doc[token.i + 1]
            objects = [c for c in to.children if c.dep_ == "pobj"]
            if objects:
                text = _source_text(objects[0])
            else:  # parser missed the object: take the words up to the next punctuation
                words = []
                for t in doc[to.i + 1 :]:
                    if t.is_punct:
                        break
                    words.append(t.text_with_ws)
                text = "".join(words).strip()
            if text:
                return Speaker(
                    source=text,
                    cue="according to",
                    according_to=True,
                    anonymous=bool(_ANONYMOUS.match(text)) and not any(e for e in doc.ents if e.text in text),
                )
    return None


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


# Nouns that can say, report or claim something; other subjects of a cue verb ("the
# numbers show", "the trade rumor suggests") are not sources.
_SPEAKING_NOUNS = {
    "official", "spokesman", "spokeswoman", "spokesperson", "police", "monitor", "agency", "ministry",
    "minister", "source", "witness", "authority", "media", "government", "military", "army", "governor",
    "sheriff", "newspaper", "paper", "report", "statement", "television", "tv", "radio", "president",
    "chief", "head", "director", "observatory", "group", "organization", "organisation", "office",
    "department", "survey", "service", "agency", "team", "club", "company", "spokesmen", "officer",
    "commander", "command", "general", "analyst", "expert", "doctor", "hospital", "medic", "worker",
    "resident", "relative", "official", "diplomat", "aide", "insider", "lawyer", "prosecutor", "judge",
    "court", "network", "institute", "university", "story", "article", "channel", "website", "site",
    "daily", "times", "post", "journal", "press", "wire", "manager", "owner", "coach", "agent", "record",
    "records", "document", "data", "figure", "figures", "estimate", "count", "tally", "census",
    "lieutenant", "lt", "sgt", "sergeant", "captain", "mayor", "secretary", "senator", "leader",
    "representative", "spokespeople", "people", "person", "man", "woman", "family", "friend", "wife",
    "husband", "son", "daughter", "mother", "father", "neighbour", "neighbor", "investigator", "rescuer",
    "volunteer", "staff", "employee", "teacher", "student", "party", "union", "council", "committee",
    "board", "commission", "body", "unit", "force", "forces", "troops", "rebel", "rebels", "activist",
}


def _can_speak(subject: Token) -> bool:
    """A person, organisation or place, a pronoun, or a noun for someone who reports."""
    if subject.pos_ in ("PRON", "PROPN") or _is_named(subject):
        return True
    return lemma(subject).lower() in _SPEAKING_NOUNS or subject.lower_ in _SPEAKING_NOUNS


def _is_person(token: Token) -> bool:
    return any(t.ent_type_ == "PERSON" for t in token.subtree)


def _trim(span: Span) -> str:
    text = span.text.strip(" ,;:-—\"'“”‘’")
    return re.sub(r"\s+", " ", text)


def _is_named(token: Token) -> bool:
    return any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in token.subtree)
