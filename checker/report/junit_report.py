"""JUnit XML for CI test dashboards: one testcase per claim group.

A group fails when it has a warning or error finding; info findings go to ``system-out``.
Unreadable inputs are ``error`` testcases in their own suite. Built with ElementTree so
escaping is right; characters XML 1.0 forbids (control characters) are stripped first.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from checker.models import Report
from checker.report.view import GroupView, build_view

_ILLEGAL_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: object) -> str:
    return _ILLEGAL_XML.sub("", str(value))


def _element(parent: ET.Element, tag: str, text: str | None = None, **attrs: object) -> ET.Element:
    el = ET.SubElement(parent, tag, {k: xml_text(v) for k, v in attrs.items() if v is not None})
    if text is not None:
        el.text = xml_text(text)
    return el


def _sources_text(group: GroupView) -> str:
    lines = []
    for s in group.sources:
        when = f" ({s.date})" if s.date else ""
        lines.append(
            f"  {s.path}:{s.location.line}:{s.location.column} {s.outlet}{when}: {s.claim.text!r} "
            f"= {s.reading} {s.bound}; when: {s.scope or 'not stated'}; who: {s.who}\n"
            f"    “{s.claim.sentence.strip()}”"
        )
    return "\n".join(lines)


def _testcase(suite: ET.Element, group: GroupView) -> bool:
    """Add the group's testcase; True when it failed."""
    primary = group.sources[0] if group.sources else None
    case = _element(
        suite, "testcase",
        # Findings are ordered most severe first, so this names the group's main problem.
        classname=f"claimcheck.{group.findings[0].kind if group.findings else 'agreed'}",
        name=f"{group.group.label} [{group.group.id}]",
        file=primary.path if primary else None,
        line=primary.location.line if primary else None,
        time="0",
    )
    if group.findings:
        props = _element(case, "properties")
        for f in group.findings:
            _element(props, "property", name="fingerprint", value=f.finding.fingerprint)
    failing = [f for f in group.findings if f.finding.severity in ("warning", "error")]
    info = [f for f in group.findings if f not in failing]
    if failing:
        body = "\n".join(f"[{f.finding.severity}] {f.finding.rule}: {f.finding.message}" for f in failing)
        _element(case, "failure", f"{body}\n\nSources:\n{_sources_text(group)}",
                 message=failing[0].finding.message, type=failing[0].kind)
    if info:
        body = "\n".join(f"[info] {f.finding.rule}: {f.finding.message}" for f in info)
        _element(case, "system-out", f"{body}\n\nSources:\n{_sources_text(group)}")
    return bool(failing)


def render_junit(report: Report) -> str:
    view = build_view(report)
    root = ET.Element("testsuites", name="claimcheck")
    suite = _element(root, "testsuite", name="claimcheck.groups")
    failures = sum(_testcase(suite, g) for g in view.groups)
    suite.set("tests", str(len(view.groups)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    errors = 0
    if view.input_errors:
        inputs = _element(root, "testsuite", name="claimcheck.inputs", tests=len(view.input_errors),
                          failures=0, errors=len(view.input_errors), skipped=0)
        for e in view.input_errors:
            case = _element(inputs, "testcase", classname="claimcheck.inputs", name=e.path, file=e.path,
                            line=e.line, time="0")
            _element(case, "error", e.reason, message=e.reason, type="InputError")
        errors = len(view.input_errors)
    root.set("tests", str(len(view.groups) + errors))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
