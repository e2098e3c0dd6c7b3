"""Shared fixtures: paths to the bundled data, and one real run over the Idlib articles.

The run uses the real spaCy pipeline and embedding model; it is made once per session.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"
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


@pytest.fixture(scope="module")
def isolated_from_the_user(tmp_path_factory):
    """Run from an empty folder (a claimcheck.toml or pyproject.toml found upward from the
    working directory would change the defaults these tests check) with the embedding cache
    in a temporary folder, not the user's ~/.cache.

    Module-scoped so a module's own module-scoped fixtures (a report made once) run inside it;
    turn it on for a whole module with ``pytestmark = pytest.mark.usefixtures("isolated_from_the_user")``."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path_factory.mktemp("cwd"))
        patch.setenv("CLAIMCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("embedding-cache")))
        yield


def load_script(name: str) -> ModuleType:
    """Import ``scripts/<name>.py`` as module ``name`` (the scripts are not a package).

    The module is put in ``sys.modules`` before it runs: dataclasses look their module up there."""
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def pytest_configure(config) -> None:
    # Hardening tests: the big-input and fuzz-smoke tests are marked so `-m "not slow"` skips them.
    config.addinivalue_line("markers", "slow: a test that takes more than a few seconds (big inputs, fuzzing)")
