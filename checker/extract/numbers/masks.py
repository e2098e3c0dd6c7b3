"""Stretches of text whose digits are not quantities: URLs, e-mail addresses, ISO and
slashed dates, phone numbers and other digit chains, and page furniture a scrape keeps
(photo-gallery and slide counters).

Each pattern starts with a literal or a lookbehind that fails fast, so scanning stays
linear even on a 200,000-character line of digits or letters.
"""

from __future__ import annotations

import re

_URL = re.compile(r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"'\])}]++")
# 2020-02-04, 1995-01, 2020/02/04: year first, then a real month (and day).
_ISO_DATE = re.compile(
    r"(?<![\w.\-/])\d{4}[-/.](?:0[1-9]|1[0-2])(?:[-/.](?:0[1-9]|[12]\d|3[01]))?(?![\w\-/]|\.\d)"
)
# 5/17/2018, 11.02.2020, 17-05-2018: day and month first.
_DAY_MONTH_YEAR = re.compile(r"(?<![\w.\-/])\d{1,2}([-/.])\d{1,2}\1\d{2,4}(?![\w\-/]|\.\d)")
# +1-222-2222/2222, 555-123-4567, +44 20 7946 0958: three or more digit groups in a chain,
# or a leading "+" with two or more groups.
_DIGIT_CHAIN = re.compile(r"(?<![\w+\-/.])\d++(?:[-/]\d++){2,}(?![\w\-/])")
# "&#39;" and its detokenised "& # 39;": an HTML character reference left in crawled text.
_HTML_ENTITY = re.compile(r"&[ ]?#[ ]?(?:\d{1,7}|[xX][0-9a-fA-F]{1,6})[ ]?;")
_PHONE = re.compile(r"(?<![\w+])\+\d{1,3}(?:[ \-/.]?\(?\d++\)?){2,}(?![\w])")
# National numbers: a trunk "0" and digit groups ("0845 125 2222", "0800 555 111", "(020)
# 7946 0958"), or a US area code in brackets ("(555) 123-4567"). No quantity starts "0845".
_NATIONAL_PHONE = re.compile(r"(?<![\w+\-/.,])\(?0\d{2,4}\)?(?:[ ]\d{3,8}){1,2}(?![\w\-/]|[.,]\d)")
_BRACKETED_AREA_CODE = re.compile(r"(?<![\w])\(\d{3}\)[ ]?\d{3}[-. ]\d{4}(?![\w\-/]|[.,]\d)")
# Page furniture: a gallery's slide counter. "Hide Caption 3 of 25" and "Photo 3 of 12" are
# a slideshow's position, and so is a line that holds nothing but "3 of 25" or "3/25".
_SLIDE_COUNTER = re.compile(
    r"(?i)(?:\bhide[ \t]+caption[ \t\r\n]*|\b(?:photo|image|picture|slide|gallery)s?[ \t]+)\d{1,3}[ \t]*(?:of|/)[ \t]*\d{1,3}\b"
)
# "all but three of the 40 passengers survived": the number counts those left out, never
# the figure of the predicate (three did not survive), so it is not read as one.
_ALL_BUT = re.compile(r"(?i)\ball[ \t]+but[ \t]+(?:a[ \t]+(?:few|handful)|[\w.,-]+)")
_COUNTER_LINE = re.compile(r"(?m)^[ \t]*\d{1,3}[ \t]*(?:of|/)[ \t]*\d{1,3}[ \t]*$")


def masked_spans(text: str) -> list[tuple[int, int]]:
    """Character spans (start, end) whose numbers must not be reported, sorted by start."""
    spans: list[tuple[int, int]] = []
    patterns = (_URL, _ISO_DATE, _DAY_MONTH_YEAR, _DIGIT_CHAIN, _PHONE, _NATIONAL_PHONE, _BRACKETED_AREA_CODE, _HTML_ENTITY,
                _SLIDE_COUNTER, _COUNTER_LINE, _ALL_BUT)
    for pattern in patterns:
        spans.extend(match.span() for match in pattern.finditer(text))
    spans.extend(_email_spans(text))
    spans.sort()
    return spans


def _email_spans(text: str) -> list[tuple[int, int]]:
    """Whitespace-delimited words holding an "@" followed by a dotted domain.

    Found by looking for "@" first: a regex such as ``[\\w.]+@`` would retry from every
    character of a long word and take quadratic time.
    """
    spans = []
    at = text.find("@")
    while at != -1:
        start = at
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        end = at + 1
        while end < len(text) and not text[end].isspace():
            end += 1
        if start < at and "." in text[at + 1 : end]:
            spans.append((start, end))
        at = text.find("@", end)
    return spans
