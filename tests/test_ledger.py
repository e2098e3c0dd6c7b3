"""The claim ledger on SQLite and on a real PostgreSQL server: runs across batches, an
updated toll, idempotent re-runs, atomic and concurrent writes, refused ledgers, the
`claimcheck ledger` commands. The real spaCy pipeline and embedding model throughout."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from checker.cli import main
from checker.ledger import Ledger, LedgerError
from checker.ledger.session import check_with_ledger
from checker.report import render
from postgres_server import PostgresServer, why_not_available

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples" / "idlib-2020"
NOW = dt.datetime(2026, 12, 6, 12, 0, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="session")
def postgres():
    reason = why_not_available()
    if reason:
        pytest.skip(reason)
    # Not under pytest's temp folder: it is private to this user, and a root run starts the
    # server as the postgres user, which must reach its data folder.
    root = Path(tempfile.mkdtemp(prefix="claimcheck-pg-"))
    os.chmod(root, 0o755)
    server = PostgresServer(root / "cluster").start()
    yield server
    server.stop()
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger_url(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "ledger.db")
    return request.getfixturevalue("postgres").new_database()


def _batches(tmp_path: Path) -> tuple[Path, Path]:
    """The Idlib articles in two batches: 003 and 004 first, then the other three."""
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for path in sorted(EXAMPLES.iterdir()):
        shutil.copy(path, (first if path.name.startswith(("003", "004")) else second) / path.name)
    return first, second


def _run(url: str, *paths: Path, **kwargs):
    with Ledger.open(url) as ledger:
        return check_with_ledger(list(paths), ledger, now=NOW, **kwargs)


def _stats(url: str) -> dict:
    with Ledger.open(url) as ledger:
        stats = ledger.stats()
    stats.pop("ledger")
    return stats


def _finding_with(report, kind: str, *texts: str):
    claims = {c.id: c for c in report.claims}
    for f in report.findings:
        if f.kind.value == kind and set(texts) <= {claims[i].text for i in f.claim_ids}:
            return f
    return None


def test_a_second_batch_is_checked_against_the_first(ledger_url, tmp_path):
    first, second = _batches(tmp_path)
    _run(ledger_url, first)
    report = _run(ledger_url, second)
    earlier = {a.id for a in report.articles if a.earlier}
    assert earlier == {"003_bd4801d75e431643.txt", "004_808f13ad6bbbdc29.txt"}
    displaced = _finding_with(report, "scope_differs", "almost 900,000", "almost 700,000")
    refugees = _finding_with(report, "value_conflict", "3.5 million", "3.6 million")
    assert displaced is not None and displaced.against_earlier
    assert refugees is not None and refugees.against_earlier
    # marked as earlier where a reader sees the sources
    assert "(earlier run)" in render(report, "text") and "(earlier run)" in render(report, "html")
    # only what concerns this run: no finding rests on earlier articles alone
    claims = {c.id: c for c in report.claims}
    assert all(any(claims[i].article_id not in earlier for i in f.claim_ids) for f in report.findings)

    stats = _stats(ledger_url)
    assert stats["runs"] == 2 and stats["articles"] == 5
    again = _run(ledger_url, second)  # a third run of the second batch changes nothing
    assert _stats(ledger_url) == stats
    assert render(again, "json") == render(report, "json")


def test_the_same_article_added_twice_is_one_article(ledger_url, tmp_path):
    first, _ = _batches(tmp_path)
    copy = tmp_path / "copy"
    shutil.copytree(first, copy)
    _run(ledger_url, first)
    before = _stats(ledger_url)
    _run(ledger_url, copy)
    assert _stats(ledger_url) == before


def _article(folder: Path, name: str, day: str, text: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(f"date {day}\n{text}\n", encoding="utf-8")


DISPLACED = ("Fighting in the north-west of the country has forced {n} people from their homes, "
             "the United Nations said, as government forces pressed their offensive on the province.")


def test_a_toll_reported_higher_on_a_later_day_is_an_update(ledger_url, tmp_path):
    _article(tmp_path / "monday", "un.txt", "2020-02-10", DISPLACED.format(n="700,000"))
    _article(tmp_path / "friday", "un.txt", "2020-02-14", DISPLACED.format(n="900,000"))
    _run(ledger_url, tmp_path / "monday")
    report = _run(ledger_url, tmp_path / "friday")
    updated = _finding_with(report, "updated", "700,000", "900,000")
    assert updated is not None and updated.severity == "info" and updated.against_earlier
    assert "2020-02-10" in updated.headline and "2020-02-14" in updated.headline
    # the other way round, a later and lower figure, still disagrees
    _article(tmp_path / "later", "un2.txt", "2020-02-18", DISPLACED.format(n="500,000"))
    report = _run(ledger_url, tmp_path / "later")
    assert any(f.severity != "info" and f.against_earlier for f in report.findings)


def test_a_run_that_fails_midway_leaves_the_ledger_as_it_was(ledger_url, tmp_path, monkeypatch):
    first, second = _batches(tmp_path)
    _run(ledger_url, first)
    before = _stats(ledger_url)
    from checker.ledger import store

    real = store._insert_absent
    calls = []

    def fail_on_findings(conn, table, key, rows):
        calls.append(table.name)
        if table.name == "findings":
            raise RuntimeError("killed")
        real(conn, table, key, rows)

    monkeypatch.setattr(store, "_insert_absent", fail_on_findings)
    with pytest.raises(RuntimeError):
        _run(ledger_url, second)
    assert "articles" in calls  # it had written articles and claims before it failed
    assert _stats(ledger_url) == before


_KILL_MIDWAY = """
import os, signal, sys
from sqlalchemy import insert
from checker.ledger import Ledger
from checker.ledger import schema
with Ledger.open(sys.argv[1]) as ledger:
    with ledger.engine.begin() as conn:
        conn.execute(insert(schema.runs).values(recorded_at="2026-12-06T00:00:00", articles=1))
        os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_process_killed_inside_its_transaction_changes_nothing(ledger_url, tmp_path):
    first, _ = _batches(tmp_path)
    _run(ledger_url, first)
    before = _stats(ledger_url)
    done = subprocess.run([sys.executable, "-c", _KILL_MIDWAY, ledger_url], cwd=REPO, timeout=120)
    assert done.returncode == -signal.SIGKILL
    assert _stats(ledger_url) == before


