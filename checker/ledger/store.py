"""The claim ledger on disk or on a server: open (and migrate), read the stories a batch may
belong to, record a run in one transaction, and the reads behind ``claimcheck ledger``.

SQLite (a path or ``sqlite:///file.db``) through the standard library driver, or PostgreSQL
(``postgresql://...``, psycopg 3). Every write of a run is one transaction, so a run killed
midway leaves the ledger as it was; rows are inserted only where absent, so recording the
same batch twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, delete, event, func, inspect, select
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError

from checker.ledger import schema
from checker.extract.timescope import calendar_of
from checker.models import Article, Claim, ClaimGroup, Finding

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Concurrent first opens of one PostgreSQL ledger take this advisory lock to migrate in turn.
_MIGRATION_LOCK = 0x636C61696D  # "claim"


class LedgerError(Exception):
    """A ledger that cannot be used; the message names it and says why."""


@dataclass(frozen=True)
class StoredArticle:
    """An article read back from the ledger, with the claims recorded for it."""

    hash: str
    story_id: str
    article: Article
    claims: list[Claim]
    vector: np.ndarray  # the stored story vector (unit length)


@dataclass(frozen=True)
class NewArticle:
    """An article of this run, as the ledger records it."""

    hash: str
    story_id: str
    article: Article
    story_day: dt.date
    vector: np.ndarray


def ledger_url(target: str) -> str:
    """The SQLAlchemy URL of ``--ledger``: a path or sqlite:/// URL, or a PostgreSQL URL
    (driven by psycopg 3, whatever driver the URL names)."""
    if "://" not in target:
        return f"sqlite:///{Path(target).expanduser().resolve()}"
    url = make_url(target)
    if url.get_backend_name() == "postgresql":
        return url.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    if url.get_backend_name() != "sqlite":
        raise LedgerError(f"{target}: a ledger is a SQLite file or a PostgreSQL database, not {url.get_backend_name()}")
    return target


class Ledger:
    """One open ledger. Use :meth:`open`; close with :meth:`close` (or as a context manager)."""

    def __init__(self, engine: Engine, name: str) -> None:
        self.engine = engine
        self.name = name  # for messages: the file, or the URL without its password

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, target: str) -> "Ledger":
        """Open ``target`` and bring an empty one to the current schema. Raises LedgerError
        for a file that is not a ledger, a ledger of a newer schema, or a server it cannot reach."""
        try:
            url = make_url(ledger_url(target))
        except ArgumentError as exc:
            raise LedgerError(f"{target}: not a ledger path or database URL ({exc})") from None
        sqlite = url.get_backend_name() == "sqlite"
        name = url.database if sqlite else url.render_as_string(hide_password=True)
        if sqlite:
            if url.database and not Path(url.database).parent.is_dir():
                raise LedgerError(f"{name}: the folder does not exist")
            engine = create_engine(url, connect_args={"timeout": 120})
            _serialise_sqlite_writes(engine)
        else:
            try:
                engine = create_engine(url, pool_pre_ping=True)
            except ModuleNotFoundError:
                raise LedgerError(f"{name}: PostgreSQL needs psycopg 3: pip install 'claimcheck[postgres]'") from None
        ledger = cls(engine, name)
        try:
            ledger._migrate()
        except (DatabaseError, OperationalError) as exc:
            engine.dispose()
            what = "not a readable SQLite ledger" if sqlite else "cannot open the ledger database"
            raise LedgerError(f"{name}: {what} ({_reason(exc)})") from None
        except LedgerError:
            engine.dispose()
            raise
        return ledger

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _migrate(self) -> None:
        script = ScriptDirectory(str(MIGRATIONS))
        known = {rev.revision for rev in script.walk_revisions()}
        with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
            current = MigrationContext.configure(conn).get_current_revision()
            if current is not None and current not in known:
                raise LedgerError(
                    f"{self.name}: the ledger has schema revision {current}, newer than this claimcheck "
                    f"reads (up to {script.get_current_head()}); upgrade claimcheck"
                )
            tables = set(inspect(conn).get_table_names())
            if current is None and tables - {"alembic_version"}:
                raise LedgerError(f"{self.name}: holds other tables ({', '.join(sorted(tables)[:5])}), not a claimcheck ledger")
            if current != script.get_current_head():
                config = AlembicConfig()
                config.set_main_option("script_location", str(MIGRATIONS))
                config.attributes["connection"] = conn
                command.upgrade(config, "head")

    # ------------------------------------------------------------------ reads for a run

    def candidates(
        self, days: list[dt.date], vectors: np.ndarray, window_days: int, min_similarity: float,
        exclude: set[str], limit: int,
    ) -> list[tuple[str, str, float]]:
        """Stored articles the new ones may share a story with: (hash, story_id, similarity),
        most similar first. Only articles whose day is within ``window_days`` of a new
        article's day are read (through the story_day index), so the cost follows the
        window, not the archive."""
        if not days:
            return []
        ranges = _merged_ranges(days, window_days)
        t = schema.articles.c
        found: list[tuple[str, str, float]] = []
        with self.engine.connect() as conn:
            for low, high in ranges:
                rows = conn.execute(
                    select(t.hash, t.story_id, t.story_vector).where(t.story_day >= low, t.story_day <= high)
                )
                hashes, stories, stored = [], [], []
                for row in rows:
                    if row.hash in exclude:
                        continue
                    hashes.append(row.hash)
                    stories.append(row.story_id)
                    stored.append(np.frombuffer(row.story_vector, dtype=np.float32))
                if not stored:
                    continue
                similarity = (np.vstack(stored) @ vectors.T).max(axis=1)
                found.extend((h, s, float(v)) for h, s, v in zip(hashes, stories, similarity) if v >= min_similarity)
        unique = {h: (h, s, v) for h, s, v in found}
        return sorted(unique.values(), key=lambda x: (-x[2], x[0]))[:limit]

    def load(self, hashes: list[str]) -> list[StoredArticle]:
        """The articles ``hashes`` with their claims, marked as earlier."""
        if not hashes:
            return []
        a, c = schema.articles.c, schema.claims.c
        with self.engine.connect() as conn:
            rows = conn.execute(select(schema.articles).where(a.hash.in_(hashes)).order_by(a.hash)).all()
            claim_rows = conn.execute(select(c.article_hash, c.claim).where(c.article_hash.in_(hashes)).order_by(c.id)).all()
        claims: dict[str, list[Claim]] = {}
        for row in claim_rows:
            claims.setdefault(row.article_hash, []).append(_stored_claim(row.claim))
        return [
            StoredArticle(
                hash=row.hash,
                story_id=row.story_id,
                article=Article(
                    id=row.article_id, path=row.path, title=row.title, source=row.source, url=row.url,
                    published=row.published, text=row.text, line_offset=row.line_offset,
                    text_in_file=row.text_in_file, earlier=True, recorded=row.story_day,
                ),
                claims=sorted(claims.get(row.hash, []), key=lambda x: (x.start, x.end)),
                vector=np.frombuffer(row.story_vector, dtype=np.float32),
            )
            for row in rows
        ]

    # ------------------------------------------------------------------ the run's write

    def record(
        self, new: list[NewArticle], claims: list[Claim], groups: list[ClaimGroup], findings: list[Finding],
        hash_of_article: dict[str, str], story_of_group: dict[str, str], now: dt.datetime,
    ) -> int | None:
        """Record one run in one transaction: the new articles, their claims and vectors, and
        the groups and findings; nothing is written when every article is already known.
        Returns the run id, or None when nothing was new."""
        with self.engine.begin() as conn:
            present = {r.hash for r in conn.execute(select(schema.articles.c.hash).where(
                schema.articles.c.hash.in_([n.hash for n in new])))} if new else set()
            fresh = [n for n in new if n.hash not in present]
            if not fresh:
                return None
            run_id = conn.execute(schema.runs.insert().values(
                recorded_at=now.isoformat(timespec="seconds"), articles=len(fresh))).inserted_primary_key[0]
            fresh_ids = {n.article.id for n in fresh}
            _insert_absent(conn, schema.articles, "hash", [
                {
                    "hash": n.hash, "article_id": n.article.id, "path": n.article.path, "title": n.article.title,
                    "source": n.article.source, "url": n.article.url, "published": n.article.published,
                    "story_day": n.story_day, "story_id": n.story_id, "text": n.article.text,
                    "line_offset": n.article.line_offset, "text_in_file": n.article.text_in_file,
                    "story_vector": np.asarray(n.vector, dtype=np.float32).tobytes(), "run_id": run_id,
                }
                for n in fresh
            ])
            _insert_absent(conn, schema.claims, "id", [
                {"id": f"{hash_of_article[c.article_id]}:{c.id}", "article_hash": hash_of_article[c.article_id],
                 "claim": c.model_dump_json()}
                for c in claims if c.article_id in fresh_ids
            ])
            claim_article = {c.id: hash_of_article[c.article_id] for c in claims if c.article_id in hash_of_article}
            _insert_absent(conn, schema.groups, "id", [
                {"id": g.id, "story_id": story_of_group[g.id], "label": g.label, "claim_ids": json.dumps(g.claim_ids),
                 "article_hashes": json.dumps(sorted({claim_article[i] for i in g.claim_ids if i in claim_article})),
                 "run_id": run_id}
                for g in groups if g.id in story_of_group
            ])
            _insert_absent(conn, schema.findings, "fingerprint", [
                {"fingerprint": f.fingerprint, "story_id": story_of_group[f.group_id], "kind": f.kind.value,
                 "severity": f.severity, "finding": f.model_dump_json(),
                 "article_hashes": json.dumps(sorted({claim_article[i] for i in f.claim_ids if i in claim_article})),
                 "run_id": run_id}
                for f in findings if f.group_id in story_of_group
            ])
            return int(run_id)

    # ------------------------------------------------------------------ `claimcheck ledger`

    def stats(self) -> dict:
        """How much the ledger holds."""
        with self.engine.connect() as conn:
            count = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                     for t in (schema.runs, schema.articles, schema.claims, schema.groups, schema.findings)}
            stories = conn.execute(select(func.count(func.distinct(schema.articles.c.story_id)))).scalar_one()
            first, last = conn.execute(select(func.min(schema.articles.c.story_day), func.max(schema.articles.c.story_day))).one()
            revision = MigrationContext.configure(conn).get_current_revision()
        return {
            "ledger": self.name, "schema_revision": revision, "runs": count["runs"], "articles": count["articles"],
            "claims": count["claims"], "groups": count["groups"], "findings": count["findings"], "stories": stories,
            "first_day": _iso(first), "last_day": _iso(last),
        }

    def stories(self, since: dt.date | None = None, until: dt.date | None = None) -> list[dict]:
        """One row per story with articles in [since, until]: id, articles, days, a title."""
        a = schema.articles.c
        query = select(a.story_id, func.count().label("articles"), func.min(a.story_day).label("first_day"),
                       func.max(a.story_day).label("last_day"), func.min(a.title).label("title")).group_by(a.story_id)
        query = _within(query, a.story_day, since, until).order_by(func.min(a.story_day), a.story_id)
        with self.engine.connect() as conn:
            return [{"story": r.story_id, "articles": r.articles, "first_day": _iso(r.first_day),
                     "last_day": _iso(r.last_day), "title": r.title} for r in conn.execute(query)]

    def show(self, story: str) -> dict:
        """A story's articles and findings. Raises LedgerError for an unknown story."""
        a, f = schema.articles.c, schema.findings.c
        with self.engine.connect() as conn:
            arts = conn.execute(select(a.hash, a.article_id, a.source, a.title, a.published, a.story_day)
                                .where(a.story_id == story).order_by(a.story_day, a.article_id)).all()
            if not arts:
                raise LedgerError(f"{self.name}: no story {story!r} (see `claimcheck ledger stories`)")
            found = conn.execute(select(f.finding).where(f.story_id == story).order_by(f.fingerprint)).all()
        return {
            "story": story,
            "articles": [{"hash": r.hash, "id": r.article_id, "source": r.source, "title": r.title,
                          "published": _iso(r.published), "day": _iso(r.story_day)} for r in arts],
            "findings": [json.loads(r.finding) for r in found],
        }

    def forget(self, article: str) -> list[str]:
        """Remove an article (by hash, hash prefix of 8+ characters, or article id), its claims and
        the groups and findings that rest on it. Returns the hashes removed."""
        a = schema.articles.c
        with self.engine.begin() as conn:
            query = select(a.hash).where((a.article_id == article) | (a.hash == article))
            if len(article) >= 8:
                query = select(a.hash).where((a.article_id == article) | a.hash.startswith(article))
            hashes = sorted(r.hash for r in conn.execute(query))
            for h in hashes:
                for table in (schema.groups, schema.findings):
                    conn.execute(delete(table).where(table.c.article_hashes.contains(h)))
                conn.execute(delete(schema.claims).where(schema.claims.c.article_hash == h))
                conn.execute(delete(schema.articles).where(a.hash == h))
        return hashes

    def export(self, since: dt.date | None = None, until: dt.date | None = None) -> dict:
        """Everything in [since, until] as JSON-ready data: articles with their claims, findings."""
        a, c, f = schema.articles.c, schema.claims.c, schema.findings.c
        with self.engine.connect() as conn:
            arts = conn.execute(_within(select(schema.articles), a.story_day, since, until).order_by(a.story_day, a.hash)).all()
            hashes = [r.hash for r in arts]
            claim_rows = conn.execute(select(c.article_hash, c.claim).where(c.article_hash.in_(hashes)).order_by(c.id)).all() if hashes else []
            stories = sorted({r.story_id for r in arts})
            found = conn.execute(select(f.finding).where(f.story_id.in_(stories)).order_by(f.fingerprint)).all() if stories else []
        claims: dict[str, list] = {}
        for row in claim_rows:
            claims.setdefault(row.article_hash, []).append(json.loads(row.claim))
        return {
            "ledger": self.name,
            "articles": [{"hash": r.hash, "id": r.article_id, "path": r.path, "title": r.title, "source": r.source,
                          "url": r.url, "published": _iso(r.published), "day": _iso(r.story_day), "story": r.story_id,
                          "claims": claims.get(r.hash, [])} for r in arts],
            "findings": [json.loads(r.finding) for r in found],
        }


