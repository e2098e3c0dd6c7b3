"""`claimcheck check` exit codes and error reporting, as a CI job would see them.

Two reports of one earthquake with 120 and 45 dead are an error-level disagreement, so the
exit code follows --fail-on; over the Idlib articles it follows their findings' severities; a
run that reads no article, a bad rule folder or an unknown option is a usage error (2).
Runs are in-process (``checker.cli.main``) so the models load once for the whole file.
"""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET

import pytest

from checker.cli import main
from conftest import IDLIB


# Run from an empty folder with a temporary embedding cache (see the fixture's docstring).
pytestmark = pytest.mark.usefixtures("isolated_from_the_user")


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of one `claimcheck` command (argparse exits included)."""
    try:
        code = main([str(a) for a in args])
    except SystemExit as exc:  # argparse rejects bad options by exiting
        code = exc.code if isinstance(exc.code, int) else 2
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def idlib_json(tmp_path_factory) -> dict:
    """The JSON report of a plain run over the Idlib folder (--fail-on never, exit 0)."""
    out = tmp_path_factory.mktemp("report") / "idlib.json"
    assert main(["check", str(IDLIB), "--out", str(out), "--fail-on", "never", "--quiet"]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def conflict_dir(tmp_path_factory):
    """Two articles whose death tolls for one earthquake disagree (an error-level finding)."""
    folder = tmp_path_factory.mktemp("conflict")
    (folder / "a.txt").write_text("Officials said 120 people were killed in the earthquake that struck Dargahan on Monday.\n")
    (folder / "b.txt").write_text("Officials said 45 people were killed in the earthquake that struck Dargahan on Monday.\n")
    return folder


# --------------------------------------------------------------------------- --fail-on

_SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def test_conflicting_death_tolls_are_an_error(capsys, conflict_dir):
    code, out, _ = run_cli(capsys, "check", conflict_dir, "--fail-on", "never", "--format", "json", "--quiet")
    findings = json.loads(out)["findings"]
    assert code == 0
    assert [(f["kind"], f["severity"]) for f in findings] == [("value_conflict", "error")]


@pytest.mark.parametrize("fail_on, expected", [("info", 1), ("warning", 1), ("error", 1), ("never", 0)])
def test_exit_code_follows_fail_on(capsys, conflict_dir, fail_on, expected):
    code, out, _ = run_cli(capsys, "check", conflict_dir, "--fail-on", fail_on, "--format", "json", "--quiet")
    assert code == expected
    assert json.loads(out)["findings"], "the report is printed whatever the exit code"


@pytest.mark.parametrize("fail_on", ["info", "warning", "error"])
def test_idlib_exit_code_follows_its_worst_finding(capsys, idlib_json, fail_on):
    worst = max(_SEVERITY_RANK[f["severity"]] for f in idlib_json["findings"])
    code, _, _ = run_cli(capsys, "check", IDLIB, "--fail-on", fail_on, "--format", "json", "--quiet")
    assert code == (1 if worst >= _SEVERITY_RANK[fail_on] else 0)
    assert len(idlib_json["articles"]) == 5 and idlib_json["claims"]


def test_default_fail_on_is_error(capsys, conflict_dir):
    code, _, _ = run_cli(capsys, "check", conflict_dir, "--format", "json", "--quiet")
    assert code == 1


def test_no_findings_exits_0_even_at_info(capsys):
    code, out, _ = run_cli(capsys, "check", IDLIB, "--disable", "compare", "--fail-on", "info",
                           "--format", "json", "--quiet")
    report = json.loads(out)
    assert code == 0 and report["findings"] == [] and report["claims"]


# --------------------------------------------------------------------------- no readable article


def test_empty_folder_exits_2(capsys, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run_cli(capsys, "check", empty, "--fail-on", "never")
    assert code == 2
    assert "no readable article" in err and str(empty) in err


def test_folder_of_only_broken_files_exits_2_and_names_each_file(capsys, tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "cut.json").write_text('{"title": "Idlib", "text": "900,000 disp', encoding="utf-8")
    (broken / "junk.jsonl").write_text("not json\n{\n", encoding="utf-8")
    (broken / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    out = tmp_path / "report.json"
    code, _, err = run_cli(capsys, "check", broken, "--out", out, "--fail-on", "never")
    assert code == 2
    assert "no readable article" in err
    for name in ("cut.json", "junk.jsonl", "binary.txt"):
        assert f"input error: {broken / name}" in err
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["articles"] == [] and len(report["input_errors"]) >= 3


def test_missing_path_exits_2(capsys, tmp_path):
    code, _, err = run_cli(capsys, "check", tmp_path / "nowhere", "--fail-on", "never")
    assert code == 2 and str(tmp_path / "nowhere") in err


# --------------------------------------------------------------------------- usage errors


def test_unknown_format_exits_2(capsys):
    code, out, err = run_cli(capsys, "check", IDLIB, "--format", "pdf")
    assert code == 2 and out == ""
    assert "invalid choice: 'pdf'" in err


def test_unknown_out_extension_exits_2_before_checking(capsys, tmp_path):
    code, _, err = run_cli(capsys, "check", IDLIB, "--out", tmp_path / "report.pdf")
    assert code == 2 and "report.pdf" in err
    assert not (tmp_path / "report.pdf").exists()


@pytest.mark.parametrize("name, fmt, root", [("report.junit", "junit", "testsuites"), ("report", "json", None)])
def test_format_names_the_format_of_an_out_file_without_a_known_extension(capsys, conflict_dir, tmp_path, name, fmt, root):
    out = tmp_path / name
    code, stdout, _ = run_cli(capsys, "check", conflict_dir, "--format", fmt, "--out", out, "--fail-on", "never", "--quiet")
    assert code == 0 and stdout == ""  # the format went to the file, not to stdout as well
    text = out.read_text(encoding="utf-8")
    if root:
        assert ET.fromstring(text).tag == root
    else:
        assert json.loads(text)["findings"]


def test_github_annotations_go_to_stdout_beside_files(capsys, conflict_dir, tmp_path):
    out = tmp_path / "r.html"
    code, stdout, _ = run_cli(capsys, "check", conflict_dir, "--format", "github", "--out", out, "--fail-on", "never", "--quiet")
    assert code == 0 and stdout.startswith("::") and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_format_that_conflicts_with_an_out_extension_is_a_usage_error(capsys, conflict_dir, tmp_path):
    out = tmp_path / "r.html"
    code, _, err = run_cli(capsys, "check", conflict_dir, "--format", "json", "--out", out)
    assert code == 2 and "--format json conflicts with --out" in err and "r.html" in err
    assert not out.exists()


@pytest.mark.parametrize("option", ["--max-article-chars", "--max-claims-per-article"])
@pytest.mark.parametrize("value", ["0", "-5", "many"])
def test_non_positive_limits_exit_2(capsys, tmp_path, option, value):
    out = tmp_path / "r.json"
    code, _, err = run_cli(capsys, "check", IDLIB, option, value, "--out", out)
    assert code == 2 and option in err
    assert not out.exists()


@pytest.mark.parametrize(
    "name, content, line, key",
    [
        ("typo.yml", "type: finding\nfinding: value_conflict\ndescription: x\nseverty: error\n", 4, "severty"),
        ("wrongtype.yml", "type: approximators\ndescription: x\napprox_tolerance: lots\n", 3, "approx_tolerance"),
    ],
)
def test_bad_rule_folder_exits_2_names_file_line_key_and_checks_nothing(capsys, tmp_path, name, content, line, key):
    rules = tmp_path / "BADDIR"
    rules.mkdir()
    (rules / name).write_text(content, encoding="utf-8")
    out = tmp_path / "report.json"
    code, stdout, err = run_cli(capsys, "check", "--rules", rules, IDLIB, "--out", out)
    assert code == 2
    assert f"{rules / name}:{line}" in err and key in err
    assert not out.exists(), "a bad rule file must stop the run before any report is written"
    assert stdout == "" and "articles" not in err  # no summary: nothing was checked


def test_broken_yaml_rule_exits_2(capsys, tmp_path):
    rules = tmp_path / "BADDIR"
    rules.mkdir()
    (rules / "bad.yml").write_text("type: synonyms\ndescription: [unclosed\napplies_to: counted\n", encoding="utf-8")
    code, stdout, err = run_cli(capsys, "check", "--rules", rules, IDLIB)
    assert code == 2 and str(rules / "bad.yml") in err and "invalid YAML" in err
    assert stdout == ""


# --------------------------------------------------------------------------- input errors


def test_broken_file_is_reported_and_the_other_articles_are_checked(capsys, tmp_path, idlib_json):
    batch = tmp_path / "idlib"
    shutil.copytree(IDLIB, batch)
    broken = batch / "zz_broken.json"
    broken.write_text('{\n  "title": "Idlib offensive",\n  "text": "almost 900,000 displaced\n', encoding="utf-8")
    out = tmp_path / "report.json"
    code, _, err = run_cli(capsys, "check", batch, "--out", out, "--fail-on", "warning")
    report = json.loads(out.read_text(encoding="utf-8"))
    assert code == 1, "the five good articles still produce their warning-level findings"
    assert len(report["articles"]) == 5
    assert [e["path"] for e in report["input_errors"]] == [str(broken)]
    assert f"input error: {broken}" in err and "invalid JSON" in err
    assert "1 input errors" in err
    # The broken file changes nothing about what the good articles say.
    assert len(report["claims"]) == len(idlib_json["claims"])
    assert len(report["findings"]) == len(idlib_json["findings"])


def test_rules_test_runs_a_users_rule_cases_and_fails_on_a_wrong_one(capsys, tmp_path):
    folder = tmp_path / "myrules"
    folder.mkdir()
    case = 'tests:\n  - name: the credit line is blanked\n    given: {text: "Photo credit: 3 people."}\n    expect: [%s]\n'
    (folder / "credit.yml").write_text('type: furniture\ndescription: x\npatterns: ["photo credit:"]\n' + case % '"3"', encoding="utf-8")
    code, out, _ = run_cli(capsys, "rules", "--rules", folder, "--test")
    assert code == 0 and "FAIL" not in out and "rule cases passed" in out
    (folder / "credit.yml").write_text('type: furniture\ndescription: x\npatterns: ["photo credit:"]\n' + case % '"4"', encoding="utf-8")
    code, out, _ = run_cli(capsys, "rules", "--rules", folder, "--test")
    assert code == 1 and "FAIL credit: the credit line is blanked" in out
