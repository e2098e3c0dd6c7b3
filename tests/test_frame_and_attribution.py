"""Claim frames and attribution on real sentences from the corpus (real spaCy pipeline)."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.extract import ExtractSettings, FrameWords, analyse_articles, build_claims
from checker.attribute import attribute_claims
from checker.lexicon import Lexicon
from checker.models import Article
from checker.nlp.spacy_model import load_spacy
from checker.ruleset import load_rules

RULES = load_rules()
LEXICON = Lexicon.from_rules(RULES)
SETTINGS = ExtractSettings(event_words=LEXICON.event_words, frame_words=FrameWords.from_rules(RULES))


def claims_of(text: str, published: dt.date | None = None):
    article = Article(id="a.txt", path="a.txt", text=text, published=published)
    [doc] = analyse_articles([article], load_spacy())
    claims = build_claims(doc, SETTINGS).claims
    return attribute_claims(doc, claims, LEXICON.attribution)


def one(text, number, published=None):
    found = [c for c in claims_of(text, published) if c.text == number]
    assert found, [c.text for c in claims_of(text, published)]
    return found[0]


def test_counted_and_predicate():
    c = one("Turkey has already accepted 3.6 million Syrian refugees and says it can no longer accept them.", "3.6 million")
    assert c.counted == "Syrian refugees" and c.counted_head == "refugee"
    assert c.predicate == "accept"


def test_event_word_after_the_noun():
    c = one("Deadly clashes earlier this month left 13 Turkish troops dead in Idlib.", "13")
    assert c.counted == "Turkish troops"
    assert LEXICON.canonical_predicate(c.predicate) == "kill"
    assert c.place == "Idlib"


def test_predicate_comes_from_the_numbers_own_clause():
    """An event word of an outer clause ("taking" a risk) is not what the figure reports."""
    c = one(
        "Investors are worried that HP is taking an unnecessary risk on EDS, whose disappointing "
        "profit margins had caused its stock to drop by about 30 percent in the past year.",
        "about 30 percent",
    )
    assert c.predicate == "drop"


def test_a_clause_about_what_they_own_is_not_the_event():
    """'Palestinians whose homes were destroyed' are not a count of homes hosting anyone,
    while '24 soldiers who were injured' are a count of the wounded."""
    sheltered = one(
        "UN schools are serving as temporary shelters to more than 15,000 Palestinians whose homes "
        "have been destroyed or who are fleeing the violence.",
        "more than 15,000",
    )
    assert LEXICON.canonical_predicate(sheltered.predicate) not in ("host", "destroy")
    injured = one("There was heavy artillery fire to cover the evacuation of 24 soldiers who were injured.", "24")
    assert LEXICON.canonical_predicate(injured.predicate) == "wound"


def test_a_figures_own_participle_is_its_event():
    """In "18 people had been injured ... and 12 arrested" the 12 were arrested, not injured:
    the figure's own participle tells its event before the verb it is joined to."""
    arrested = one("Police said 18 people had been injured in the violence and 12 arrested for carrying weapons.", "12")
    assert arrested.predicate == "arrest"
    injured = one("Police said 18 people had been injured in the violence and 12 arrested for carrying weapons.", "18")
    assert LEXICON.canonical_predicate(injured.predicate) == "wound"


def test_a_singular_noun_joined_to_a_plural_one_only_modifies_it():
    """'Hundreds of government and private buildings' count buildings; 'soldiers and
    civilians' keep the first noun."""
    assert one("Hundreds of government and private buildings have been damaged.", "Hundreds").counted_head == "building"
    assert one("Hundreds of soldiers and civilians were killed.", "Hundreds").counted_head == "soldier"


def test_scope_resolved_against_publication_date():
    c = one("The offensive has driven almost 700,000 people from their homes in the past 10 weeks.", "almost 700,000", dt.date(2020, 2, 11))
    assert c.scope.text == "in the past 10 weeks"
    assert c.scope.end == dt.date(2020, 2, 11)


def test_window_numbers_are_not_claims():
    texts = [c.text for c in claims_of("Almost 700,000 people fled in the past 10 weeks.")]
    assert "10" not in texts and "10 weeks" not in texts


def test_a_time_phrase_with_no_other_figure_is_the_claim():
    # "11 days ago" scopes nothing else in its sentence: how long the assault has gone on is what it reports
    c = one("Israel launched its assault on the Gaza Strip 11 days ago.", "11 days", dt.date(2009, 1, 7))
    assert (c.kind.value, c.value.point, c.unit) == ("duration", 11, "day")
    assert [c.text for c in claims_of("In the past 11 days of fighting, 600 people were killed.")] == ["600"]


def test_within_hours_is_a_window_not_a_figure():
    """'The third attack on a UN school within 24 hours': 24 hours frames the attacks."""
    texts = [c.text for c in claims_of("It was the third attack on a UN school within 24 hours, and 40 people died.")]
    assert not any("24" in t for t in texts) and "40" in texts


def test_part_of_an_earlier_figure():
    text = ("Of the almost 900,000 forced from their homes in the last three months, most are women and children. "
            "Around 300,000 of those have fled since the start of February alone.")
    claims = claims_of(text)
    whole = [c for c in claims if c.text == "almost 900,000"][0]
    part = [c for c in claims if c.text == "Around 300,000"][0]
    assert part.part_of == whole.id


