"""No network at run time: `claimcheck check` works with the socket module disabled.

The check runs in a child process whose socket module refuses every connection and name
lookup before claimcheck is imported, and whose environment has no ``HF_HUB_OFFLINE`` /
``TRANSFORMERS_OFFLINE`` (so nothing but the code itself keeps the model loaders offline).
It must still load the bundled spaCy pipeline and embedding model, check the Idlib
articles and write the JSON report - and never even try to connect.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from conftest import IDLIB

MARKER = "claimcheck-test: network attempt:"

# Runs in the child before anything else: every way out to the network raises (and says so
# on stderr, so an attempt swallowed by a library's fallback still fails the test).
NO_NETWORK_WRAPPER = textwrap.dedent(
    f"""
    import socket, sys

    def _refuse(what, *args):
        sys.stderr.write("{MARKER} " + what + " " + repr(args)[:200] + "\\n")
        raise OSError("network disabled by test_no_network: " + what)

    _real_connect, _real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def _connect(self, address, *rest):
        if self.family == socket.AF_UNIX:  # local IPC is not the network
            return _real_connect(self, address, *rest)
        _refuse("connect", address)

    def _connect_ex(self, address, *rest):
        if self.family == socket.AF_UNIX:
            return _real_connect_ex(self, address, *rest)
        _refuse("connect_ex", address)

    socket.socket.connect = _connect
    socket.socket.connect_ex = _connect_ex
    socket.create_connection = lambda *a, **k: _refuse("create_connection", a)
    socket.getaddrinfo = lambda *a, **k: _refuse("getaddrinfo", a)
    socket.gethostbyname = lambda *a, **k: _refuse("gethostbyname", a)
    socket.gethostbyname_ex = lambda *a, **k: _refuse("gethostbyname_ex", a)

    from checker.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


@pytest.fixture(scope="module")
def offline_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("offline") / "report.json"
    env = {k: v for k, v in os.environ.items()
           if k not in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE")}
    # Make any attempt visible even where a library would retry or fall back quietly.
    env["HF_HUB_ETAG_TIMEOUT"] = "1"
    child = subprocess.run(
        # --no-cache: every vector is computed, so the embedding model must really load offline.
        [sys.executable, "-c", NO_NETWORK_WRAPPER, "check", str(IDLIB), "--out", str(out), "--fail-on", "error",
         "--no-cache"],
        capture_output=True, text=True, env=env, timeout=600, cwd=out.parent,  # no project config upward
    )
    return child, out


def test_wrapper_really_blocks_the_network():
    probe = NO_NETWORK_WRAPPER.replace(
        "from checker.cli import main\nsys.exit(main(sys.argv[1:]))",
        "socket.create_connection(('pypi.org', 443), timeout=1)",
    )
    child = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert child.returncode != 0 and MARKER in child.stderr


def test_check_runs_offline_with_the_bundled_models(offline_run):
    child, out = offline_run
    assert child.returncode in (0, 1), child.stderr[-3000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    assert len(report["articles"]) == 5
    assert len(report["claims"]) > 20
    assert report["groups"], "alignment ran, so the embedding model loaded"
    assert report["input_errors"] == []


def test_check_never_tries_to_connect(offline_run):
    child, _ = offline_run
    attempts = [line for line in child.stderr.splitlines() if line.startswith(MARKER)]
    assert attempts == []
