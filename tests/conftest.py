"""Shared fixtures: paths to the bundled data, and one real run over the Idlib articles.

The run uses the real spaCy pipeline and embedding model; it is made once per session.
"""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
IDLIB = DATA / "idlib-2020"
GOLD = DATA / "gold"
ECBPLUS = DATA / "ecbplus"


@pytest.fixture(scope="session")
def idlib_dir() -> Path:
    return IDLIB


@pytest.fixture(scope="session")
def idlib_report():
    from checker.pipeline import run_check

    return run_check([IDLIB])


@pytest.fixture(scope="session")
def shipped_rules():
    from checker.ruleset import load_rules

    return load_rules()


def pytest_configure(config) -> None:
    # Hardening tests: the big-input and fuzz-smoke tests are marked so `-m "not slow"` skips them.
    config.addinivalue_line("markers", "slow: a test that takes more than a few seconds (big inputs, fuzzing)")
