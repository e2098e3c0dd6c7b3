"""claimcheck: a claim-consistency checker for news articles.

``checker.check(paths_or_articles, config=None) -> Report`` is the Python API; the models
it returns live in :mod:`checker.models`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from checker.api import check


def __getattr__(name: str) -> Any:
    # Imported on first use so `import checker` stays light (no spaCy/torch load).
    if name == "check":
        from checker.api import check

        return check
    raise AttributeError(f"module 'checker' has no attribute {name!r}")


__all__ = ["check", "__version__"]
