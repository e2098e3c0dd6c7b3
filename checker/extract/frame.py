"""The claim frame: what a number counts, the predicate, and the place, read off a spaCy parse.

"Turkey has already accepted 3.6 million Syrian refugees" -> counted "Syrian refugees"
(head "refugee"), predicate "accept"; "left 13 Turkish troops dead" -> predicate "dead".
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict
from spacy.tokens import Doc, Span, Token

from checker.extract.holder import holder_of
from checker.nlp.lemmas import lemma
from checker.pronouns import Pronouns
from checker.ruleset import RuleSet

# Dependency labels by which a number attaches to the noun it counts.
_NUMBER_TO_NOUN = {"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod", "appos", "det"}
# Modifier labels kept when writing what is counted ("Turkish military and civilian personnel").
_COUNTED_MODIFIERS = {"amod", "compound", "nmod", "poss", "conj", "cc"}
# Nouns that only say "a part of something said before" ("300,000 of those").
_PRONOUN_LIKE = {"PRON", "DET"}
_EVENT_DEPS = {"acomp", "oprd", "xcomp", "ccomp", "advcl"}
_OWN_CLAUSES = {"acl", "relcl"}


class FrameWords(BaseModel):
    """The words the frame extractor reads (rules/lexicons/). No field has a default: a frame
    read without them would silently lose its parts, levels and denials."""

    model_config = ConfigDict(frozen=True)

    # "55 wounded, 15 critically": a figure with only a degree after it is a part of the one before
    degree_only: frozenset[str]
    # verbs whose subject takes the level a figure names: "the toll rose to 45"
    level_verbs: frozenset[str]
    # subjects that deny their clause: "none has offered more than eight years"
    negative_subjects: frozenset[str]
    # prepositions of a span the event has not happened in: "not hit in more than 25 years"
    time_span_prepositions: frozenset[str]
    # lower-case words inside a name, read as part of the holder's name: "Bank of America"
    name_joiners: frozenset[str]
    # words that point back to something counted earlier, and subjects that stand for someone
    # named elsewhere (rules/lexicons/pronouns.yml)
    pronouns: Pronouns

    @classmethod
    def from_rules(cls, rules: RuleSet) -> "FrameWords":
        return cls(
            degree_only=rules.words("degree_only"), level_verbs=rules.words("level_verbs"),
            negative_subjects=rules.words("negative_subjects"),
            time_span_prepositions=rules.words("time_span_prepositions"), name_joiners=rules.words("name_joiners"),
            pronouns=Pronouns.from_rules(rules),
        )


class Frame(BaseModel):
    """What the frame extractor found around one number."""

    model_config = ConfigDict(frozen=True)

    counted: str | None = None
    counted_head: str | None = None
    predicate: str | None = None
    place: str | None = None
    phrase: str | None = None  # the figure with what it counts and its predicate, as written
    anaphoric: bool = False
    negated: bool = False  # the figure's clause is denied: "none has offered more than eight years"
    holder: str | None = None  # whose figure it is: "Bank of America Corp. will take a $3 billion charge"


def frame_for(
    doc: Doc, start: int, end: int, event_words: frozenset[str], words: FrameWords, money: bool = False,
    estimating_verbs: frozenset[str] = frozenset(),
) -> Frame:
    """Frame of the number at ``doc.text[start:end]`` (offsets relative to ``doc``), read with
    ``words``; ``money`` when the number is an amount of money; the subject of one of
    ``estimating_verbs`` holds no figure."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return Frame()
    anchor = _anchor(span)
    noun, anaphoric = _counted_noun(anchor, span, words, money)
    counted = _counted_phrase(noun, span) if noun is not None and not anaphoric else None
    head_lemma = lemma(noun).lower() if noun is not None and not anaphoric else None
    predicate, predicate_token = _predicate(noun if noun is not None else anchor, span, event_words)
    return Frame(
        counted=counted,
        counted_head=head_lemma,
        predicate=predicate,
        phrase=written_phrase(span, noun if counted else None, predicate_token),
        place=_place(doc, span),
        anaphoric=anaphoric,
        negated=_negated_clause(anchor, words),
        holder=holder_of(anchor, noun if not anaphoric else None, words.name_joiners, words.pronouns.subject, estimating_verbs),
    )


