"""Ingest stage: files and folders in, typed :class:`~checker.models.Article` objects out.

``read_inputs`` walks the paths (walk.py), reads each file in its format (formats/), caps
article length (limits.py) and gives every article a unique id (ids.py). Nothing here
raises on bad input: unreadable files, bad JSON lines and the like become
:class:`~checker.models.InputError` entries and the rest of the batch is still read.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from checker.ingest.formats import read_source
from checker.ingest.ids import IdAllocator
from checker.ingest.records import articles_from_records
from checker.ingest.types import IngestLimits, IngestResult, SourceFile
from checker.ingest.walk import find_source_files
from checker.models import InputError, Warning_

__all__ = ["IngestLimits", "IngestResult", "articles_from_records", "read_inputs", "walk_sources"]


def walk_sources(paths: Sequence[str | Path]) -> Iterator[SourceFile | InputError | Warning_]:
    """The walk of ``paths`` in order, each file with its final article id.

    The one place ids are allocated: every engine reads (or lists) files through it, so a
    file has the same id whichever engine reads it.
    """
    if isinstance(paths, (str, Path)):  # one path, not a sequence of one-letter paths
        paths = [paths]
    ids = IdAllocator()
    for entry in find_source_files(paths):
        yield entry if isinstance(entry, (InputError, Warning_)) else ids.assign(entry)


def read_inputs(paths: Sequence[str | Path], limits: IngestLimits = IngestLimits()) -> IngestResult:
    """Read every article under ``paths``: arguments in the order given, folders sorted."""
    result = IngestResult()
    for entry in walk_sources(paths):
        if isinstance(entry, InputError):
            result.input_errors.append(entry)
        elif isinstance(entry, Warning_):
            result.warnings.append(entry)
        else:
            result.extend(_read_guarded(entry, limits))
    return result


def _read_guarded(source: SourceFile, limits: IngestLimits) -> IngestResult:
    """One file's result; a bug met on one odd file must not lose the rest of the batch."""
    try:
        return read_source(source, limits)
    except Exception as exc:  # noqa: BLE001 - last resort; the reason says it is our bug
        return IngestResult(input_errors=[InputError(
            path=source.path, reason=f"unexpected error while reading (a bug in claimcheck): "
                                     f"{type(exc).__name__}: {exc}")])
