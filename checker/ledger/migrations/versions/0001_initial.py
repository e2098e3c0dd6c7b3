"""The first ledger: runs, articles with story vectors, claims, groups and findings.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("recorded_at", sa.String(32), nullable=False),
        sa.Column("articles", sa.Integer, nullable=False),
    )
    op.create_table(
        "articles",
        sa.Column("hash", sa.String(64), primary_key=True),
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("story_day", sa.Date, nullable=False),
        sa.Column("story_id", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("line_offset", sa.Integer, nullable=False),
        sa.Column("text_in_file", sa.Boolean, nullable=False),
        sa.Column("story_vector", sa.LargeBinary, nullable=False),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=False),
    )
    op.create_index("ix_articles_story_day", "articles", ["story_day"])
    op.create_index("ix_articles_story_id", "articles", ["story_id"])
    op.create_table(
        "claims",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("article_hash", sa.String(64), sa.ForeignKey("articles.hash", ondelete="CASCADE"), nullable=False),
        sa.Column("claim", sa.Text, nullable=False),
    )
    op.create_index("ix_claims_article_hash", "claims", ["article_hash"])
    op.create_table(
        "groups",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("story_id", sa.String(16), nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("claim_ids", sa.Text, nullable=False),
        sa.Column("article_hashes", sa.Text, nullable=False),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=False),
    )
    op.create_table(
        "findings",
        sa.Column("fingerprint", sa.String(64), primary_key=True),
        sa.Column("story_id", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("finding", sa.Text, nullable=False),
        sa.Column("article_hashes", sa.Text, nullable=False),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=False),
    )


def downgrade() -> None:
    for table in ("findings", "groups", "claims", "articles", "runs"):
        op.drop_table(table)