def _anchor(span: Span) -> Token:
    """The token of the number phrase that the parser attaches to the rest of the sentence."""
    inside = set(t.i for t in span)
    for token in span:
        if token.head.i not in inside or token.head == token:
            return token
    return span[-1]


def _counted_noun(anchor: Token, span: Span, words: FrameWords, money: bool = False) -> tuple[Token | None, bool]:
    """The noun the number counts, and whether it only points back to an earlier figure."""
    inside = {t.i for t in span}
    # "hundreds of thousands of civilians", "300,000 of those": follow "of".
    for child in anchor.children:
        if child.i in inside:
            continue
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                obj = _plural_conjunct(objects[0])
                return obj, obj.lower_ in words.pronouns.anaphoric or obj.pos_ in _PRONOUN_LIKE
    if _degree_of_an_earlier_figure(span, words.degree_only):
        return None, True
    if money and (sum_of := _what_money_is(anchor, span)) is not None:
        return sum_of, False
    if (reached := _what_reaches_it(anchor, words.level_verbs)) is not None:
        return reached, False
    # Inside-span nouns ("eight-year", "100-vehicle", "3.6 million Syrians" tokenised oddly).
    head = anchor.head
    # An amount of money in apposition to a common noun is a misparsed headline ("Robbers in
    # drag steal e80 million" makes "million" an appositive of "Robbers"), never what it is
    # worth; a count or an age is that noun's ("two sons, 11 and 14"), and a name keeps its
    # figure ("Jean Larson, 48"; "the Orioles $140 million", a bid with its verb elided).
    misparsed = money and anchor.dep_ == "appos" and head.pos_ == "NOUN"
    if anchor.dep_ in _NUMBER_TO_NOUN and not misparsed and head.i not in inside and head.pos_ in ("NOUN", "PROPN"):
        return head, False
    # The parser sometimes leaves the noun right after the number unattached.
    nxt = _token_after(span)
    while nxt is not None and nxt.pos_ in ("ADJ", "PROPN") and nxt.i + 1 < len(span.doc) and nxt.dep_ in ("amod", "compound"):
        nxt = span.doc[nxt.i + 1]
    # A time phrase is when, not what ("revenue of $54 billion last year").
    if nxt is not None and nxt.pos_ == "NOUN" and not _is_time(nxt):
        return nxt, False
    return None, False


def _what_money_is(anchor: Token, span: Span) -> Token | None:
    """The noun an amount of money is of: "revenue of $54 billion", "$22.1 billion in revenue"
    (the parser often hangs "in revenue" on the verb, so the words right after count)."""
    head = anchor.head
    if anchor.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and head.head.i < head.i:
        return head.head
    nxt = _token_after(span)
    if nxt is not None and nxt.lower_ == "in" and nxt.dep_ == "prep":
        objects = [c for c in nxt.children if c.dep_ == "pobj" and c.pos_ == "NOUN" and not _is_time(c)]
        return objects[0] if objects else None
    return None


def _what_reaches_it(anchor: Token, level_verbs: frozenset[str]) -> Token | None:
    """The noun a figure is the level of: "put the death toll at 40", "the toll rose to 45"
    (the verb's object, else the subject of one of ``level_verbs``)."""
    head = anchor.head
    if anchor.dep_ != "pobj" or head.lower_ not in ("at", "to") or head.head.pos_ != "VERB":
        return None
    verb = head.head
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < head.i]
    if objects:
        return objects[0] if objects[0].pos_ == "NOUN" else None
    if lemma(verb).lower() not in level_verbs:
        return None  # "troops advanced to 40 km": the troops are not 40 km
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"]
    return subjects[0] if subjects else None


