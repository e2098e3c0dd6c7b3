"""--max-article-chars and --max-claims-per-article bound a run and say so, through the CLI.

A limit that is hit is a warning in the report's ``warnings`` and on stderr, naming the
article; the run goes on with what fits instead of growing without bound.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from checker.cli import main
from conftest import IDLIB


# Run from an empty folder with a temporary embedding cache (see the fixture's docstring).
pytestmark = pytest.mark.usefixtures("isolated_from_the_user")


def check(capsys, *args) -> tuple[int, dict, str]:
    """Exit code, JSON report and stderr of `claimcheck check ARGS --out report.json`."""
    out = Path(args[-1])
    code = main(["check", *map(str, args[:-1]), "--out", str(out), "--fail-on", "never"])
    _, err = capsys.readouterr()
    return code, json.loads(out.read_text(encoding="utf-8")), err


def test_max_article_chars_truncates_each_article_with_a_warning(capsys, tmp_path):
    code, report, err = check(capsys, IDLIB, "--max-article-chars", "1500", tmp_path / "r.json")
    assert code == 0
    assert len(report["articles"]) == 5 and all(len(a["text"]) <= 1500 for a in report["articles"])
    assert all(c["end"] <= 1500 for c in report["claims"]) and report["claims"]
    warned = {w["path"] for w in report["warnings"] if "only the first" in w["message"]}
    assert warned == {a["path"] for a in report["articles"]}, "every Idlib article is longer than 1,500 chars"
    for path in warned:
        assert f"claimcheck: warning: {path}: " in err
    assert "max_article_chars = 1,500" in err


def test_max_claims_per_article_keeps_the_first_claims_with_a_warning(capsys, tmp_path):
    _, full, _ = check(capsys, IDLIB, tmp_path / "full.json")
    code, report, err = check(capsys, IDLIB, "--max-claims-per-article", "3", tmp_path / "r.json")
    assert code == 0
    per_article = Counter(c["article_id"] for c in report["claims"])
    assert per_article and max(per_article.values()) == 3
    over = sorted(a for a, n in Counter(c["article_id"] for c in full["claims"]).items() if n > 3)
    messages = sorted(w["message"] for w in report["warnings"])
    assert messages == [f"{a}: more than 3 claims; the rest were skipped" for a in over]
    assert err.count("more than 3 claims; the rest were skipped") == len(over)
    # The claims kept are the first ones in text order, unchanged.
    assert _first_claims(report, 3) == _first_claims(full, 3)


def _first_claims(report: dict, n: int) -> dict[str, list[tuple[int, str]]]:
    """Each article's first ``n`` claims as (start, text), in text order."""
    by_article: dict[str, list[tuple[int, str]]] = {}
    for claim in report["claims"]:
        by_article.setdefault(claim["article_id"], []).append((claim["start"], claim["text"]))
    return {article: sorted(claims)[:n] for article, claims in by_article.items()}


def test_huge_article_is_bounded_by_both_limits(capsys, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(IDLIB / "003_bd4801d75e431643.txt", folder)
    numbers = ", ".join(f"{i},000" for i in range(1, 200_001))  # about 1.8 MB in one "sentence"
    (folder / "zz_huge.txt").write_text(f"Officials said {numbers} people fled.", encoding="utf-8")
    code, report, err = check(capsys, folder, "--max-article-chars", "20000", "--max-claims-per-article", "20",
                              tmp_path / "r.json")
    assert code == 0 and len(report["articles"]) == 2
    huge = next(a for a in report["articles"] if a["id"] == "zz_huge.txt")
    assert len(huge["text"]) <= 20_000
    assert Counter(c["article_id"] for c in report["claims"])["zz_huge.txt"] == 20
    messages = [w["message"] for w in report["warnings"] if w["path"].endswith("zz_huge.txt")]
    assert any("only the first" in m for m in messages) and any("more than 20 claims" in m for m in messages)
    assert "zz_huge.txt: more than 20 claims" in err


@pytest.mark.parametrize("option", ["--max-article-chars", "--max-claims-per-article"])
def test_limits_show_in_help(capsys, option):
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    assert option in capsys.readouterr().out
