"""The same input gives byte-identical JSON: in any argument order, across runs and processes.

Claim and group ids are built from article ids (paths), so a CI job can diff two reports or
keep a baseline; that only works if nothing depends on argument order, hash seeds, set
iteration order or timing.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from checker.cli import build_parser, main
from conftest import IDLIB

FILES = sorted(str(p) for p in IDLIB.glob("*.txt"))


@pytest.fixture(autouse=True, scope="module")
def _outside_any_project(tmp_path_factory):
    """Run from an empty folder: a claimcheck.toml or pyproject.toml found upward from the
    working directory would change the defaults these tests check."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path_factory.mktemp("cwd"))
        yield


def check_in_process(out: Path, *args: str) -> bytes:
    code = main(["check", *args, "--out", str(out), "--fail-on", "never", "--quiet"])
    assert code == 0
    return out.read_bytes()


def check_in_child(out: Path, hash_seed: str, *args: str) -> bytes:
    """A fresh `claimcheck check` process with its own PYTHONHASHSEED (set/dict order of str)."""
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    child = subprocess.run(
        [sys.executable, "-m", "checker.cli", "check", *args, "--out", str(out), "--fail-on", "never", "--quiet"],
        capture_output=True, text=True, env=env, timeout=600, cwd=out.parent,
    )
    assert child.returncode == 0, child.stderr[-3000:]
    return out.read_bytes()


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> bytes:
    """The JSON report of the five Idlib files given in sorted order."""
    report = check_in_process(tmp_path_factory.mktemp("ref") / "sorted.json", *FILES)
    assert b'"claims": [\n    {' in report, "the reference run found claims"
    return report


def test_argument_order_does_not_change_the_json(reference, tmp_path):
    shuffled = FILES[:]
    random.Random(1).shuffle(shuffled)
    reversed_ = list(reversed(FILES))
    assert shuffled != FILES
    assert check_in_process(tmp_path / "shuffled.json", *shuffled) == reference
    assert check_in_process(tmp_path / "reversed.json", *reversed_) == reference


def test_second_run_in_the_same_process_is_identical(reference, tmp_path):
    assert check_in_process(tmp_path / "again.json", *FILES) == reference


def test_runs_in_fresh_processes_with_different_hash_seeds_are_byte_identical(reference, tmp_path):
    first = check_in_child(tmp_path / "a.json", "1", *FILES)
    second = check_in_child(tmp_path / "b.json", "4242", *reversed(FILES))
    assert first == second
    assert first == reference, "a fresh process gives what a warm one gave"


def test_worker_count_does_not_change_the_json(reference, tmp_path):
    options = {opt for action in _check_parser()._actions for opt in action.option_strings}
    if "--workers" not in options:
        pytest.skip("`claimcheck check` has no --workers option yet: add 1 vs 2 workers here when it exists")
    one = check_in_process(tmp_path / "w1.json", *FILES, "--workers", "1")
    two = check_in_process(tmp_path / "w2.json", *FILES, "--workers", "2")
    assert one == two == reference


def _check_parser():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sub.choices["check"]
