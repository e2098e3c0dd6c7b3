"""Reporters: render one :class:`~checker.models.Report` as JSON, HTML, Markdown, SARIF,
GitHub workflow commands, JUnit XML or terminal text.

All formats are built from the same view model (:mod:`checker.report.view`); each format
lives in its own module and only decides layout and escaping.
"""

from __future__ import annotations

from pathlib import Path

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