@pytest.mark.parametrize(
    "text, whole, part",
    [
        ("The UN said earlier that it had confirmed 30 dead and 55 wounded, 15 critically.", "55", "15"),
        ("In a separate incident, seven UN staff were injured, three seriously, along with three patients.", "seven", "three"),
    ],
)
def test_a_figure_with_only_a_degree_is_part_of_the_one_before(text, whole, part):
    claims = claims_of(text)
    whole_claim = next(c for c in claims if c.text == whole)
    part_claim = next(c for c in claims if c.text == part)
    assert part_claim.part_of == whole_claim.id and whole_claim.part_of is None


def test_according_to():
    c = one("Turkey responded with attacks against Syrian positions that, according to a war monitor, caused 13 Syrian deaths.", "13")
    assert c.attribution.source == "a war monitor"
    assert c.attribution.kind.value == "according_to"


def test_reported_speech_with_hedge_and_alias():
    c = one("The Turkish Defense Ministry claims to have “neutralized” more than 100 soldiers of the Syrian regime.", "more than 100")
    assert c.attribution.source == "The Turkish Defense Ministry"
    assert c.attribution.source_normalized == "Turkish Ministry of Defense"
    assert c.attribution.hedge == "claims to have"
    assert c.attribution.kind.value == "reported_speech"


def test_unattributed():
    c = one("It already hosts 3.5 million refugees.", "3.5 million")
    assert c.attribution.source is None
    assert c.attribution.kind.value == "unattributed"


def test_direct_quote_with_speaker_after():
    c = one('"We have lost 13 soldiers in two weeks," Erdogan said.', "13")
    assert c.attribution.kind.value == "direct_quote"
    assert c.attribution.source == "Erdogan"


def test_pronoun_resolved_to_last_person():
    text = "Jens Laerke spoke in Geneva on Tuesday. He said 900,000 people had fled."
    c = one(text, "900,000")
    assert c.attribution.source == "Jens Laerke"


@pytest.mark.parametrize(
    "text,number",
    [
        ("A source in diplomatic circles said 40 people died.", "40"),
        ("Two sources told Reuters that 12 were arrested.", "12"),
        ("Security officials, speaking on condition of anonymity, said 40 people died.", "40"),
    ],
)
def test_anonymous_sources(text, number):
    assert one(text, number).attribution.kind.value == "anonymous"


def test_named_official_is_not_anonymous():
    c = one("UN official Jens Laerke said 40 people died.", "40")
    assert c.attribution.kind.value == "reported_speech"


def test_an_amount_of_money_does_not_count_the_robbers_a_headline_names():
    """The parser makes 'e80 million' an appositive of 'Robbers' in this headline; the money is
    not a count of robbers. A count in apposition keeps its noun ('two sons, 11 and 14')."""
    money = one("Robbers in drag steal e80 million from Paris diamond store in biggest French heist.", "e80 million")
    assert money.counted_head != "robber"
    age = one("She had lost an 8-year-old daughter and two sons, 11 and 14.", "11")
    assert age.counted_head == "son"


def test_a_clause_with_its_own_object_is_not_the_figures_event():
    """The 30 were fired; the baby was wounded. A participle with no object of its own still
    tells the event ("left 13 Turkish troops dead")."""
    fired = one("Hamas fired more than 30 into Israel yesterday, one to within 20 miles of Tel Aviv at Gadera, wounding a baby.", "more than 30")
    assert fired.predicate == "fire"


def test_a_denied_floor_is_a_ceiling():
    """"None has offered more than eight years" says the offers are at most eight years; a
    span the event has not happened in stays a floor ("not hit in more than 25 years")."""
    from checker.models import Bound

    denied = one(
        "None of the other teams in the Teixeira sweepstakes has been reported to have offered more than eight years.",
        "more than eight years",
    )
    assert denied.bound == Bound.at_most and denied.value.high == 8
    span = one("The surrounding area has not been hit by a quake in more than 25 years.", "more than 25 years")
    assert span.bound == Bound.more_than
    plain = one("The Nationals have offered more than eight years.", "more than eight years")
    assert plain.bound == Bound.more_than


def test_money_counts_what_it_is_of_or_in_never_a_time_phrase():
    """'revenue of $54 billion last year' and '$22.1 billion in revenue' are revenues; 'last year'
    is when, not what ('$54 billion' with 'last year' right after it)."""
    assert one("IBM's services division brought in revenue of $54 billion last year.", "$54 billion").counted_head == "revenue"
    assert one("EDS earned $716 million on $22.1 billion in revenue last year.", "$22.1 billion").counted_head == "revenue"
    assert one("The firm paid $40 million in aid.", "$40 million").counted_head == "aid"
    assert one("The group paid $5 million last year to its members.", "$5 million").counted_head != "year"
    assert one("The company gave $3 million in 2008.", "$3 million").counted is None


def test_a_figure_that_is_a_level_counts_the_noun_it_is_the_level_of():
    """'put the death toll at 40', 'the toll rose to 45' count a death toll; troops that
    advanced to 40 km are not 40 km."""
    assert one("Gunness put the death toll of the shelling at 40.", "40").counted == "death toll"
    assert one("The death toll rose to 45 on Tuesday.", "45").counted_head == "toll"
    assert one("Troops advanced to 40 km from the city.", "40 km").counted is None
