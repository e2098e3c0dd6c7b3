"""Time scopes resolved against the publication date, on sentences from the corpus."""

import datetime as dt

import pytest

from checker.extract.timescope import find_time_phrases, nearest_time_phrase

FEB15 = dt.date(2020, 2, 15)  # 000's publication date
FEB11 = dt.date(2020, 2, 11)


def _only(sentence, published):
    phrases = find_time_phrases(sentence, published)
    assert len(phrases) == 1, phrases
    return phrases[0].scope


def test_last_three_months_is_a_window_ending_at_publication():
    scope = _only("Of the almost 900,000 forced from their homes and shelters in the last three months", FEB15)
    assert scope.text == "in the last three months"
    assert scope.end == FEB15 and scope.start == FEB15 - dt.timedelta(days=90)


def test_past_ten_weeks():
    scope = _only("has driven almost 700,000 people from their homes in the past 10 weeks", FEB11)
    assert (scope.start, scope.end) == (FEB11 - dt.timedelta(days=70), FEB11)


def test_since_the_start_of_february():
    scope = _only("Around 300,000 of those have fled since the start of February alone.", FEB15)
    assert (scope.start, scope.end) == (dt.date(2020, 2, 1), FEB15)


def test_since_last_april_is_the_previous_april():
    scope = _only("Since last April, Syrian government forces have carried out an intermittent military campaign", dt.date(2020, 2, 4))
    assert scope.start == dt.date(2019, 4, 1)


def test_this_year():
    scope = _only("His office has recorded 299 civilian deaths this year", FEB15)
    assert (scope.start, scope.end) == (dt.date(2020, 1, 1), FEB15)


def test_on_monday_is_the_monday_before_publication():
    scope = _only("including five killed on Monday", FEB11)
    assert scope.start == scope.end == dt.date(2020, 2, 10)


def test_explicit_date():
    scope = _only("Turkey announced on February 11 that 51 Syrian soldiers had been killed", FEB15)
    assert scope.start == scope.end == dt.date(2020, 2, 11)


def test_no_publication_date_keeps_the_text():
    scope = _only("At least 13 civilians were killed in the airstrikes overnight", None)
    assert scope.text == "overnight" and scope.start is None


def test_nearest_phrase_wins():
    sentence = "On Monday the ministry said 13 people had died since the start of February"
    phrases = find_time_phrases(sentence, FEB15)
    at = sentence.index("13")
    assert nearest_time_phrase(phrases, at).text.lower() in ("on monday", "since the start of february")
    assert len(phrases) == 2


def test_a_time_in_a_relative_clause_after_the_number_is_not_its_scope():
    sentence = (
        "Atururi said at least 40 people were injured in the earthquakes, which rekindled memories of "
        "similar deadly quakes that hit the town in 2002."
    )
    phrases = find_time_phrases(sentence, FEB15)
    assert nearest_time_phrase(phrases, sentence.index("40"), sentence) is None
    # without the sentence, the nearest phrase is taken as before
    assert nearest_time_phrase(phrases, sentence.index("40")).text == "in 2002"


@pytest.mark.parametrize("text", ["", "no dates here at all", "x" * 5000, "in the last 99999999999 years"])
def test_odd_input_never_raises(text):
    find_time_phrases(text, FEB15)


def test_recent_days_is_a_window_ending_at_publication():
    """'in recent days' dates the figure beside it, so a farther 'in December' of another
    clause does not; 'the past few weeks' is three of them."""
    phrases = find_time_phrases(
        "Since launching their offensive in December, troops have taken control of dozens of towns in recent days.", FEB11
    )
    recent = next(p for p in phrases if p.text == "in recent days")
    assert (recent.scope.start, recent.scope.end) == (FEB11 - dt.timedelta(days=7), FEB11)
    at = "Since launching their offensive in December, troops have taken control of dozens".index("dozens")
    assert nearest_time_phrase(phrases, at).text == "in recent days"
    few = _only("Over the past few weeks, 20 people died.", FEB11)
    assert (few.start, few.end) == (FEB11 - dt.timedelta(days=21), FEB11)


@pytest.mark.parametrize(
    "sentence, calendar",
    [
        ("Three people were wounded in early March at a printing plant.", "named"),
        ("The 7.6 quake of Oct. 10, 2002 was the largest recorded.", "named"),
        ("Last year, an 8.6 quake hit off the coast.", "counted_back"),
        ("The plant was shut two months ago.", "counted_back"),
        ("A gunman shot three people on Monday, police said.", None),
        ("has driven almost 700,000 people from their homes in the past 10 weeks", None),
        ("Prices rose earlier this week.", None),
    ],
)
def test_a_scope_says_whether_the_calendar_names_its_window(sentence, calendar):
    # A weekday is reckoned from a publication date that may be wrong; a month or year is not.
    assert _only(sentence, FEB15).calendar == calendar
