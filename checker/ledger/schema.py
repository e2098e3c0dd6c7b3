"""The ledger's tables (SQLAlchemy Core), one schema for SQLite and PostgreSQL.

Rows are keyed by what they say, not by when they were written: an article by the SHA-256
of its text, a group by its id (a hash of its claim ids), a finding by its fingerprint. So
recording the same batch twice adds nothing. Alembic migrations in ``migrations/`` build
these tables; ``SCHEMA_REVISION`` is the newest revision this claimcheck knows.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, ForeignKey, Index, Integer, LargeBinary, MetaData, String, Table, Text

SCHEMA_REVISION = "0001"

metadata = MetaData()

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("recorded_at", String(32), nullable=False),  # ISO 8601, UTC
    Column("articles", Integer, nullable=False),  # new articles this run recorded
)

articles = Table(
    "articles",
    metadata,
    Column("hash", String(64), primary_key=True),  # SHA-256 of the text: one article however often added
    Column("article_id", Text, nullable=False),
    Column("path", Text, nullable=False),
    Column("title", Text),
    Column("source", Text),
    Column("url", Text),
    Column("published", Date),
    # The day the article speaks for: its publication date, else the day it was recorded.
    # Reads are restricted to a window of these days, through the index below.
    Column("story_day", Date, nullable=False),
    Column("story_id", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("line_offset", Integer, nullable=False, default=0),
    Column("text_in_file", Boolean, nullable=False, default=True),
    Column("story_vector", LargeBinary, nullable=False),  # float32, unit length
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=False),
    Index("ix_articles_story_day", "story_day"),
    Index("ix_articles_story_id", "story_id"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Text, primary_key=True),  # the claim id of the report, prefixed by the article hash
    Column("article_hash", String(64), ForeignKey("articles.hash", ondelete="CASCADE"), nullable=False),
    Column("claim", Text, nullable=False),  # the Claim as JSON (the report's schema)
    Index("ix_claims_article_hash", "article_hash"),
)

groups = Table(
    "groups",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("story_id", String(16), nullable=False),
    Column("label", Text, nullable=False),
    Column("claim_ids", Text, nullable=False),  # JSON list of the report's claim ids
    Column("article_hashes", Text, nullable=False),  # JSON list: what `ledger forget` looks for
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=False),
)

findings = Table(
    "findings",
    metadata,
    Column("fingerprint", String(64), primary_key=True),
    Column("story_id", String(16), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("severity", String(16), nullable=False),
    Column("finding", Text, nullable=False),  # the Finding as JSON
    Column("article_hashes", Text, nullable=False),
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=False),
)
