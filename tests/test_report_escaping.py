"""Article text is untrusted: no format may let it execute, inject markup or break structure."""

from __future__ import annotations

import json
import re
from html import unescape
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from checker.models import Report
from checker.report import render
from report_fixtures import CHROMIUM, DATA, HOSTILE_TEXT, hostile_report, launch_chromium

ATTACKS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "]]>")


@pytest.fixture
def report(tmp_path, monkeypatch) -> Report:
    monkeypatch.chdir(tmp_path)  # paths in reports are relative to the working directory
    return hostile_report(tmp_path)


def test_html_escapes_everything(report):
    html = render(report, "html")
    assert html.count("<script") == 1  # only the report's own script
    assert "<img" not in html and "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
    assert 'href="javascript:' not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    # The unsafe URL is shown as text, not linked; the safe one is linked with its '&' escaped.
    assert 'href="https://example.org/a?b=1&amp;c=&lt;2&gt;"' not in html  # '<' makes it unsafe too
    csp = unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1))
    assert "default-src 'none'" in csp and "'unsafe-inline'" not in csp and "'sha256-" in csp


def test_markdown_cannot_inject_html_links_or_break_tables(report):
    md = render(report, "md")
    without_own_tags = md
    for own in ("<sub>", "</sub>", "<details>", "</details>", "<summary>", "</summary>"):  # the renderer's own
        without_own_tags = without_own_tags.replace(own, "")
    assert "<" not in without_own_tags and ">" not in without_own_tags
    assert "](javascript" not in md and "`x`" not in md
    rows = [l for l in md.splitlines() if l.startswith("| ") and not l.startswith("| Kind")]
    source_rows = [r for r in rows if not r.startswith(("| Source", "| **All**", "| value conflict"))]
    assert len(source_rows) == 3
    for row in source_rows:
        assert len(re.findall(r"(?<!\\)\|", row)) == 10, row  # 9 cells, no stray pipe
    assert "&lt;script&gt;alert\\(1\\)&lt;/script&gt;" in md  # shown, not dropped


def test_junit_parses_and_keeps_the_text(report):
    xml = render(report, "junit")
    root = ET.fromstring(xml)
    failure = root.find(".//testcase/failure")
    assert "<script>alert('msg')</script>" in failure.get("message")
    assert "]]>" in failure.text and "<img src=x onerror=alert(1)>" in failure.text
    assert "\x01" not in xml and "\x0b" not in xml  # illegal in XML 1.0: stripped
    case = root.find(".//testcase")
    assert case.get("name").startswith("<i>people</i> fled ]]>")
    assert root.find(".//testsuite[@name='claimcheck.inputs']/testcase/error").text == "<script>alert('err')</script>"


def test_sarif_is_valid_and_keeps_the_text(report):
    text = render(report, "sarif")
    log = json.loads(text)
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    result = log["runs"][0]["results"][0]
    assert result["message"]["text"].startswith("<script>alert('msg')</script>")
    assert result["partialFingerprints"]["claimcheck/v1"] == "ffee<ddcc>|`"
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "hostile%20%3Carticle%3E.txt"  # a URI, percent-encoded


def test_github_commands_cannot_be_forged(report):
    lines = render(report, "github").splitlines()
    assert len(lines) == 2  # one finding + one input error, nothing injected
    for line in lines:
        assert re.match(r"^::(error|warning|notice) [^:]*::", line), line
    assert "%0A::error::injected" in lines[0] and "\n" not in lines[0]


def test_text_and_json_are_safe(report):
    text = render(report, "text", color=False)
    assert "\x01" not in text and "\x0b" not in text
    data = json.loads(render(report, "json"))
    assert data["articles"][0]["text"] == HOSTILE_TEXT  # JSON keeps the text exactly


def test_nothing_executes_in_a_real_browser(report, tmp_path):
    if not CHROMIUM.exists():
        pytest.skip("headless Chromium not installed at /usr/bin/chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    page_file = tmp_path / "hostile.html"
    page_file.write_text(render(report, "html"), encoding="utf-8")
    with sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page()
            dialogs, console, errors = [], [], []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("console", lambda m: console.append(m.text))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(page_file.as_uri())
            page.click("text=Expand all")
            page.locator("mark.claim").first.click()
            page.wait_for_timeout(300)
            assert dialogs == [] and errors == []
            # No CSP violation either: nothing even tried to run or load.
            assert not [c for c in console if "Content Security Policy" in c], console
            injected = page.evaluate(
                """() => ({
                    scripts: document.scripts.length,
                    imgs: document.images.length,
                    handlers: [...document.querySelectorAll('*')].filter(
                        el => [...el.attributes].some(a => a.name.startsWith('on'))).length,
                    jsLinks: [...document.links].filter(a => a.protocol === 'javascript:').length,
                    italics: document.querySelectorAll('i, b').length,
                })"""
            )
            assert injected == {"scripts": 1, "imgs": 0, "handlers": 0, "jsLinks": 0, "italics": 0}
            body = page.inner_text("body")
            for attack in ATTACKS:
                assert attack in body  # shown to the reader as text
            # Our own script still runs under the CSP: the search filter works.
            page.fill("#search", "no such words anywhere")
            assert page.locator("#no-match").is_visible()
        finally:
            browser.close()


@pytest.mark.parametrize(
    "url, linked",
    [
        ("https://www.dw.com/en/idlib/a-52385217", True),
        ("HTTP://example.org/x?a=1&b=2", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("//evil.example/x", False),
        ("https://example.org/\"onmouseover=\"alert(1)", False),
        (None, False),
    ],
)
def test_only_plain_http_urls_become_links(url, linked):
    from checker.report.view import safe_url

    assert safe_url(url) == (url if linked else None)


def test_safe_article_url_is_linked_unsafe_is_text(tmp_path, monkeypatch):
    from report_fixtures import sample_report

    monkeypatch.chdir(tmp_path)
    html = render(sample_report(), "html")
    assert 'href="https://www.dw.com/en/idlib" rel="noopener noreferrer nofollow"' in html
    hostile = render(hostile_report(tmp_path), "html")
    assert "url (not linked): javascript:alert(1)" in hostile
