"""The HTML report for the fact-check desk: one self-contained file.

No external scripts, fonts, styles or images. The page's own CSS and JS are inlined and
allowed by their SHA-256 hashes in a strict Content-Security-Policy, so even if some
article text slipped past escaping, an injected ``<script>`` or ``onerror=`` could not run.
Autoescape is on for everything; article text is untrusted.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from checker.models import Report
from checker.report.view import KIND_DESCRIPTIONS, SEVERITIES, build_view, format_number


def _asset(name: str) -> str:
    return resources.files("checker.report").joinpath("templates", name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("checker.report", "templates"),
        autoescape=True,  # unconditional: not by file extension
        undefined=StrictUndefined,  # a typo in the template fails loudly, not as blank text
        keep_trailing_newline=True,
    )
    env.filters["fmt_number"] = format_number
    return env


def content_security_policy(css: str, js: str) -> str:
    """Nothing may load from anywhere; only our exact inline style and script may run."""
    return (
        "default-src 'none'; "
        f"style-src {_csp_hash(css)}; "
        f"script-src {_csp_hash(js)}; "
        "img-src 'none'; font-src 'none'; connect-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )


def render_html(report: Report) -> str:
    css, js = _asset("report.css"), _asset("report.js")
    template = _environment().get_template("report.html.j2")
    return template.render(
        report=report,
        view=build_view(report),
        severities=SEVERITIES,
        kind_descriptions=KIND_DESCRIPTIONS,
        css=Markup(css),  # our own file, hashed into the CSP; must be byte-identical
        js=Markup(js),
        csp=content_security_policy(css, js),
    )