def test_two_runs_at_once_both_finish_and_lose_nothing(ledger_url, tmp_path):
    first, second = _batches(tmp_path)
    command = [sys.executable, "-m", "checker.cli", "check", "--ledger", ledger_url, "--quiet", "--fail-on", "never",
               "--format", "json"]
    runs = [subprocess.Popen([*command, str(folder)], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            for folder in (first, second)]
    errors = [run.communicate(timeout=600)[1].decode() for run in runs]
    assert [run.returncode for run in runs] == [0, 0], errors
    stats = _stats(ledger_url)
    assert stats["runs"] == 2 and stats["articles"] == 5


def test_a_ledger_of_a_newer_schema_is_refused(ledger_url):
    with Ledger.open(ledger_url) as ledger:
        with ledger.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(LedgerError, match="newer than this claimcheck"):
        Ledger.open(ledger_url)


def test_a_corrupt_sqlite_file_is_an_error_naming_the_file(tmp_path, capsys):
    bad = tmp_path / "ledger.db"
    bad.write_bytes(b"this is not a database, it is a note\n" * 200)
    with pytest.raises(LedgerError, match=str(bad)):
        Ledger.open(str(bad))
    assert bad.read_bytes().startswith(b"this is not a database")  # never replaced by a new ledger
    assert main(["ledger", "stats", "--ledger", str(bad)]) == 2
    assert str(bad) in capsys.readouterr().err


def test_a_database_of_something_else_is_not_taken_for_a_ledger(tmp_path):
    import sqlite3

    other = tmp_path / "app.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE users (id INTEGER)")
    with pytest.raises(LedgerError, match="not a claimcheck ledger"):
        Ledger.open(str(other))


def test_ledger_commands(ledger_url, tmp_path, capsys):
    first, second = _batches(tmp_path)
    _run(ledger_url, first)
    _run(ledger_url, second)

    def ledger(*args) -> object:
        capsys.readouterr()
        assert main(["ledger", *args, "--ledger", ledger_url]) == 0
        return json.loads(capsys.readouterr().out)

    assert ledger("stats")["articles"] == 5
    stories = ledger("stories")
    assert sum(s["articles"] for s in stories) == 5
    bounded = ledger("stories", "--until", "2020-02-05")  # only the articles of those days count
    assert bounded and all(s["last_day"] <= "2020-02-05" for s in bounded)
    assert {s["story"] for s in bounded} <= {s["story"] for s in stories}
    shown = ledger("show", stories[0]["story"])
    assert shown["articles"] and all("kind" in f for f in shown["findings"])
    exported = ledger("export", "--since", "2020-02-15", "--until", "2020-02-17")
    assert {a["id"] for a in exported["articles"]} == {"000_ff91b9868b4e3f07.txt", "001_f1ad60ce1bf9bb13.txt"}
    assert all(a["claims"] for a in exported["articles"])
    forgotten = ledger("forget", "003_bd4801d75e431643.txt")["forgotten"]
    assert len(forgotten) == 1
    assert ledger("stats")["articles"] == 4
    assert main(["ledger", "show", "no-such-story", "--ledger", ledger_url]) == 2


def test_ledger_usage_errors(tmp_path, capsys):
    first, _ = _batches(tmp_path)
    url = str(tmp_path / "ledger.db")
    assert main(["check", str(first), "--ledger", url, "--engine", "ray", "--quiet"]) == 2
    assert "--engine ray" in capsys.readouterr().err
    assert main(["ledger", "show", "--ledger", url]) == 2
    assert "needs the STORY" in capsys.readouterr().err
    assert main(["check", str(first), "--ledger", "mysql://x@y/z", "--quiet"]) == 2
    assert "SQLite file or a PostgreSQL database" in capsys.readouterr().err
    assert main(["check", str(first), "--ledger", str(tmp_path / "no" / "such" / "l.db"), "--quiet"]) == 2
    assert "folder does not exist" in capsys.readouterr().err


def test_a_claim_stored_before_scopes_had_a_calendar_reads_it_off_its_phrase():
    # A ledger written by an earlier version holds scopes without "calendar"; the rules that
    # keep periods apart read it, so an earlier run's "in early March" must still be named.
    from checker.extract.timescope import find_time_phrases
    from checker.ledger.store import _stored_claim
    from checker.models import Bound, Claim, QuantityKind, Value

    scope = find_time_phrases("in early March", dt.date(2007, 4, 10))[0].scope
    claim = Claim(
        id="a@0-5", article_id="a", start=0, end=5, text="three", sentence="three in early March", sentence_start=0,
        value=Value(low=3, high=3, point=3), bound=Bound.exact, kind=QuantityKind.count, scope=scope,
    )
    stored = json.loads(claim.model_dump_json())
    del stored["scope"]["calendar"]
    assert _stored_claim(json.dumps(stored)).scope.calendar == "named"
    assert _stored_claim(claim.model_dump_json()) == claim
