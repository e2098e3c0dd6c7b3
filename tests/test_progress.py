"""The stderr progress bar: drawn per stage on a terminal, silent otherwise."""

import io

from checker.progress import ProgressTimer


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_draws_each_stage_on_a_terminal_and_clears():
    out = _Terminal()
    timer = ProgressTimer(stream=out)
    for stage in ("ingest", "extract", "align"):
        timer.start(stage)
    timer.finish()
    text = out.getvalue()
    assert "ingest" in text and "(2/5)" in text and "align" in text
    assert set(timer.seconds) == {"ingest", "extract", "align"}
    assert text.endswith("\r")


def test_silent_when_not_a_terminal_or_quiet():
    pipe = io.StringIO()
    timer = ProgressTimer(stream=pipe)
    timer.start("extract")
    timer.finish()
    assert pipe.getvalue() == ""
    quiet = _Terminal()
    timer = ProgressTimer(stream=quiet, enabled=False)
    timer.start("extract")
    assert quiet.getvalue() == ""
