"""Smoke test of scripts/fuzz_check.py: a few hundred hostile inputs, and proof it catches a crash.

The full fuzz run (10,000 inputs) is `python scripts/fuzz_check.py`; here it runs in-process
on a small budget so CI notices when the harness or the pipeline breaks on hostile input.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from conftest import load_script


@pytest.fixture(scope="module")
def fuzz_check():
    yield load_script("fuzz_check")
    sys.modules.pop("fuzz_check", None)


@pytest.mark.slow
def test_a_few_hundred_hostile_inputs_find_no_crash(fuzz_check, tmp_path, capsys):
    code = fuzz_check.main(["--inputs", "300", "--seed", "7", "--crash-dir", str(tmp_path), "--budget", "240"])
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    printed = capsys.readouterr().out
    assert summary["crashes"] == [], summary["crashes"]
    assert code == 0
    assert summary["inputs_tried"] >= 300 and not summary["budget_exhausted"]
    assert set(summary["rounds"]) == {"extract", "full", "files"} and all(summary["rounds"].values())
    assert f"fuzz: {summary['inputs_tried']} inputs tried in" in printed and "0 crashes found" in printed


def test_a_crash_is_caught_isolated_and_saved(fuzz_check, tmp_path, monkeypatch):
    import checker.extract.claims as claims

    real_find_numbers = claims.find_numbers

    def find_numbers_that_breaks_on_nan(text, *args, **kwargs):
        if "NaN" in text:
            raise ZeroDivisionError("planted bug")
        return real_find_numbers(text, *args, **kwargs)

    monkeypatch.setattr(claims, "find_numbers", find_numbers_that_breaks_on_nan)
    summary = fuzz_check.fuzz(inputs=200, budget=120, seed_value=3, crash_dir=tmp_path, batch_size=40,
                              modes=("extract",))
    assert summary["crashes_found"] >= 1
    for crash in summary["crashes"]:
        assert crash["kind"] == "crash" and "planted bug" in crash["error"]
        saved = json.loads((Path(crash["folder"]) / "articles.json").read_text(encoding="utf-8"))
        assert len(saved["articles"]) == 1, "the culprit is isolated from its batch"
        assert "NaN" in saved["articles"][0]["text"]
        assert "ZeroDivisionError: planted bug" in (Path(crash["folder"]) / "traceback.txt").read_text()
    # The saved input replays: still failing with the bug, passing without it.
    folder = Path(summary["crashes"][0]["folder"])
    assert fuzz_check.replay(folder) == 1
    monkeypatch.setattr(claims, "find_numbers", real_find_numbers)
    assert fuzz_check.replay(folder) == 0
