"""The stage layering of DESIGN.md, enforced: a stage imports no other stage.

ingest -> extract -> attribute -> align -> compare -> report, each a package under
checker/ that takes and returns the models of checker/models.py. Shared modules (models,
dates, days, lexicon, units, subjects, pronouns, textclean, locations, ranking, source_names,
nlp, ruleset) may be imported by any stage; the orchestration on top (pipeline, engine, ledger, evaluation, api, cli,
baseline, config) may import anything. The imports below that break the rule today are
listed as debt, each with where it is: the test fails when a new one appears, and when a
listed one is gone (so the list only shrinks).
"""

from __future__ import annotations

import ast
from pathlib import Path

CHECKER = Path(__file__).resolve().parent.parent / "checker"
STAGES = ("ingest", "extract", "attribute", "align", "compare", "report")

# (importing module, imported stage) of imports that break the rule and are known: none left
# (the last, align re-reading time phrases, became extract's Claim.window).
DEBT: set[tuple[str, str]] = set()
# The rules' self-test runs the stages its rules configure: a test runner, not a stage.
RUNNERS = {"checker/ruleset/selftest.py"}


def _imported_packages(path: Path) -> set[str]:
    """The checker subpackages ``path`` imports (checker.X.y -> X), at any depth of the file."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "checker" and len(parts) > 1:
                found.add(parts[1])
    return found


def _crossings() -> set[tuple[str, str]]:
    crossings = set()
    for stage in STAGES:
        for path in sorted((CHECKER / stage).rglob("*.py")):
            rel = path.relative_to(CHECKER.parent).as_posix()
            for imported in _imported_packages(path) & set(STAGES) - {stage}:
                crossings.add((rel, imported))
    return crossings


def test_no_stage_imports_another_stage():
    new = _crossings() - DEBT
    assert new == set(), f"a stage imports another stage (see DESIGN.md): {sorted(new)}"


def test_the_listed_debt_still_exists():
    paid = DEBT - _crossings()
    assert paid == set(), f"remove from DEBT, it is gone: {sorted(paid)}"


def test_shared_modules_import_no_stage():
    shared = ["models.py", "dates.py", "days.py", "figure_words.py", "lexicon.py", "units.py", "subjects.py", "textclean.py", "locations.py", "ranking.py", "source_names.py", "pronouns.py"]
    paths = [CHECKER / name for name in shared] + list((CHECKER / "nlp").rglob("*.py")) + [
        p for p in (CHECKER / "ruleset").rglob("*.py") if p.relative_to(CHECKER.parent).as_posix() not in RUNNERS
    ]
    offenders = {p.relative_to(CHECKER.parent).as_posix(): sorted(_imported_packages(p) & set(STAGES)) for p in paths}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_contract_sees_a_crossing(tmp_path):
    """The parser finds imports however they are written, so the contract can fail."""
    module = tmp_path / "m.py"
    module.write_text("import checker.extract.frame\nfrom checker.ingest import read_inputs\n"
                      "def f():\n    from checker.compare.updates import as_updates\n", encoding="utf-8")
    assert _imported_packages(module) == {"extract", "ingest", "compare"}
