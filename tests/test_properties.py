"""Property tests: hostile text never crashes the number normaliser or the extract path.

Inputs: arbitrary Unicode (control characters, right-to-left marks, mixed scripts, digits of
other scripts), hostile numbers (40 digits, ``1e308``, ``NaN``, ``inf``), thousands of numbers
in one sentence, a 10 MB article and an article of one 200,000-character line. For every
input: no exception escapes; every value is finite with ``low <= point <= high``; every
offset points into the original text (``article.text[claim.start:claim.end] == claim.text``).

The models load once per module; example counts are kept small enough for CI (the whole file
runs in about two minutes on two cores). Big-input tests are marked ``slow``.
"""

from __future__ import annotations

import datetime as dt
import json
import math

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from checker.extract.numbers import find_numbers
from checker.models import Article, NumberMention, Report
from checker.pipeline import PipelineOptions, check_articles, load_ruleset, run_check
from checker.report.json_report import render_json
from conftest import IDLIB

# --------------------------------------------------------------------------- hostile text

HOSTILE_NUMBERS = [
    "9" * 40, "1" + ",000" * 20, "0." + "0" * 400 + "1", "1e308", "-1e308", "1.8e308", "1e-400", "10^308",
    "NaN", "nan", "inf", "Infinity", "-inf", "1e308%", "$1e308 trillion", "more than 1e308", "almost 1e308",
    "up to -5", "between 9 and 1", "5-3", "1/0", "0/0", "-0", "$-0", "0x1F", "1_000", "1,,000", "1..2",
    "0.0.0.1", "12٬345", "٣٤٥", "５０,０００", "𝟗𝟗", "²³", "½", "⅓", "Ⅻ", "৫০", "3.45pm", "99:99", "24:00",
    "2020-02-30", "hundreds of thousands of millions", "one hundred thousand million billion trillion",
    "1,2,3,4", "900,000", "3.5 million", "13.9bn", "two-thirds", "22, 000", "$ 1.85 trillion", "9" * 400,
]
WORDS = [
    "more than", "almost", "nearly", "up to", "at least", "between", "and", "to", "million", "billion",
    "percent", "%", "$", "€", "people", "killed", "displaced", "in the last", "three months", "since",
    "January", "said", "according to", "\"", "“", "”", "of those", "last year", "Idlib", "he said", "Mr.",
]
SEPARATORS = [
    " ", "  ", ",", ".", ". ", "-", "–", "\n", "\n\n", "\t", "\r\n", "\x00", "\x0b", "\x1b", "\x7f",
    "\u200b", "\u200d", "\u200e", "\u200f", "\u202e", "\u2066", "\ufeff", "\u00a0", "\u2009", "\u0301",
    "&amp;", "&#39;", ",quot;", "& # 39;", "%MINIFYHTML0205abc11%",
]
OTHER_SCRIPTS = ["مليون نازح", "قُتل ٣٠٠ شخص", "שלושה הרוגים", "九十万人", "Идлиб 5 тысяч", "🇸🇾", "👨‍👩‍👧", "𝕀𝕕𝕝𝕚𝕓"]

fragment = st.one_of(
    st.sampled_from(HOSTILE_NUMBERS),
    st.sampled_from(WORDS),
    st.sampled_from(SEPARATORS),
    st.sampled_from(OTHER_SCRIPTS),
    st.integers().map(str),
    st.floats().map(repr),
    st.text(max_size=6),
)
#: Text a scraper might hand us on a bad day: arbitrary Unicode or newsy hostile fragments.
hostile_text = st.one_of(
    st.text(max_size=200),
    st.lists(fragment, max_size=60).map("".join),
    st.lists(fragment, max_size=60).map(" ".join),
)
publication_dates = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))



def loose(max_examples: int) -> settings:
    """No deadline (the first example warms caches) and no health checks about slow inputs."""
    return settings(max_examples=max_examples, deadline=None, suppress_health_check=[
        HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])


# --------------------------------------------------------------------------- invariants


def assert_value_sane(value, where: str) -> None:
    """Finite, and ordered: low <= point <= high."""
    low, point, high = value.low, value.point, value.high
    assert all(math.isfinite(v) for v in (low, point, high)), f"{where}: non-finite value {value}"
    assert low <= high, f"{where}: low > high in {value}"
    assert low <= point <= high, f"{where}: point outside [low, high] in {value}"


