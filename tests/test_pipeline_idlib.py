"""End to end on the five bundled Idlib articles, with the real spaCy pipeline and embedding model."""

from __future__ import annotations

import re

import pytest

from checker.models import SEVERITY_RANK


def _claim(report, article_prefix, text):
    matches = [c for c in report.claims if c.article_id.startswith(article_prefix) and c.text == text]
    assert matches, f"no claim {text!r} in {article_prefix}"
    return matches[0]


def _disagreements_covering(report, *claims):
    ids = {c.id for c in claims}
    return [
        f for f in report.findings
        if SEVERITY_RANK[f.severity] >= SEVERITY_RANK["warning"] and ids <= set(f.claim_ids)
    ]


def test_reads_all_five_articles(idlib_report):
    assert len(idlib_report.articles) == 5
    assert idlib_report.input_errors == []


def test_claim_offsets_point_into_the_original_text(idlib_report):
    texts = {a.id: a.text for a in idlib_report.articles}
    for claim in idlib_report.claims:
        assert texts[claim.article_id][claim.start : claim.end] == claim.text
        assert claim.value.low <= claim.value.high


def test_refugees_35_vs_36_million_is_flagged(idlib_report):
    a = _claim(idlib_report, "000", "3.5 million")
    b = _claim(idlib_report, "003", "3.6 million")
    findings = _disagreements_covering(idlib_report, a, b)
    assert findings, "3.5 vs 3.6 million refugees not flagged"
    assert findings[0].kind.value == "value_conflict"
    assert "3.5 million" in findings[0].message and "3.6 million" in findings[0].message


def test_displaced_900000_vs_700000_is_flagged_with_scope(idlib_report):
    a = _claim(idlib_report, "000", "almost 900,000")
    b = _claim(idlib_report, "003", "almost 700,000")
    findings = _disagreements_covering(idlib_report, a, b)
    assert findings, "almost 900,000 vs almost 700,000 displaced not flagged"
    assert {f.kind.value for f in findings} & {"scope_differs", "value_conflict"}


@pytest.mark.parametrize(
    "first, second, kinds",
    [
        # 51 killed (Turkey's count) vs more than 100 "neutralized": not like for like.
        (("003", "51"), ("002", "more than 100"), {"measure_differs"}),
        # One article, two sides: a war monitor's 13 deaths vs Turkey's 70 "neutralized".
        (("004", "13"), ("004", "more than 70"), {"attribution_differs", "measure_differs"}),
        # All say eight, but soldiers in one outlet and workers in another.
        (("002", "eight"), ("003", "eight"), {"counted_differs"}),
    ],
)
def test_required_disagreements_get_their_kind(idlib_report, first, second, kinds):
    a, b = _claim(idlib_report, *first), _claim(idlib_report, *second)
    found = {f.kind.value for f in _disagreements_covering(idlib_report, a, b)}
    assert kinds <= found, f"{first} vs {second}: {found}"


def test_thirteen_troops_never_grouped_with_thirteen_towns(idlib_report):
    troops = _claim(idlib_report, "000", "13")
    towns = [c for c in idlib_report.claims if c.article_id.startswith("001") and c.counted and "towns" in c.counted]
    assert towns
    group_of = {cid: g.id for g in idlib_report.groups for cid in g.claim_ids}
    assert group_of.get(troops.id) is None or group_of.get(troops.id) != group_of.get(towns[0].id)


def test_ids_are_stable_and_unique(idlib_report):
    ids = [c.id for c in idlib_report.claims]
    assert len(ids) == len(set(ids))
    assert all("@" in i for i in ids)
    assert len({f.id for f in idlib_report.findings}) == len(idlib_report.findings)


def _words(text):
    return [w for w in re.findall(r"[\w’'-]+", text.lower())]


def test_group_labels_are_written_in_the_articles_own_words(idlib_report):
    """Every word of a label is in a sentence of its group: no lemma ("kill", "host") a
    reader never saw."""
    claims = {c.id: c for c in idlib_report.claims}
    for group in idlib_report.groups:
        sentences = " ".join(claims[i].sentence.lower() for i in group.claim_ids)
        missing = [w for w in _words(group.label) if w not in _words(sentences)]
        assert missing == [], (group.label, missing)


def test_the_idlib_disagreements_read_as_a_desk_would_write_them(idlib_report):
    labels = {g.id: g.label for g in idlib_report.groups}
    warnings = [f for f in idlib_report.findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK["warning"]]
    read = {f.kind.value: (labels[f.group_id], f.headline, f.message) for f in warnings}
    assert read["counted_differs"][0] == "… Turkish soldiers were killed"
    assert "Turkish soldiers vs Turkish workers" in read["counted_differs"][1]
    assert read["value_conflict"][1] == "the figures differ slightly: 3.5 million vs 3.6 million"
    assert "neutralized covers" in read["measure_differs"][1] and "killed" in read["measure_differs"][1]
    displaced = _disagreements_covering(idlib_report, _claim(idlib_report, "000", "almost 900,000"),
                                        _claim(idlib_report, "003", "almost 700,000"))
    assert "almost 900,000 forced from their homes" in displaced[0].message
    assert "in the last three months vs in the past 10 weeks" in displaced[0].headline


def test_years_of_two_agreements_are_not_one_quantity(idlib_report):
    """"the 2017 Astana agreement" and "a 2018 de-escalation agreement" are two agreements."""
    a, b = _claim(idlib_report, "004", "2017"), _claim(idlib_report, "001", "2018")
    groups = {cid: g.id for g in idlib_report.groups for cid in g.claim_ids}
    assert groups.get(a.id) is None or groups.get(a.id) != groups.get(b.id)
