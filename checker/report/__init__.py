"""Reporters: render one :class:`~checker.models.Report` as JSON, HTML, Markdown, SARIF,
GitHub workflow commands, JUnit XML or terminal text.

All formats are built from the same view model (:mod:`checker.report.view`); each format
lives in its own module and only decides layout and escaping.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple, Sequence

from checker.models import Report

FORMATS: tuple[str, ...] = ("json", "html", "md", "sarif", "github", "junit", "text")

# Longest suffix first so '.sarif.json' wins over '.json'.
_SUFFIXES: tuple[tuple[str, str], ...] = (
    (".sarif.json", "sarif"),
    (".sarif", "sarif"),
    (".json", "json"),
    (".html", "html"),
    (".htm", "html"),
    (".md", "md"),
    (".xml", "junit"),
    (".txt", "text"),
)


def format_from_path(path: str | Path) -> str:
    """The report format an output file name asks for, from its extension."""
    name = Path(path).name.lower()
    for suffix, fmt in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return fmt
    known = ", ".join(s for s, _ in _SUFFIXES)
    raise ValueError(
        f"cannot tell the report format from the file name {str(path)!r}: "
        f"use one of the extensions {known} (GitHub annotations go to stdout with --format github)"
    )


# Formats a file can hold that --format may name for it; GitHub annotations and the terminal
# summary are for stdout, so naming them beside --out files is never a conflict.
_STDOUT_ONLY = ("github", "text")


class OutputPlan(NamedTuple):
    """Where a run's report goes: files with their formats, and the formats for stdout."""

    files: list[tuple[Path, str]]
    stdout: list[str]


def plan_outputs(outputs: Sequence[str | Path], formats: Sequence[str]) -> OutputPlan:
    """Each ``--out`` file's format and what goes to stdout, or a ValueError that says why not.

    A file's extension names its format; a file whose extension says nothing takes the one
    file format named with ``--format`` (which then goes nowhere else). A file format named
    beside files that all have known, other extensions is a conflict, not a silent extra on
    stdout. GitHub annotations and text go to stdout beside any files. With neither, the
    terminal summary does.
    """
    file_formats = [f for f in formats if f not in _STDOUT_ONLY]
    files: list[tuple[Path, str]] = []
    unnamed: list[Path] = []
    for out in outputs:
        path = Path(out)
        try:
            files.append((path, format_from_path(path)))
        except ValueError:
            if len(file_formats) != 1:
                raise ValueError(
                    f"cannot tell the report format of {str(path)!r} from its name: use one of the extensions "
                    f"{', '.join(s for s, _ in _SUFFIXES)}, or name its format with --format"
                    + (f" (one format, not {', '.join(file_formats)})" if file_formats else "")
                ) from None
            files.append((path, file_formats[0]))
            unnamed.append(path)
    if unnamed:
        return OutputPlan(files, [f for f in formats if f in _STDOUT_ONLY])
    written = {fmt for _, fmt in files}
    for fmt in file_formats:
        if files and fmt not in written:
            path, other = files[0]
            raise ValueError(
                f"--format {fmt} conflicts with --out {str(path)!r}, whose extension asks for {other}: "
                f"drop one, or add an --out file for the {fmt} report"
            )
    return OutputPlan(files, list(formats) or ([] if files else ["text"]))


def render(report: Report, fmt: str, *, color: bool | None = None) -> str:
    """Render ``report`` in format ``fmt`` (one of :data:`FORMATS`).

    ``color`` only matters for ``text``: None means colour when stdout is a terminal.
    """
    # Imports are local so that `claimcheck --format json` does not load Jinja2 etc.
    if fmt == "json":
        from checker.report.json_report import render_json

        return render_json(report)
    if fmt == "html":
        from checker.report.html_report import render_html

        return render_html(report)
    if fmt == "md":
        from checker.report.md_report import render_markdown

        return render_markdown(report)
    if fmt == "sarif":
        from checker.report.sarif_report import render_sarif

        return render_sarif(report)
    if fmt == "github":
        from checker.report.github_report import render_github

        return render_github(report)
    if fmt == "junit":
        from checker.report.junit_report import render_junit

        return render_junit(report)
    if fmt == "text":
        from checker.report.text_report import render_text

        return render_text(report, color=color)
    raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "format_from_path", "render"]
