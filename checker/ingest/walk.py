"""Turning the paths given on the command line into the list of files to read.

Folders are walked depth-first in sorted name order so a batch reads the same way on every
machine; hidden entries (``.git``, ``.DS_Store``) are skipped; symbolic links to folders are
followed, but a link that leads back into a folder being walked is reported, not followed.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath

from checker.ingest.types import EXTENSIONS, SourceFile
from checker.models import InputError, Warning_

WalkEntry = SourceFile | InputError | Warning_

SUPPORTED = ", ".join(sorted(EXTENSIONS))


def find_source_files(paths: Sequence[str | Path]) -> list[WalkEntry]:
    """Files to read, and problems met on the way, in argument order then sorted order."""
    walker = _Walker()
    entries: list[WalkEntry] = []
    for given in paths:
        entries.extend(walker.argument(str(given)))
    return entries


class _Walker:
    def __init__(self) -> None:
        # Resolved paths already listed: one file reachable twice (two arguments, or a link)
        # is read once, so an outlet never corroborates itself.
        self.seen_files: dict[str, str] = {}
        self.seen_dirs: dict[str, str] = {}

    def argument(self, given: str) -> Iterator[WalkEntry]:
        if not os.path.lexists(given):
            yield InputError(path=given, reason="no such file or folder")
            return
        try:
            mode = os.stat(given).st_mode
        except OSError as exc:
            yield InputError(path=given, reason=_stat_failure(given, exc))
            return
        if stat.S_ISDIR(mode):
            yield from self.folder(given)
        else:
            yield from self.file(given, PurePosixPath(Path(given).name), mode)

    def file(self, path: str, relative: PurePosixPath, mode: int) -> Iterator[WalkEntry]:
        if not stat.S_ISREG(mode):
            # Reading a FIFO or a device would block or never end.
            yield InputError(path=path, reason="not a regular file (a device, pipe or socket)")
            return
        file_format = EXTENSIONS.get(Path(path).suffix.lower())
        if file_format is None:
            suffix = Path(path).suffix or "(none)"
            yield InputError(path=path, reason=f"unsupported file type {suffix!r}: expected one of {SUPPORTED}")
            return
        real = os.path.realpath(path)
        if real in self.seen_files:
            yield Warning_(path=path, message=f"same file as {self.seen_files[real]}; read once")
            return
        self.seen_files[real] = path
        yield SourceFile(path=path, article_id=relative.as_posix(), format=file_format)

    def folder(self, root: str) -> Iterator[WalkEntry]:
        found_any = False
        real_root = os.path.realpath(root)
        if real_root in self.seen_dirs:
            yield Warning_(path=root, message=f"same folder as {self.seen_dirs[real_root]}; read once")
            return
        self.seen_dirs[real_root] = root
        # Iterative depth-first walk (deep trees must not hit the recursion limit). Each stack
        # frame: folder path, path relative to root, resolved folders on the way down, and
        # the iterator over its sorted entries.
        stack = [(root, PurePosixPath(), (real_root,), self._sorted_entries(root))]
        while stack:
            folder, relative, ancestors, entries = stack[-1]
            entry = next(entries, None)
            if entry is None:
                stack.pop()
                continue
            if isinstance(entry, InputError):
                yield entry
                continue
            name = entry
            if name.startswith("."):
                continue
            path = os.path.join(folder, name)
            try:
                mode = os.stat(path).st_mode
            except OSError as exc:
                yield InputError(path=path, reason=_stat_failure(path, exc))
                continue
            if stat.S_ISDIR(mode):
                real = os.path.realpath(path)
                if real in ancestors:
                    yield InputError(path=path, reason="symbolic link loop: leads back to folder "
                                                       f"{_shown(real, ancestors, root)}; not followed")
                    continue
                if real in self.seen_dirs:
                    yield Warning_(path=path, message=f"same folder as {self.seen_dirs[real]}; read once")
                    continue
                self.seen_dirs[real] = path
                stack.append((path, relative / name, (*ancestors, real), self._sorted_entries(path)))
                continue
            for item in self.file(path, relative / name, mode):
                found_any = found_any or isinstance(item, SourceFile)
                yield item
        if not found_any:
            yield InputError(path=root, reason=f"no articles found in this folder (looked for {SUPPORTED})")

    @staticmethod
    def _sorted_entries(folder: str) -> Iterator[str | InputError]:
        try:
            names = sorted(os.listdir(folder))
        except PermissionError:
            yield InputError(path=folder, reason="permission denied: cannot list this folder")
            return
        except OSError as exc:
            yield InputError(path=folder, reason=f"cannot list folder: {exc.strerror or exc}")
            return
        yield from names


def _stat_failure(path: str, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop: the link cannot be resolved"
    if os.path.islink(path) and isinstance(exc, FileNotFoundError):
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        return f"broken symbolic link (points to {target!r}, which does not exist)"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return f"cannot access: {exc.strerror or exc}"


def _shown(real: str, ancestors: tuple[str, ...], root: str) -> str:
    """The looped-to folder as the user knows it: the argument when the loop goes to the top."""
    return repr(root) if real == ancestors[0] else repr(real)
