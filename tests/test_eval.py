"""`claimcheck eval` on the bundled gold: the metrics of tests/data/gold/README.md."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker.evaluation import format_table, run_eval
from checker.evaluation.gold import load_gold
from checker.evaluation.matching import head_words, locate, same_source
from checker.evaluation.metrics import evaluate
from checker.models import Article, Report

GOLD = Path(__file__).parent / "data" / "gold"


@pytest.fixture(scope="module")
def idlib_eval():
    from checker.pipeline import run_check

    return run_eval([GOLD / "idlib-2020.yaml"], lambda paths: run_check(paths))


def test_idlib_acceptance_floors(idlib_eval):
    m = idlib_eval.overall
    assert m.mention_recall >= 0.9
    assert m.flag_recall == 1.0  # every required Idlib group is flagged
    assert m.flag_precision >= 0.8
    assert m.trap_violations == 0
    assert m.value_accuracy >= 0.95


def test_required_refugee_and_displaced_groups_are_flagged(idlib_eval):
    missed = " ".join(idlib_eval.files[0].missed_flags)
    assert "refugees-in-turkey" not in missed
    assert "displaced-total" not in missed


def test_table_lists_files_and_overall(idlib_eval):
    table = format_table(idlib_eval)
    assert "idlib-2020.yaml" in table and "overall" in table and "flag R" in table


def test_every_gold_file_validates():
    for path in GOLD.glob("*.yaml"):
        gold = load_gold(path)
        assert gold.groups, path


def test_locate_ignores_case_and_whitespace():
    article = Article(id="a", path="a", text="It already\n hosts 3.5 million refugees.")
    start, end = locate(article, "it already hosts 3.5 MILLION refugees.", "3.5 million")
    assert article.text[start:end] == "3.5 million"


def test_source_match_uses_head_words():
    assert same_source("The Turkish Defense Ministry", "Turkish Defense Ministry")
    assert same_source(None, None)
    assert not same_source("a war monitor", None)
    assert "ministry" in head_words("the Ministry's")


def test_empty_report_scores_zero_recall():
    gold = load_gold(GOLD / "idlib-2020.yaml")
    empty = Report(articles=[], claims=[], groups=[], findings=[], input_errors=[])
    result = evaluate("idlib", gold, empty)
    assert result.metrics.mention_recall == 0.0
    assert result.metrics.flag_recall == 0.0
    assert len(result.missed_mentions) == sum(len(g.mentions) for g in gold.groups)


def test_eval_cli_json(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "checker.cli", "eval", str(GOLD / "ecbplus-22ecb.yaml"), "--json"],
        capture_output=True, text=True, check=True,
    )
    data = json.loads(out.stdout)
    assert data["files"][0]["cluster"] == "ecbplus-22ecb"
    assert 0.0 <= data["overall"]["mention_recall"] <= 1.0


def test_cv_train_on_must_name_two_of_the_gold_files():
    from checker.cli import main

    two = [str(GOLD / "ecbplus-22ecb.yaml"), str(GOLD / "ecbplus-24ecb.yaml")]
    assert main(["eval", "--cv", *two, "--train-on", two[0]]) == 2
    assert main(["eval", "--cv", *two, "--train-on", two[0], str(GOLD / "idlib-2020.yaml")]) == 2