def assert_mentions_sane(text: str, mentions: list[NumberMention]) -> None:
    for m in mentions:
        where = f"mention {m.text!r} at {m.start}-{m.end}"
        assert 0 <= m.start < m.end <= len(text), where
        assert text[m.start : m.end] == m.text, where
        assert_value_sane(m.value, where)
    starts = [m.start for m in mentions]
    assert starts == sorted(starts), "mentions are in text order"


def assert_report_sane(report: Report, max_claims: int = PipelineOptions().max_claims_per_article) -> None:
    """What a user of the JSON report relies on: offsets, values, unique ids, valid JSON."""
    texts = {a.id: a.text for a in report.articles}
    for claim in report.claims:
        text = texts[claim.article_id]
        where = f"claim {claim.id} {claim.text!r}"
        assert 0 <= claim.start < claim.end <= len(text), where
        assert text[claim.start : claim.end] == claim.text, where
        assert text[claim.sentence_start : claim.sentence_start + len(claim.sentence)] == claim.sentence, where
        assert claim.sentence_start <= claim.start, where
        assert_value_sane(claim.value, where)
    assert len({c.id for c in report.claims}) == len(report.claims), "claim ids are unique"
    per_article: dict[str, int] = {}
    for claim in report.claims:
        per_article[claim.article_id] = per_article.get(claim.article_id, 0) + 1
    assert all(n <= max_claims for n in per_article.values())
    claim_ids = {c.id for c in report.claims}
    assert all(set(g.claim_ids) <= claim_ids for g in report.groups)
    assert all(set(f.claim_ids) <= claim_ids for f in report.findings)
    rendered = render_json(report)
    json.loads(rendered, parse_constant=lambda name: pytest.fail(f"invalid JSON constant {name}"))
    assert len(Report.model_validate_json(rendered).claims) == len(report.claims)


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def rules():
    return load_ruleset(PipelineOptions())


@pytest.fixture(scope="module")
def models_loaded():
    """Load spaCy and the embedder once, so no example pays for it."""
    from checker.nlp.embedding_model import load_embedder
    from checker.nlp.spacy_model import load_spacy

    load_spacy()
    load_embedder()


def extract(rules, texts: list[str], published: dt.date | None = None, align: bool = False,
            options: PipelineOptions = PipelineOptions()) -> Report:
    """The extract path (extract + attribute; + align and compare when ``align``) on raw texts."""
    articles = [Article(id=f"a{i}.txt", path=f"a{i}.txt", text=t, published=published) for i, t in enumerate(texts)]
    return check_articles(articles, options, rules, align=align)


# --------------------------------------------------------------------------- number normaliser


@given(text=hostile_text, published=publication_dates, tolerance=st.floats(0, 0.5))
@example(text="9" * 40 + " people, 1e308 dead, NaN injured, inf displaced", published=None, tolerance=0.05)
@example(text="almost 1e308 and up to -5 and between 9 and 1", published=dt.date(1, 1, 1), tolerance=0.5)
@example(text="last year 1,000 died, in the last three months", published=dt.date(1, 1, 1), tolerance=0.05)
@example(text="\u202eقُتل ٣٠٠ شخص\u202c and 𝟗𝟗 people, ５０,０００ fled", published=dt.date(9999, 12, 31), tolerance=0.0)
@loose(1000)
def test_find_numbers_never_raises_and_mentions_are_sane(text, published, tolerance):
    mentions = find_numbers(text, published, approx_tolerance=tolerance)
    assert_mentions_sane(text, mentions)


@pytest.mark.parametrize(
    "text",
    [
        "9" * 40 + " people were displaced",
        "-" + "9" * 40 + ".5 percent",
        "1e308 dead, 1.8e308 injured, -1e308 missing, 1e-400 percent",
        "NaN people, inf refugees, Infinity dollars, -inf km",
        "more than 1e308 and almost 1e308 and at least " + "9" * 40 + " trillion dollars",
        "$" + "9" * 400 + " trillion and " + "1" + ",000" * 100 + " people",
    ],
)
def test_hostile_numbers_give_finite_ordered_values(text):
    mentions = find_numbers(text)
    assert_mentions_sane(text, mentions)


