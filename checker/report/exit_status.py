"""Exit codes for CI: what a pipeline step should do with a run."""

from __future__ import annotations

from enum import IntEnum
from typing import Literal

from checker.models import SEVERITY_RANK, Report

FailOn = Literal["info", "warning", "error", "never"]


class ExitStatus(IntEnum):
    CLEAN = 0  # nothing at or above the fail-on level
    FINDINGS = 1  # at least one finding at or above the fail-on level
    USAGE_ERROR = 2  # bad arguments/config, or not one readable article


def exit_status(report: Report, fail_on: FailOn = "error") -> ExitStatus:
    """The status a run ends with.

    No readable article means the check did not happen, which CI must not mistake for
    "clean", so it is a usage error even when ``fail_on`` is ``never``.
    """
    if not report.articles:
        return ExitStatus.USAGE_ERROR
    if fail_on == "never":
        return ExitStatus.CLEAN
    if fail_on not in SEVERITY_RANK:
        raise ValueError(f"fail_on must be one of info, warning, error, never; got {fail_on!r}")
    threshold = SEVERITY_RANK[fail_on]
    if any(SEVERITY_RANK[f.severity] >= threshold for f in report.findings):
        return ExitStatus.FINDINGS
    return ExitStatus.CLEAN
