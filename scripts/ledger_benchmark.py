#!/usr/bin/env python3
"""Benchmark `claimcheck check --ledger`: a day of 100 new articles against ledgers of 1,000,
10,000 and 50,000 stored articles, on SQLite and (where a server can be started) PostgreSQL.

The ledgers are built from the 982 ECB+ articles: all of them are checked once into a seed
ledger (real claims, vectors and stories); a ledger of N articles then holds copies of the
seed rows, copy k with every day shifted by k times the span of the ECB+ dates (plus two
months), so the archive grows along time as a newsroom's does, and each copy has its own
hashes. The day's batch is the first 100 ECB+ articles with a line added (new articles of
the stories of copy 0). Printed: seconds per run (a fresh `claimcheck check` process, model
loading included), the ledger's size on disk, the number of stored articles the run read,
and the ratio of the largest ledger's run to the smallest's (floor: at most 1.5).

    python scripts/benchmark.py --ledger                 # 1000 10000 50000
    python scripts/benchmark.py --ledger --ledger-sizes 1000 5000 --no-postgres
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

FLOOR_GROWTH = 1.5
BATCH = 100
CHUNK = 5000


def seed_ledger(data: Path, work: Path) -> Path:
    """Check all ECB+ articles into a SQLite ledger: the rows every benchmark ledger copies."""
    seed = work / "seed.db"
    command = [sys.executable, "-m", "checker.cli", "check", str(data), "--ledger", str(seed), "--quiet",
               "--fail-on", "never", "--format", "json"]
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return seed


def day_batch(data: Path, target: Path) -> Path:
    """The first BATCH ECB+ articles, each with a line added: new articles of known stories."""
    target.mkdir(parents=True)
    files = sorted(data.glob("*/*.json"))[:BATCH]
    for path in files:
        record = json.loads(path.read_text(encoding="utf-8"))
        record["text"] = (record.get("text") or "") + "\nThis article was updated."
        out = target / path.parent.name
        out.mkdir(exist_ok=True)
        (out / path.name).write_text(json.dumps(record), encoding="utf-8")
    return target


def fill(url: str, seed: Path, size: int) -> None:
    """Write ``size`` articles (copies of the seed's, shifted in time) into the ledger at ``url``."""
    from sqlalchemy import create_engine, insert, select

    from checker.ledger import Ledger, schema

    Ledger.open(url).close()  # create the schema
    source = create_engine(f"sqlite:///{seed}")
    with source.connect() as conn:
        articles = [dict(r._mapping) for r in conn.execute(select(schema.articles))]
        claims = [dict(r._mapping) for r in conn.execute(select(schema.claims))]
    claims_of: dict[str, list[dict]] = {}
    for row in claims:
        claims_of.setdefault(row["article_hash"], []).append(row)
    days = [a["story_day"] for a in articles]
    span = (max(days) - min(days)) + dt.timedelta(days=60)
    with Ledger.open(url) as ledger, ledger.engine.begin() as conn:
        run_id = conn.execute(insert(schema.runs).values(recorded_at="2026-12-06T00:00:00", articles=size)).inserted_primary_key[0]
        rows, claim_rows, written, copy = [], [], 0, 0
        while written < size:
            for article in articles:
                if written >= size:
                    break
                new_hash = article["hash"] if copy == 0 else hashlib.sha256(f"{article['hash']}:{copy}".encode()).hexdigest()
                shift = span * copy
                rows.append({**article, "hash": new_hash, "run_id": run_id, "story_day": article["story_day"] + shift,
                             "published": article["published"] + shift if article["published"] else None,
                             "story_id": f"{article['story_id'][:12]}{copy:04d}"})
                claim_rows.extend({"id": f"{new_hash}:{c['id'].split(':', 1)[1]}", "article_hash": new_hash, "claim": c["claim"]}
                                  for c in claims_of.get(article["hash"], []))
                written += 1
                if len(claim_rows) >= CHUNK:
                    _flush(conn, schema, rows, claim_rows)
            copy += 1
        _flush(conn, schema, rows, claim_rows)


def _flush(conn, schema, rows: list[dict], claim_rows: list[dict]) -> None:
    from sqlalchemy import insert

    if rows:
        conn.execute(insert(schema.articles), rows)
    if claim_rows:
        conn.execute(insert(schema.claims), claim_rows)
    rows.clear()
    claim_rows.clear()


def size_on_disk(url: str) -> int:
    """Bytes the ledger takes: the SQLite file, or the PostgreSQL database."""
    if "://" not in url:
        return Path(url).stat().st_size
    from sqlalchemy import text

    from checker.ledger import Ledger

    with Ledger.open(url) as ledger, ledger.engine.connect() as conn:
        return int(conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one())


def timed_run(url: str, batch: Path, out: Path) -> tuple[float, int]:
    """Seconds of one `claimcheck check --ledger` process, and the earlier articles it read."""
    command = [sys.executable, "-m", "checker.cli", "check", str(batch), "--ledger", url, "--quiet",
               "--fail-on", "never", "--out", str(out)]
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True)
    seconds = time.perf_counter() - started
    report = json.loads(out.read_text(encoding="utf-8"))
    return seconds, sum(1 for a in report["articles"] if a.get("earlier"))


def run(sizes: list[int], data: Path, postgres: bool) -> int:
    work = Path(tempfile.mkdtemp(prefix="claimcheck-ledger-bench-"))
    server = None
    try:
        print(f"claimcheck ledger benchmark: a day of {BATCH} new articles against ledgers of {sizes} articles")
        started = time.perf_counter()
        seed = seed_ledger(data, work)
        print(f"seed ledger: {data} checked in {time.perf_counter() - started:.1f} s")
        batch = day_batch(data, work / "day")
        backends = [("sqlite", lambda n: str(work / f"ledger-{n}.db"))]
        if postgres:
            from postgres_server import PostgresServer, why_not_available

            reason = why_not_available()
            if reason:
                print(f"postgresql: skipped ({reason})")
            else:
                root = Path(tempfile.mkdtemp(prefix="claimcheck-pg-"))
                root.chmod(0o755)
                server = PostgresServer(root / "cluster").start()
                backends.append(("postgresql", lambda n: server.new_database()))
        print(f"\n{'backend':<11} {'stored':>8} {'fill s':>8} {'run s':>8} {'read':>6} {'size MB':>9}")
        verdicts = []
        for name, make_url in backends:
            seconds = {}
            for size in sizes:
                url = make_url(size)
                t0 = time.perf_counter()
                fill(url, seed, size)
                filled = time.perf_counter() - t0
                run_s, read = timed_run(url, batch, work / f"{name}-{size}.json")
                seconds[size] = run_s
                print(f"{name:<11} {size:>8} {filled:>8.1f} {run_s:>8.1f} {read:>6} {size_on_disk(url) / 1e6:>9.1f}")
            growth = seconds[max(sizes)] / seconds[min(sizes)]
            ok = growth <= FLOOR_GROWTH
            verdicts.append(ok)
            print(f"{name}: {max(sizes)} vs {min(sizes)} stored: {growth:.2f}x (floor {FLOOR_GROWTH}x) {'ok' if ok else 'OVER'}")
        return 0 if all(verdicts) else 1
    finally:
        if server is not None:
            server.stop()
            shutil.rmtree(server.root.parent, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)
