"""GitHub Actions workflow commands: one annotation per finding on the claim's line.

``::warning file=a.txt,line=3,col=5,endLine=3,endColumn=9,title=...::message``. Article text
reaches both the message and the title, so it is escaped exactly as the Actions runner
unescapes (see actions/toolkit ``command.ts``), or a crafted article could end the command
early or forge a second one.
"""

from __future__ import annotations

from checker.models import Report
from checker.report.view import FindingView, build_view

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """Escape a command's message (after ``::``)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value (``file=``, ``title=``): also ``:`` and ``,``."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def workflow_command(command: str, message: str, **properties: object) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{command}{' ' + props if props else ''}::{escape_data(message)}"


def _annotation(f: FindingView) -> str:
    finding = f.finding
    lines = [finding.message]
    for s in f.sources:
        when = f" ({s.date})" if s.date else ""
        lines.append(f"- {s.outlet}{when}: “{s.claim.sentence.strip()}” → {s.claim.text} {s.reading}, {s.who}"
                     f" [{s.path}:{s.location.line}]")
    title = f"claimcheck {f.title}: {f.group.label}"
    props: dict[str, object] = {}
    if f.primary is not None:
        loc = f.primary.location
        props = {"file": f.primary.path, "line": loc.line, "col": loc.column}
        if loc.end_line == loc.line:  # GitHub only honours columns on single-line spans
            props["endColumn"] = loc.end_column
        else:
            props["endLine"] = loc.end_line
    props["title"] = title
    return workflow_command(_COMMAND.get(finding.severity, "warning"), "\n".join(lines), **props)


def render_github(report: Report) -> str:
    view = build_view(report)
    out = [_annotation(f) for f in view.findings]
    for e in view.input_errors:
        out.append(workflow_command("error", f"cannot read input: {e.reason}", file=e.path, line=e.line,
                                    title="claimcheck input error"))
    for w in view.warnings:
        out.append(workflow_command("warning", w.message, file=w.path, title="claimcheck limit"))
    return "\n".join(out) + ("\n" if out else "")
