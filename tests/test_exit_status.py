"""Exit codes per --fail-on level."""

from __future__ import annotations

import pytest

from checker.report.exit_status import ExitStatus, exit_status
from report_fixtures import sample_report

REPORT = sample_report()  # findings: 1 error, 3 warnings, 1 info


def _only(severities: set[str]):
    return REPORT.model_copy(update={"findings": [f for f in REPORT.findings if f.severity in severities]})


@pytest.mark.parametrize(
    "severities, fail_on, expected",
    [
        ({"error", "warning", "info"}, "error", ExitStatus.FINDINGS),
        ({"warning", "info"}, "error", ExitStatus.CLEAN),
        ({"warning", "info"}, "warning", ExitStatus.FINDINGS),
        ({"info"}, "warning", ExitStatus.CLEAN),
        ({"info"}, "info", ExitStatus.FINDINGS),
        (set(), "info", ExitStatus.CLEAN),
        ({"error"}, "never", ExitStatus.CLEAN),
    ],
)
def test_exit_status_per_fail_on_level(severities, fail_on, expected):
    assert exit_status(_only(severities), fail_on) is expected


def test_values_are_the_documented_codes():
    assert (int(ExitStatus.CLEAN), int(ExitStatus.FINDINGS), int(ExitStatus.USAGE_ERROR)) == (0, 1, 2)


def test_no_readable_article_is_a_usage_error_even_with_never():
    empty = REPORT.model_copy(update={"articles": [], "claims": [], "groups": [], "findings": []})
    assert exit_status(empty, "never") is ExitStatus.USAGE_ERROR


def test_unknown_fail_on_is_rejected():
    with pytest.raises(ValueError, match="fail_on"):
        exit_status(REPORT, "loud")  # type: ignore[arg-type]
