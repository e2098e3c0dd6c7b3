"""A throwaway PostgreSQL server for the ledger tests: a real cluster in a temp folder.

``initdb`` and ``pg_ctl`` from Debian's postgresql package (``make test`` installs it where
it can, as it does Chromium); a root user runs them as the ``postgres`` system user, as the
server refuses to run as root. The server listens on a Unix socket only, with trust auth.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import uuid
from pathlib import Path


def server_binaries() -> Path | None:
    """The folder holding initdb and pg_ctl, or None."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(versions[-1]).parent if versions else None


def why_not_available() -> str | None:
    """Why no server can be started here, or None when one can."""
    if server_binaries() is None:
        return "PostgreSQL server not installed (apt-get install postgresql; make test does it as root)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root without a 'postgres' user to run the server as"
    return None


class PostgresServer:
    """One running cluster; ``new_database()`` gives each test a fresh database URL."""

    def __init__(self, root: Path) -> None:
        self.bin = server_binaries()
        self.root = root
        self.data = root / "data"
        self.socket = root / "socket"
        self.port = 5432 + (os.getpid() % 1000) + 1
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            self._as_user = ["runuser", "-u", "postgres", "--"]

    def start(self) -> "PostgresServer":
        self.socket.mkdir(parents=True)
        self.data.mkdir()
        if self._as_user:
            for path in (self.root, self.socket, self.data):
                shutil.chown(path, "postgres", "postgres")
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        options = f"-k {self.socket} -c listen_addresses='' -p {self.port} -c fsync=off"
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.root / "log"), "-w", "start")
        return self

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@/{database}?host={self.socket}&port={self.port}"

    def new_database(self) -> str:
        """A fresh, empty database on this server: its URL."""
        import psycopg

        name = f"ledger_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(host=str(self.socket), port=self.port, user="postgres", dbname="postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def _run(self, *command: str, check: bool = True) -> None:
        done = subprocess.run([*self._as_user, *command], capture_output=True, text=True, timeout=120)
        if check and done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}): {done.stderr or done.stdout}")
