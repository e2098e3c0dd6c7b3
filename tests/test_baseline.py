"""Baseline round trip: accepted findings disappear, new or changed ones come back."""

from __future__ import annotations

import json

import pytest

from checker.baseline import BaselineError, filter_new, load_baseline, write_baseline
from report_fixtures import sample_report

REPORT = sample_report()


@pytest.mark.parametrize("name", ["baseline.json", "claimcheck-baseline.yaml", "b.yml"])
def test_round_trip_hides_every_baselined_finding(tmp_path, name):
    path = tmp_path / "sub" / name
    write_baseline(REPORT, path, notes={"8a2e4f6b1c3d5e70": "UN figure grew; both right on their dates"})
    baseline = load_baseline(path)
    assert baseline.fingerprints == {f.fingerprint for f in REPORT.findings}
    assert baseline.notes == {"8a2e4f6b1c3d5e70": "UN figure grew; both right on their dates"}
    filtered = filter_new(REPORT, baseline)
    assert filtered.findings == []
    # Everything but the findings is kept, so reports still show the claims and groups.
    assert (filtered.articles, filtered.claims, filtered.groups, filtered.input_errors) == (
        REPORT.articles, REPORT.claims, REPORT.groups, REPORT.input_errors)


def test_a_changed_finding_is_the_only_one_reported(tmp_path):
    path = tmp_path / "baseline.json"
    write_baseline(REPORT, path)
    # An outlet edits its figure: the compare stage gives that finding a new fingerprint.
    edited = REPORT.findings[1].model_copy(update={"message": "almost 950,000 vs almost 700,000",
                                                   "fingerprint": "0123456789abcdef"})
    later = REPORT.model_copy(update={"findings": [REPORT.findings[0], edited, *REPORT.findings[2:]]})
    new = filter_new(later, load_baseline(path))
    assert [f.fingerprint for f in new.findings] == ["0123456789abcdef"]


def test_file_is_sorted_and_readable(tmp_path):
    path = tmp_path / "baseline.json"
    write_baseline(REPORT, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    fps = [e["fingerprint"] for e in data["findings"]]
    assert fps == sorted(fps) and data["version"] == "1"
    assert set(data["findings"][0]) == {"fingerprint", "kind", "rule", "message"}  # no empty note


def test_rewriting_keeps_reviewer_notes(tmp_path):
    path = tmp_path / "baseline.yaml"
    write_baseline(REPORT, path, notes={"c4d6e8f0a2b4c6d8": "different measures, reviewed"})
    write_baseline(REPORT, path)
    assert load_baseline(path).notes == {"c4d6e8f0a2b4c6d8": "different measures, reviewed"}


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("b.json", "{not json", "not valid JSON"),
        ("b.yaml", "findings: [unclosed", "not valid YAML"),
        ("b.json", "[1, 2]", "must hold a mapping"),
        ("b.json", '{"findings": [{"fingerprint": "x"}]}', r"findings\.0\.kind"),
        ("b.json", '{"findings": [], "extra": 1}', "extra"),
        ("b.json", '{"version": "9", "findings": []}', "version '9'"),
    ],
)
def test_bad_baseline_names_the_file(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError, match=message) as info:
        load_baseline(path)
    assert str(path) in str(info.value)


def test_missing_baseline_names_the_file(tmp_path):
    with pytest.raises(BaselineError, match="does not exist") as info:
        load_baseline(tmp_path / "nope.json")
    assert "nope.json" in str(info.value)
