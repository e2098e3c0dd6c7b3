"""Page furniture is blanked before reading, and every offset still points into the article."""

from __future__ import annotations

from checker.extract.furniture import blank_furniture, furniture_spans
from checker.models import Article
from checker.pipeline import check_articles
from checker.ruleset import load_rules

RULES = load_rules()
GALLERY = (
    "Divers brought out 12 boys and their coach on Tuesday.\n"
    "1/8 Rescuers at the mouth of the cave. Hide Caption 1 of 8\n"
    "2/8 An ambulance leaves the site. Hide Caption 2 of 8\n"
    "Related: 5 things to know about cave diving\n"
    "The rescue took 18 days, officials said.\n"
)


def test_blanking_keeps_the_length_and_the_line_breaks():
    blanked = blank_furniture(GALLERY, RULES.furniture())
    assert len(blanked) == len(GALLERY)
    assert [i for i, c in enumerate(blanked) if c == "\n"] == [i for i, c in enumerate(GALLERY) if c == "\n"]
    assert "Hide Caption" not in blanked and "1/8" not in blanked and "5 things" not in blanked
    assert "Rescuers at the mouth of the cave." in blanked  # the caption's own words stay


def test_no_figure_is_read_off_furniture_and_offsets_hold():
    article = Article(id="a.txt", path="a.txt", text=GALLERY)
    claims = check_articles([article], rules=RULES, align=False).claims
    assert [c.text for c in claims] == ["12", "18 days"]
    for claim in claims:
        assert GALLERY[claim.start : claim.end] == claim.text


def test_disabling_the_furniture_rules_reads_the_counters_again():
    article = Article(id="a.txt", path="a.txt", text=GALLERY)
    claims = check_articles([article], rules=RULES.select(disable=["furniture"]), align=False).claims
    assert [c.text for c in claims] == ["12", "1/8", "2/8", "5", "18 days"]


def test_a_single_line_opening_with_a_fraction_is_not_a_gallery():
    text = "3/4 of the residents voted.\nThe turnout was high."
    assert furniture_spans(text, RULES.furniture()) == []