def test_thousands_of_numbers_in_one_sentence_are_all_found():
    numbers = [str(i * 7) for i in range(5000)]
    text = "Officials said " + ", ".join(numbers) + " people died."
    mentions = find_numbers(text)
    assert_mentions_sane(text, mentions)
    assert len(mentions) >= 4000


@pytest.mark.slow
def test_ten_megabyte_article_through_the_normaliser():
    idlib = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(IDLIB.glob("*.txt")))
    text = (idlib * (10_000_000 // len(idlib) + 1))[:10_000_000]
    mentions = find_numbers(text, dt.date(2020, 2, 15))
    assert_mentions_sane(text, mentions)
    assert len(mentions) > 10_000


# --------------------------------------------------------------------------- whole extract path


@given(texts=st.lists(hostile_text, min_size=1, max_size=4), published=publication_dates)
@loose(200)
def test_extract_path_never_raises_and_offsets_point_into_the_original(models_loaded, rules, texts, published):
    report = extract(rules, texts, published)
    assert len(report.articles) == len(texts)
    assert_report_sane(report)


@given(texts=st.lists(hostile_text, min_size=2, max_size=4), published=publication_dates)
@loose(10)
def test_full_check_with_alignment_never_raises(models_loaded, rules, texts, published):
    # The same hostile sentence in two articles makes the aligner and comparer do real work.
    report = extract(rules, texts + [texts[0]], published, align=True)
    assert_report_sane(report)


def test_real_sentences_with_hostile_debris(models_loaded, rules):
    sentence = "Almost 900,000 people have been displaced in the last three months, a UN spokesperson said."
    debris = "".join(SEPARATORS)
    texts = [
        sentence.replace(" ", "\u200b "),  # zero-width spaces everywhere
        "\u202e" + sentence + "\u202c",  # right-to-left override
        sentence.replace("900,000", "&#57;00,000"),  # an entity inside the number
        debris + sentence + debris,
        sentence.replace("900,000", "٩٠٠٬٠٠٠"),  # Arabic-Indic digits and separator
        "\x00".join(sentence),  # NUL between every character
    ]
    report = extract(rules, texts, dt.date(2020, 2, 15), align=True)
    assert_report_sane(report)
    assert {c.article_id for c in report.claims} >= {"a0.txt", "a1.txt", "a3.txt"}


def test_thousands_of_numbers_in_one_sentence_are_capped_with_a_warning(models_loaded, rules):
    text = "Officials said " + " ".join(str(i) for i in range(1, 5001)) + " people died."
    options = PipelineOptions(max_claims_per_article=300)
    report = extract(rules, [text], options=options)
    assert_report_sane(report, max_claims=300)
    assert len(report.claims) == 300
    assert [w.message for w in report.warnings] == ["a0.txt: more than 300 claims; the rest were skipped"]


@pytest.mark.slow
def test_article_of_one_200k_character_line(models_loaded, rules):
    line = ("In Idlib 900,000 people were displaced, 1e308 dead and 3.5 million fled; " * 3000)[:200_000]
    assert "\n" not in line and len(line) == 200_000
    report = extract(rules, [line], dt.date(2020, 2, 15), options=PipelineOptions(max_claims_per_article=500))
    assert_report_sane(report, max_claims=500)
    assert len(report.claims) == 500 and report.warnings


@pytest.mark.slow
def test_sentence_longer_than_the_parser_accepts_is_checked_not_a_crash(models_loaded, rules):
    # spaCy refuses texts over 1,000,000 characters; the article limit is 2,000,000.
    text = "There were 5 dead " + "word " * 220_000 + " and 7 injured"
    report = extract(rules, [text])
    assert_report_sane(report)
    assert [c.text for c in report.claims] == ["5", "7"]


@pytest.mark.slow
def test_ten_megabyte_file_is_capped_with_a_warning_and_checked(models_loaded, rules, tmp_path):
    body = (IDLIB / "003_bd4801d75e431643.txt").read_text(encoding="utf-8") + "\n\n"
    path = tmp_path / "huge.txt"
    path.write_text((body * (10_000_000 // len(body) + 1))[:10_000_000], encoding="utf-8")
    options = PipelineOptions(max_article_chars=100_000)
    report = run_check([path], options, rules)
    assert_report_sane(report)
    (article,) = report.articles
    assert len(article.text) <= 100_000 and report.claims
    assert any("10,000,000 characters long" in w.message for w in report.warnings)
