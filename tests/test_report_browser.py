"""The HTML report in a real browser (Debian's headless Chromium via Playwright).

Runs on the real report of the bundled Idlib articles (conftest's ``idlib_report``), so
expectations are computed from the report's own view model rather than hard-coded: for
every severity, kind and article the filter must show exactly the groups that match.
Leaves a screenshot at reports/idlib-2020.png.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checker.models import Report
from checker.report import render
from checker.report.view import ReportView, build_view
from report_fixtures import CHROMIUM, launch_chromium

REPO = Path(__file__).resolve().parent.parent
SCREENSHOT = REPO / "reports" / "idlib-2020.png"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="headless Chromium not installed at /usr/bin/chromium (apt-get install chromium)"
)


@pytest.fixture(scope="module")
def browser_report(idlib_report) -> Report:
    return idlib_report


@pytest.fixture(scope="module")
def view(browser_report) -> ReportView:
    return build_view(browser_report, base_dir=REPO)


@pytest.fixture(scope="module")
def page(browser_report, tmp_path_factory):
    from playwright.sync_api import sync_playwright

    html_file = tmp_path_factory.mktemp("html") / "idlib-2020.html"
    cwd = os.getcwd()
    os.chdir(REPO)  # paths in the report are relative to the working directory
    try:
        html_file.write_text(render(browser_report, "html"), encoding="utf-8")
    finally:
        os.chdir(cwd)
    with sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.problems = []  # console errors, page errors, CSP violations, network requests
        page.on("console", lambda m: m.type in ("error", "warning") and page.problems.append(m.text))
        page.on("pageerror", lambda e: page.problems.append(str(e)))
        page.on("request", lambda r: r.url != html_file.as_uri() and page.problems.append(f"request {r.url}"))
        page.goto(html_file.as_uri())
        yield page
        browser.close()


def _visible_cards(page) -> list[str]:
    return page.eval_on_selector_all("article.card", "cards => cards.filter(c => !c.hidden).map(c => c.id)")


def _reset(page) -> None:
    page.evaluate("""() => {
        document.querySelectorAll('#filters input[type=checkbox]').forEach(b => { b.checked = true; });
        document.getElementById('article-filter').value = '';
        document.getElementById('search').value = '';
        document.getElementById('filters').dispatchEvent(new Event('change'));
    }""")


def _only(page, name: str, value: str) -> None:
    """Check only ``value`` among the ``name`` checkboxes, the way a user clicks."""
    for box in page.locator(f"#filters input[name={name}]").all():
        box.set_checked(box.get_attribute("value") == value)


def test_cards_render_one_per_flagged_group(page, view):
    assert view.flagged_groups, "the Idlib report should flag at least one group"
    assert page.locator("article.card").count() == len(view.flagged_groups)
    assert _visible_cards(page) == [g.anchor for g in view.flagged_groups]
    first = view.flagged_groups[0]
    card = page.locator(f"#{first.anchor}")
    assert card.locator(".source").count() == len(first.sources)
    marks = card.locator("blockquote mark").all_inner_texts()
    assert marks == [s.sentence_parts[1] for s in first.sources]
    assert page.inner_text("#shown-count") == f"{len(view.flagged_groups)} of {len(view.flagged_groups)} groups shown"
    assert page.problems == []  # self-contained: no requests, no CSP violations, no errors


def test_severity_filter(page, view):
    for severity in ("error", "warning", "info"):
        _reset(page)
        _only(page, "severity", severity)
        expected = [g.anchor for g in view.flagged_groups
                    if any(f.finding.severity == severity for f in g.findings)]
        assert _visible_cards(page) == expected, severity
        hidden_findings = page.eval_on_selector_all(
            "article.card:not([hidden]) li.finding[hidden]", "els => els.map(e => e.dataset.severity)")
        assert severity not in hidden_findings
    _only(page, "severity", "none")  # nothing checked
    assert _visible_cards(page) == [] and page.locator("#no-match").is_visible()


def test_kind_filter(page, view):
    for kind in view.kinds:
        _reset(page)
        _only(page, "kind", kind)
        expected = [g.anchor for g in view.flagged_groups if kind in g.kinds]
        assert _visible_cards(page) == expected, kind


def test_article_filter(page, view):
    for article in view.articles:
        _reset(page)
        page.select_option("#article-filter", article.anchor)
        expected = [g.anchor for g in view.flagged_groups if article.anchor in g.article_anchors]
        assert _visible_cards(page) == expected, article.article.id


def test_text_search(page, view):
    _reset(page)
    target = view.flagged_groups[-1]
    query = " ".join(target.sources[0].claim.sentence.split()).upper()  # case and spacing ignored
    page.fill("#search", query)
    visible = _visible_cards(page)
    assert target.anchor in visible
    texts = page.eval_on_selector_all(
        "article.card:not([hidden])", "cs => cs.map(c => c.textContent.toLowerCase().replace(/\\s+/g, ' '))")
    assert all(query.lower() in t for t in texts)
    page.fill("#search", "zzz no such text qqq")
    assert _visible_cards(page) == [] and page.locator("#no-match").is_visible()
    page.fill("#search", "")
    assert len(_visible_cards(page)) == len(view.flagged_groups)


def test_claims_highlighted_in_the_article_view(page, view):
    _reset(page)
    for article in view.articles:
        segments = [s for s in view.article_segments(article) if s.claim]
        marks = page.locator(f"#{article.anchor} .fulltext mark.claim")
        assert marks.count() == len(segments), article.article.id
        assert marks.all_text_contents() == [s.text for s in segments]
    full = page.locator(f"#{view.articles[0].anchor} .fulltext").text_content()
    assert full == view.articles[0].article.text  # the full text, nothing lost or added
    # Following a source link opens the closed article and shows the highlighted claim.
    source = view.flagged_groups[0].sources[0]
    details = page.locator(f"#{source.article_anchor}")
    assert details.get_attribute("open") is None
    page.locator(f"#{view.flagged_groups[0].anchor} a[href='#{source.claim_anchor}']").click()
    mark = page.locator(f"#{source.claim_anchor}")
    assert details.get_attribute("open") is not None
    assert mark.is_visible() and mark.inner_text() == source.claim.text


def test_print_shows_every_card_and_hides_controls(page, view):
    _reset(page)
    page.fill("#search", "zzz no such text qqq")
    page.emulate_media(media="print")
    try:
        assert page.locator("#filters").is_hidden()
        assert all(page.locator(f"#{g.anchor}").is_visible() for g in view.flagged_groups)
    finally:
        page.emulate_media(media="screen")
        page.fill("#search", "")


def test_screenshot(page):
    _reset(page)
    # The state a reader first sees: articles collapsed, scrolled to the top.
    page.evaluate("() => { document.querySelectorAll('details').forEach(d => { d.open = false; }); "
                  "history.replaceState(null, '', location.pathname); window.scrollTo(0, 0); }")
    SCREENSHOT.parent.mkdir(exist_ok=True)
    tmp = SCREENSHOT.with_suffix(".png.tmp")
    page.screenshot(path=str(tmp), type="png", full_page=True)
    os.replace(tmp, SCREENSHOT)  # never leave a half-written PNG behind
    assert SCREENSHOT.stat().st_size > 10_000
    assert page.problems == []


# A desk's monitor and a phone: the report must read at both without sideways scrolling.
WIDTHS = {"desk": 1280, "phone": 390}


@pytest.mark.parametrize("device", sorted(WIDTHS))
def test_first_card_is_the_top_ranked_finding_and_nothing_overflows(page, view, browser_report, device):
    _reset(page)
    page.set_viewport_size({"width": WIDTHS[device], "height": 900})
    try:
        page.evaluate("() => { document.querySelectorAll('details').forEach(d => { d.open = false; }); window.scrollTo(0, 0); }")
        top = min(browser_report.findings, key=lambda f: f.rank)
        first_card = page.eval_on_selector("article.card", "c => c.id")
        assert first_card == next(g.anchor for g in view.flagged_groups if g.group.id == top.group_id)
        assert page.locator("article.card").first.locator("li.finding").first.get_attribute(
            "data-fingerprint") == top.fingerprint
        # Nothing inside a card reaches past its right edge, and the page never scrolls sideways.
        overflowing = page.evaluate("""() => {
            const out = [];
            for (const card of document.querySelectorAll('article.card')) {
                const edge = card.getBoundingClientRect().right + 1;
                for (const el of card.querySelectorAll('*')) {
                    const r = el.getBoundingClientRect();
                    if (r.width > 0 && r.right > edge) out.push(card.id + ' ' + el.tagName + '.' + el.className);
                }
            }
            return out;
        }""")
        assert overflowing == []
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
        shot = REPO / "reports" / f"idlib-2020-{device}.png"
        tmp = shot.with_suffix(".png.tmp")
        # The screen a reader meets at the findings: the first card at the top.
        page.evaluate("""() => {
            const card = document.querySelector('article.card');
            const controls = document.querySelector('.controls');
            const sticky = getComputedStyle(controls).position === 'sticky' ? controls.offsetHeight : 0;
            window.scrollTo(0, card.getBoundingClientRect().top + window.scrollY - sticky - 8);
        }""")
        page.screenshot(path=str(tmp), type="png")
        os.replace(tmp, shot)
        assert shot.stat().st_size > 10_000
    finally:
        page.set_viewport_size({"width": 1280, "height": 900})


def test_a_quantity_seen_on_several_days_has_a_timeline(page, view):
    _reset(page)
    with_timeline = [g for g in view.flagged_groups if g.timeline is not None]
    assert with_timeline, "the Idlib groups span several days"
    for g in view.flagged_groups:
        svg = page.locator(f"#{g.anchor} svg.timeline")
        if g.timeline is None:
            assert svg.count() == 0
            continue
        assert svg.is_visible()
        assert svg.locator("circle").count() == len(g.timeline.points)
        # each point names its outlet and date for a reader hovering it
        titles = svg.locator("g.point > title").all_text_contents()
        assert titles == [p.label for p in g.timeline.points]
        box = svg.bounding_box()
        assert box["width"] <= 561 and box["height"] > 50
