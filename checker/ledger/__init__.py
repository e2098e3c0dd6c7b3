"""The claim ledger: what was reported before, so a run checks today's articles against it.

``store`` holds the database (SQLite or PostgreSQL, one schema, Alembic migrations);
``session`` runs a check against it.
"""

from checker.ledger.store import Ledger, LedgerError

__all__ = ["Ledger", "LedgerError"]
