"""Floors on the Microsoft Recognizers-Text English specs (a peer's test suite), run with
the same comparison as ``scripts/run_recognizers_specs.py`` so the pass rate cannot drop
unnoticed. See that script's docstring for how mentions are compared with the specs."""

from __future__ import annotations

import pytest

from conftest import load_script


@pytest.fixture(scope="module")
def outcomes():
    runner = load_script("run_recognizers_specs")
    return {outcome.model: outcome for outcome in runner.run_all(extra=False)}


@pytest.mark.parametrize(
    ("spec", "floor"),
    [
        ("Number_English_NumberModel.json", 0.95),
        ("Number_English_PercentModel.json", 0.95),
        ("Number_English_NumberRangeModel.json", 0.85),
    ],
)
def test_pass_rate_floor(outcomes, spec, floor):
    outcome = outcomes[spec]
    failing = [text for text, _, _ in outcome.failures]
    assert outcome.rate >= floor, f"{outcome.passed}/{outcome.total}; failing: {failing}"


def test_every_case_was_run(outcomes):
    assert {o.model: o.total for o in outcomes.values()} == {
        "Number_English_NumberModel.json": 235,
        "Number_English_PercentModel.json": 20,
        "Number_English_NumberRangeModel.json": 87,
    }
