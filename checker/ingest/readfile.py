"""Reading a file's bytes within a size limit, with OS errors turned into readable reasons."""

from __future__ import annotations

import errno
import os

from pydantic import BaseModel

from checker.ingest.types import MiB


class ReadFailure(BaseModel):
    reason: str


def describe_os_error(exc: OSError) -> str:
    """A human reason for an OS error met while opening or reading a file."""
    if isinstance(exc, PermissionError):
        return "permission denied: cannot read this file"
    if isinstance(exc, FileNotFoundError):
        return "file disappeared while the batch was being read"
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop: the link cannot be resolved"
    return f"cannot read file: {exc.strerror or exc}"


def read_bytes(path: str, max_bytes: int) -> bytes | ReadFailure:
    """The whole file, or a failure if it is unreadable, not a regular file, or too large."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                return ReadFailure(reason=too_large_reason(size, max_bytes))
            # Read one byte past the limit: a file that grew since fstat is still caught.
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return ReadFailure(reason=describe_os_error(exc))
    if len(data) > max_bytes:
        return ReadFailure(reason=too_large_reason(len(data), max_bytes))
    return data


def too_large_reason(size: int, max_bytes: int) -> str:
    return (f"file is {size / MiB:.1f} MiB, over the {max_bytes / MiB:.1f} MiB limit "
            "(IngestLimits.max_file_bytes); not read")
