"""Scrape-debris cleaning and the exact offset map back to the original text."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.textclean import CleanText, clean_for_analysis

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "idlib-2020"
DEBRIS_ARTICLE = EXAMPLES / "004_808f13ad6bbbdc29.txt"


def assert_map_is_exact(original: str, clean: CleanText) -> None:
    """The map is total, strictly increasing, anchored at both ends, and every cleaned span
    maps to an original substring that cleans to exactly that span."""
    offsets = [clean.to_original(i) for i in range(len(clean.text) + 1)]
    assert offsets[0] == 0
    if clean.text:  # all-debris input cleans to "": its only offset, 0, maps to 0
        assert offsets[-1] == len(original)
    assert all(a < b for a, b in zip(offsets, offsets[1:]))
    for i, ch in enumerate(clean.text):
        piece = original[offsets[i] : offsets[i + 1]]
        assert clean_for_analysis(piece).text == ch, (i, ch, piece)


@pytest.mark.parametrize(
    ("original", "cleaned"),
    [
        ("plain text, 1,000 people", "plain text, 1,000 people"),
        ("Tom &amp; Jerry", "Tom & Jerry"),
        ("&quot;quoted&quot;", '"quoted"'),
        ("Assad&#39;s", "Assad's"),
        ("Assad&#x27;s", "Assad's"),
        ("Hay & # 39; et", "Hay ' et"),  # mangled `&#39;` as seen in the Idlib corpus
        ("zones,quot; in Syria", 'zones" in Syria'),  # mangled `&quot;`
        ("a&nbsp;b", "a b"),
        ("a\u00a0b", "a b"),
        ("double &amp;quot;escaped&amp;quot;", 'double "escaped"'),
        ("1,\u200b000 killed", "1,000 killed"),
        ("\u200f15\u200f people", "15 people"),
        ("line one\r\nline two\rthree", "line one\nline two\nthree"),
        ("x%MINIFYHTML0205aec2cac6589f0920e3a6b485cacf11%y", "x y"),
        ("tab\tand\x0cfeed\x00nul", "tab\tand feed nul"),
        ("R&D; AT&T; Q&A", "R&D; AT&T; Q&A"),  # not entities: left alone
        ("&notanentity; &#0; &#xD800;", "&notanentity; &#0; &#xD800;"),
        ("&NotEqualTilde;", "&NotEqualTilde;"),  # decodes to two characters: kept as written
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
        ("", ""),
    ],
)
def test_debris_is_cleaned_and_maps_back(original: str, cleaned: str) -> None:
    clean = clean_for_analysis(original)
    assert clean.text == cleaned
    assert_map_is_exact(original, clean)


def test_replaced_entity_maps_to_the_whole_token() -> None:
    original = 'He said ,quot;1,000&amp;more&#39; dead'
    clean = clean_for_analysis(original)
    assert clean.text == "He said \"1,000&more' dead"
    q = clean.text.index('"')
    assert original[clean.to_original(q) : clean.to_original(q + 1)] == ",quot;"
    s, e = clean.text.index("1,000&more"), clean.text.index("' dead") + 1
    start, end = clean.span_to_original(s, e)
    assert original[start:end] == "1,000&amp;more&#39;"


def test_deleted_characters_attach_to_the_following_character() -> None:
    original = "killed \u200b1,000\u200b people"
    clean = clean_for_analysis(original)
    s = clean.text.index("1,000")
    start, end = clean.span_to_original(s, s + len("1,000"))
    assert original[start:end] == "\u200b1,000"


def test_unchanged_text_maps_one_to_one() -> None:
    original = "Ankara, Turkey – more than 1,000 civilians"
    clean = clean_for_analysis(original)
    assert clean.text == original
    assert [clean.to_original(i) for i in range(len(original) + 1)] == list(range(len(original) + 1))


def test_offsets_outside_the_text_are_rejected() -> None:
    clean = clean_for_analysis("abc")
    with pytest.raises(IndexError):
        clean.to_original(4)
    with pytest.raises(IndexError):
        clean.to_original(-1)


def test_real_debris_article_cleans_and_round_trips() -> None:
    original = DEBRIS_ARTICLE.read_text(encoding="utf-8")
    clean = clean_for_analysis(original)
    for debris in ("%MINIFYHTML", ",quot;", "& # 39;"):
        assert debris in original
        assert debris not in clean.text
    assert 'de-escalation zones" in Syria' in clean.text
    assert 'separating "moderate" fighters' in clean.text
    assert_map_is_exact(original, clean)
    # Every word of the cleaned text points at the original text it came from.
    for match in re.finditer(r"\S+", clean.text):
        start, end = clean.span_to_original(*match.span())
        assert clean_for_analysis(original[start:end]).text == match.group()
    # A claim's span lands on the same words in the original.
    s = clean.text.index("More than 1,000 civilians")
    start, end = clean.span_to_original(s, s + len("More than 1,000 civilians"))
    assert original[start:end] == "More than 1,000 civilians"


def test_cleaning_is_linear_on_large_debris_heavy_text() -> None:
    unit = "In 2020, 1,000&nbsp;people ,quot;fled,quot; &amp; \u200b& # 39;\r\n"
    original = unit * 30_000  # ~1.8 MB, 270,000 debris tokens
    started = time.perf_counter()
    clean = clean_for_analysis(original)
    elapsed = time.perf_counter() - started
    assert elapsed < 10, elapsed  # linear: well under a second on a laptop
    assert clean.to_original(len(clean.text)) == len(original)
    middle = len(clean.text) // 2
    assert clean.to_original(middle) < clean.to_original(middle + 1)


# --------------------------------------------------------------------------- properties

DEBRIS_TOKENS = [
    "&amp;", "&quot;", "&#39;", "& # 39;", ",quot;", "&nbsp;", "&amp;quot;", "&#x27;",
    "%MINIFYHTML0205aec2cac6589f0920e3a6b485cacf11%", "\u200b", "\u200f", "\ufeff", "\r\n", "\r",
    "\x00", "\x85", "\u2028", "&", "#", ";", ",", " ", "%", "1,000", "quot", "amp",
    "\u0627\u0644\u0639\u0631\u0628\u064a\u0629 \u0661\u0662\u0663",  # RTL text with Arabic digits
]
debris_text = st.lists(
    st.one_of(st.sampled_from(DEBRIS_TOKENS), st.text(max_size=5)), max_size=40
).map("".join)
any_text = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=200)


@given(st.one_of(debris_text, any_text))
@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
def test_map_is_exact_for_any_text(original: str) -> None:
    assert_map_is_exact(original, clean_for_analysis(original))


@given(debris_text, st.data())
@settings(max_examples=300)
def test_any_span_maps_to_the_substring_it_came_from(original: str, data: st.DataObject) -> None:
    clean = clean_for_analysis(original)
    s = data.draw(st.integers(0, len(clean.text)))
    e = data.draw(st.integers(s, len(clean.text)))
    start, end = clean.span_to_original(s, e)
    assert clean_for_analysis(original[start:end]).text == clean.text[s:e]


@given(st.sampled_from(["x", "&amp;", "\u200b", "\r\n", "\u05d0"]))
@settings(max_examples=10, deadline=None)
def test_huge_single_line_is_handled(unit: str) -> None:
    original = unit * (200_000 // len(unit))
    clean = clean_for_analysis(original)
    assert clean.to_original(0) == 0
    assert clean.to_original(len(clean.text)) == (len(original) if clean.text else 0)
    step = max(1, len(clean.text) // 1000)
    offsets = [clean.to_original(i) for i in range(0, len(clean.text) + 1, step)]
    assert offsets == sorted(set(offsets))
