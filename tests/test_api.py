"""The Python API developers call: checker.check(paths_or_articles, config) -> Report."""

from pathlib import Path

import checker
from checker.config import Config
from checker.models import Article, Report

IDLIB = Path(__file__).parent / "data" / "idlib-2020"


def test_check_accepts_articles_and_dicts():
    report = checker.check(
        [
            Article(id="a", path="a", text="Turkey already hosts 3.5 million Syrian refugees."),
            {"id": "b", "title": "Refugees", "text": "Turkey has accepted 3.6 million Syrian refugees.", "date_publish": "2020-02-11 10:00:00"},
        ]
    )
    assert isinstance(report, Report)
    assert {a.id for a in report.articles} == {"a", "b"}
    assert any(f.kind.value == "value_conflict" for f in report.findings)


def test_check_paths_with_config_disabling_rules(tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text("{not json", encoding="utf-8")
    report = checker.check([IDLIB, bad], Config(disabled_rules=["compare.corroborated"]))
    assert len(report.articles) == 5
    assert [e.path for e in report.input_errors] == [str(bad)]
    assert report.findings and all(f.kind.value != "corroborated" for f in report.findings)