def _degree_of_an_earlier_figure(span: Span, degree_only: frozenset[str]) -> bool:
    """", 15 critically": right after a comma, the number is followed by a degree alone."""
    nxt = _token_after(span)
    before = span.doc[span.start - 1] if span.start > 0 else None
    return nxt is not None and nxt.lower_ in degree_only and before is not None and before.text == ","


def _token_after(span: Span) -> Token | None:
    return span.doc[span.end] if span.end < len(span.doc) else None


def _is_time(token: Token) -> bool:
    return token.ent_type_ in ("DATE", "TIME")


def _plural_conjunct(noun: Token) -> Token:
    """The counted noun of "hundreds of government and private buildings": a singular noun
    joined to a plural one only modifies it (the parser makes "government" the object);
    "soldiers and civilians" are both counted and the first stands for them."""
    if noun.tag_ != "NN":
        return noun
    plural = [c for c in noun.children if c.dep_ == "conj" and c.tag_ == "NNS"]
    return plural[0] if plural else noun


def _counted_phrase(noun: Token, span: Span) -> str:
    """The counted noun with its left modifiers: "Turkish military and civilian personnel"."""
    inside = {t.i for t in span}
    keep = [noun]
    frontier = [noun]
    while frontier:
        token = frontier.pop()
        for child in token.lefts:
            if child.i in inside or child.dep_ not in _COUNTED_MODIFIERS or child.pos_ in ("NUM", "DET"):
                continue
            keep.append(child)
            frontier.append(child)
    keep.sort(key=lambda t: t.i)
    # Keep only the contiguous run that ends at the noun (drop modifiers split off by the number).
    words = [keep[-1]]
    for token in reversed(keep[:-1]):
        if token.i == words[0].i - 1:
            words.insert(0, token)
        else:
            break
    return " ".join(t.text for t in words)


def _predicate(start: Token, span: Span, event_words: frozenset[str]) -> tuple[str | None, Token | None]:
    """The event the figure reports (a known event word near the number, else the governing
    verb) as a lemma, and the token it was read from."""
    # The figure's own participle or relative clause ("18 people had been injured and 12
    # arrested", "24 soldiers who were injured") tells its event before any verb it hangs
    # from, unless the clause is about something they own ("Palestinians whose homes were
    # destroyed").
    own = [c for c in start.rights if c.dep_ in _OWN_CLAUSES and c.pos_ == "VERB" and not _about_what_they_own(c)]
    candidates: list[Token] = [start, *own]
    verb: Token | None = None
    token = start
    for _ in range(6):  # climb a few heads; deeper is another clause
        if token.pos_ in ("VERB", "AUX") and verb is None:
            verb = token
            if token.pos_ == "VERB":
                break  # its clause ends here: "taking a risk on EDS, whose stock dropped by 30 percent"
        if token.head == token:
            break
        token = token.head
        candidates.append(token)
    if verb is None and token.pos_ in ("VERB", "AUX"):
        verb = token
    if verb is not None:
        candidates.extend(c for c in verb.children if c.dep_ in _EVENT_DEPS and not _has_own_object(c))
    # Words right after the counted noun ("13 Turkish troops dead", "50 people killed",
    # "24 soldiers who were injured"), up to a clause about something they own, which tells
    # of that thing ("Palestinians whose homes were destroyed").
    for token in span.doc[start.i + 1 : start.i + 4]:
        if token.is_punct or token.tag_ == "WP$":
            break
        candidates.append(token)
    for cand in candidates:
        for form in (lemma(cand).lower(), cand.lower_):
            if form in event_words:
                return form, cand
    if verb is not None:
        return lemma(verb).lower(), verb
    return None, None


def _about_what_they_own(clause: Token) -> bool:
    """A relative clause whose subject is owned by the noun it describes ("whose homes ...")."""
    return any(t.tag_ == "WP$" for t in clause.subtree)


# A phrase longer than this is a clause, not a label.
_PHRASE_MAX_TOKENS = 12
# What completes a predicate as written: "forced from their homes", "hosted by Turkey".
_PREDICATE_COMPLEMENTS = {"prt", "prep", "agent", "acomp", "advmod"}


