"""Markdown for pull-request comments: a summary table and one section per flagged group.

Article text is untrusted and lands inside tables and headings, so every piece of it goes
through :func:`md_escape`: no raw HTML, no links or images, no code spans, no broken table
cells, no stray @-mentions that would notify GitHub users.
"""

from __future__ import annotations

import re

from checker.models import Report
from checker.report.view import SEVERITIES, GroupView, ReportView, SourceView, build_view

#: GitHub rejects comments over 65,536 characters; stay well below and say what was cut.
MAX_CHARS = 60_000

_BACKSLASH_ESCAPED = re.compile(r"([\\`*_\[\]|~#!{}()])")
_NEWLINES = re.compile(r"[\r\n\u2028\u2029]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SEVERITY_ICON = {"error": "🔴", "warning": "🟠", "info": "🔵"}


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def md_escape(text: object) -> str:
    """Make ``text`` inert inside a Markdown table cell, list item or heading (one line)."""
    s = _CONTROL.sub("", str(text))
    s = _NEWLINES.sub(" ", s)
    # Entities first (so '&lt;' in the text stays literal), then Markdown punctuation.
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _BACKSLASH_ESCAPED.sub(r"\\\1", s)
    # A word joiner after '@' keeps "@UN" looking the same but stops GitHub pinging a user.
    return s.replace("@", "@\u2060")


def _sentence_cell(source: SourceView) -> str:
    before, number, after = source.sentence_parts
    highlighted = f"**{md_escape(number)}**" if number else ""
    return f"{md_escape(before)}{highlighted}{md_escape(after)}"


def _group_section(group: GroupView) -> str:
    lines = [f"### {_SEVERITY_ICON.get(group.severity or '', '')} {md_escape(group.group.label)}", ""]
    for f in group.findings:
        confidence = f" · confidence {f.confidence_label}" if f.confidence_label else ""
        lines.append(
            f"- **{f.finding.severity}** {md_escape(f.title)}: {md_escape(f.finding.message)} "
            f"<sub>{md_escape(f.finding.rule)} · {md_escape(f.finding.fingerprint)}{confidence}</sub>"
        )
    lines += [
        "",
        "| Source | Date | Sentence | Value | Interval | Bound | When | Who says | Where |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for s in group.sources:
        cells = [
            md_escape(s.outlet),
            md_escape(s.date or "–"),
            _sentence_cell(s),
            md_escape(s.value_as_read),
            md_escape("–" if s.exact else s.interval),
            md_escape(s.bound.replace("_", " ")),
            md_escape(s.scope or "–"),
            md_escape(s.who),
            md_escape(f"{s.path}:{s.location.line}:{s.location.column}"),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def render_markdown(report: Report, max_chars: int = MAX_CHARS) -> str:
    view = build_view(report)
    totals = view.severity_totals
    out = [
        f"## claimcheck: {len(view.findings)} finding{'s' if len(view.findings) != 1 else ''} "
        f"in {len(view.flagged_groups)} group{'s' if len(view.flagged_groups) != 1 else ''}",
        "",
        f"{_n(len(report.articles), 'article')} · {_n(len(report.claims), 'claim')} · {_n(len(view.groups), 'group')}"
        + (f" · **{len(view.input_errors)} input error{'s' if len(view.input_errors) != 1 else ''}**"
           if view.input_errors else ""),
        "",
    ]
    if view.findings:
        out += ["| Kind | " + " | ".join(SEVERITIES) + " | Total |", "|---|" + "---:|" * (len(SEVERITIES) + 1)]
        for kind, by_sev in view.counts.items():
            row = [md_escape(kind.replace("_", " ")), *(str(by_sev[s]) for s in SEVERITIES), str(sum(by_sev.values()))]
            out.append("| " + " | ".join(row) + " |")
        out.append("| **All** | " + " | ".join(str(totals[s]) for s in SEVERITIES) + f" | {len(view.findings)} |")
    else:
        out.append("No findings: the sources agree on every figure that was checked.")
    out.append("")
    text = "\n".join(out)

    sections = [_group_section(g) for g in view.flagged_groups]
    tail = _possible_section(view) + _errors_section(view)
    for i, section in enumerate(sections):
        if len(text) + len(section) + len(tail) > max_chars:
            left = len(sections) - i
            text += f"\n_… {_n(left, 'more flagged group')} not shown; see the full HTML or JSON report._\n"
            break
        text += "\n" + section
    return text + tail


def _possible_section(view: ReportView) -> str:
    """Disagreements too uncertain to count, one line each, folded away."""
    if not view.possible:
        return ""
    lines = ["", f"<details><summary>{_n(len(view.possible), 'possible disagreement')} "
                 "(not sure these claims are one quantity; not counted)</summary>", ""]
    for f in view.possible:
        sides = " vs ".join(f"{md_escape(s.claim.text)} ({md_escape(s.outlet)})" for s in f.sources)
        lines.append(f"- {md_escape(f.title)}: {sides} · confidence {f.confidence_label or '–'}")
    lines += ["", "</details>"]
    return "\n".join(lines) + "\n"


def _errors_section(view: ReportView) -> str:
    if not view.input_errors and not view.warnings:
        return ""
    lines = ["", "### Input errors and warnings", ""]
    for e in view.input_errors:
        where = f"{e.path}:{e.line}" if e.line else e.path
        lines.append(f"- ❌ {md_escape(where)}: {md_escape(e.reason)}")
    for w in view.warnings:
        lines.append(f"- ⚠️ {md_escape(w.path)}: {md_escape(w.message)}")
    return "\n".join(lines) + "\n"