def _serialise_sqlite_writes(engine: Engine) -> None:
    """SQLite: every transaction takes the write lock at its start (BEGIN IMMEDIATE), so two
    runs on one file queue for it (up to the 120 s busy timeout) instead of one failing with
    "database is locked" halfway; the driver's own implicit BEGIN is switched off."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys = ON")

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def _insert_absent(conn: Connection, table, key: str, rows: list[dict]) -> None:
    """Insert the rows whose ``key`` is not there yet (a concurrent run may have added one)."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    conn.execute(insert(table).on_conflict_do_nothing(index_elements=[key]), rows)


def _stored_claim(raw: str) -> Claim:
    """A stored claim as this version reads it: a scope stored before report schema 1.6 has
    no ``calendar``, so it is read again off the scope's phrase (the rules that keep periods
    apart would otherwise take an earlier run's "in March" for a guess from a weekday)."""
    claim = Claim.model_validate_json(raw)
    if claim.scope.text and "calendar" not in claim.scope.model_fields_set:
        scope = claim.scope.model_copy(update={"calendar": calendar_of(claim.scope.text)})
        claim = claim.model_copy(update={"scope": scope})
    return claim


def _merged_ranges(days: list[dt.date], window_days: int) -> list[tuple[dt.date, dt.date]]:
    """[day - window, day + window] for each day, overlapping ranges merged."""
    window = dt.timedelta(days=window_days)
    ranges: list[list[dt.date]] = []
    for day in sorted(set(days)):
        low, high = day - window, day + window
        if ranges and low <= ranges[-1][1]:
            ranges[-1][1] = max(ranges[-1][1], high)
        else:
            ranges.append([low, high])
    return [(low, high) for low, high in ranges]


def _within(query, column, since: dt.date | None, until: dt.date | None):
    if since is not None:
        query = query.where(column >= since)
    if until is not None:
        query = query.where(column <= until)
    return query


def _iso(day) -> str | None:
    return day.isoformat() if day else None


def _reason(exc: Exception) -> str:
    orig = getattr(exc, "orig", None)
    return " ".join(str(orig or exc).split())[:300]