def written_phrase(span: Span, noun: Token | None, predicate: Token | None) -> str | None:
    """The figure, what it counts and its predicate in the sentence's own words ("almost
    900,000 forced from their homes", "has driven almost 700,000 people"): the shortest run of
    the sentence that holds them, with the predicate's first complement when it follows. A
    run too long to read as a label drops the complement, then the predicate."""
    core = {t.i for t in span} | ({noun.i} if noun is not None else set())
    tries = [core]
    if predicate is not None and predicate.pos_ in ("VERB", "AUX", "ADJ"):
        with_predicate = core | {predicate.i}
        complement = _complement(predicate) if predicate.i >= span.end else set()
        tries = [with_predicate | complement, with_predicate, core] if complement else [with_predicate, core]
    doc = span.doc
    for indices in tries:
        first, last = min(indices), max(indices)
        while last > first and (doc[last].is_punct or doc[last].pos_ in ("CCONJ", "ADP", "DET")):
            last -= 1
        while first < last and doc[first].is_punct:
            first += 1
        if last - first + 1 <= _PHRASE_MAX_TOKENS:
            # quotation marks of the sentence would stand unpaired in a label ("neutralized”)
            return "".join(t.whitespace_ if t.is_quote else t.text_with_ws for t in doc[first : last + 1]).strip()
    return None


def _complement(predicate: Token) -> set[int]:
    """The predicate's first complement to its right, up to its own head noun ("from their
    homes" of "forced from their homes and shelters in the last three months")."""
    for child in predicate.rights:
        if child.dep_ not in _PREDICATE_COMPLEMENTS:
            continue
        objects = [c for c in child.children if c.dep_ == "pobj"]
        end = objects[0].i if objects else child.i
        return set(range(child.i, end + 1))
    return set()


# Links climbed from a number to the verb of its own clause (not into a conjoined, reported
# or relative clause: in "no one was hurt, but 20 homes were damaged" the 20 is not denied).
_WITHIN_CLAUSE = {"nummod", "quantmod", "amod", "compound", "dobj", "attr", "acomp", "pobj", "prep", "npadvmod", "xcomp", "aux", "auxpass", "nsubj", "nsubjpass"}


def _negated_clause(anchor: Token, words: FrameWords) -> bool:
    """Whether the number's clause is denied by "not"/"never" or by a negative subject (one
    of ``words.negative_subjects``, "no other offer"), so "more than eight years" means at
    most eight. "Not hit by a quake in more than 25 years": a span of time (after one of
    ``words.time_span_prepositions``) the event has not happened in is long, not short, so
    "not" does not deny it; a negative subject still does."""
    negative_subjects = words.negative_subjects
    token = anchor
    time_span = False
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") and any(_denies(child, time_span, negative_subjects) for child in token.children):
            return True
        if token.dep_ not in _WITHIN_CLAUSE or token.head == token:
            return False
        time_span |= token.dep_ == "prep" and token.lower_ in words.time_span_prepositions
        token = token.head
    return False


def _denies(child: Token, time_span: bool, negative_subjects: frozenset[str]) -> bool:
    if child.dep_ == "neg":
        return not time_span
    if child.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return child.lower_ in negative_subjects or any(d.dep_ == "det" and d.lower_ == "no" for d in child.children)


def _has_own_object(clause: Token) -> bool:
    """A clause whose verb acts on something of its own tells that thing's event: in "fired
    more than 30 into Israel, wounding a baby" the 30 were fired, the baby was wounded."""
    return clause.pos_ == "VERB" and any(c.dep_ in ("dobj", "nsubj", "nsubjpass") for c in clause.children)


def _place(doc: Doc, span: Span) -> str | None:
    """The nearest place name (GPE/LOC entity) in the sentence."""
    places = [e for e in doc.ents if e.label_ in ("GPE", "LOC") and not (e.start < span.end and span.start < e.end)]
    if not places:
        return None
    nearest = min(places, key=lambda e: min(abs(e.start - span.end), abs(span.start - e.end)))
    return nearest.text
