"""Scrape-debris cleaning for analysis, with an exact map back to the original text.

Scraped news carries debris that derails tokenisers and number parsers: HTML entities
(``&amp;``, ``&#39;``), entities mangled by earlier pipelines (``,quot;`` for ``&quot;``,
``& # 39;`` for ``&#39;``), minifier placeholders (``%MINIFYHTML0205...11%``), zero-width and
bidi control characters, ``\\r\\n`` line ends. :func:`clean_for_analysis` returns the text the
NLP stages run on, and :meth:`CleanText.to_original` maps every offset in it back into the
original, because every offset the pipeline reports must point into ``Article.text``.

How the map works: each cleaned character comes from one original extent. Unchanged
characters come from themselves; a replaced token (``&amp;`` -> ``&``) becomes exactly one
cleaned character covering the whole token; deleted characters (zero-width) produce none and
are attached to the next kept character. ``to_original(c)`` is the original offset where the
extent of cleaned character ``c`` begins (``len(original)`` for ``c == len(text)``), so for any
span ``[s, e)`` of the cleaned text, ``original[to_original(s):to_original(e)]`` is exactly the
original substring it was cleaned from. The map is stored as a few breakpoints, not one entry
per character, and cleaning is a single linear pass.
"""

from __future__ import annotations

import bisect
import html.entities
import re
from dataclasses import dataclass, field

__all__ = ["CleanText", "clean_for_analysis"]


@dataclass(frozen=True)
class CleanText:
    """Cleaned text plus the offset map back to the original it was cleaned from."""

    text: str
    original_length: int
    # Breakpoints of the map: from cleaned char _starts[k] on (until the next breakpoint),
    # cleaned char i ends at original offset i + _deltas[k] + 1. Sorted by _starts.
    _starts: list[int] = field(default_factory=list, repr=False)
    _deltas: list[int] = field(default_factory=list, repr=False)

    def to_original(self, clean_offset: int) -> int:
        """Original offset for a cleaned offset (``0..len(text)`` inclusive); strictly increasing.

        0 maps to 0 and ``len(text)`` to ``len(original)`` (to 0 when the text cleaned to "")."""
        if not 0 <= clean_offset <= len(self.text):
            raise IndexError(f"offset {clean_offset} outside 0..{len(self.text)}")
        if clean_offset == 0:
            return 0
        if clean_offset == len(self.text):
            return self.original_length
        return self._original_end(clean_offset - 1)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the cleaned span ``[start, end)``."""
        return self.to_original(start), self.to_original(end)

    def _original_end(self, clean_index: int) -> int:
        """Original offset just past the extent of cleaned character ``clean_index``."""
        k = bisect.bisect_right(self._starts, clean_index) - 1
        return clean_index + self._deltas[k] + 1


# --------------------------------------------------------------------------- what is debris

# Characters that are invisible in print but split or glue tokens: zero-width space/joiners,
# word joiner, BOM, soft hyphen, and bidi marks/embeddings/isolates (common around numbers in
# RTL text). They are deleted.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069"

# Control characters other than tab/newline become a space (never deleted: a form feed or
# stray control between two words must not glue them together).
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f"

# Space variants that tokenisers treat inconsistently; they all mean "a space" here.
_SPACES = "\u00a0\u2007\u2009\u202f"

_NAMED = r"[A-Za-z][A-Za-z0-9]{1,31}"
_DEBRIS = re.compile(
    "|".join(
        [
            r"(?P<crlf>\r\n?)",
            r"(?P<linesep>[\x85\u2028\u2029])",
            rf"(?P<invisible>[{_INVISIBLE}]+)",
            rf"(?P<control>[{_CONTROL}])",
            rf"(?P<space>[{_SPACES}])",
            r"(?P<surrogate>[\ud800-\udfff])",
            r"(?P<minify>%MINIFYHTML[0-9a-fA-F]+%)",
            # `&#39;`, `&#x27;`, double-escaped `&amp;#39;`, and the mangled `& # 39;`.
            r"(?P<numeric>&(?:amp;)?[ ]?#[ ]?(?:(?P<dec>[0-9]{1,7})|[xX](?P<hex>[0-9a-fA-F]{1,6}))[ ]?;)",
            # `,quot;`: a pipeline that turned `&` into `,` (seen in machine-translated scrapes).
            r"(?P<comma>,(?P<comma_name>quot|amp|apos|lt|gt|nbsp|#39|#34);)",
            # Double-escaped `&amp;quot;` (only common names, so `&amp;` alone still decodes).
            r"(?P<double>&amp;(?P<double_name>quot|apos|amp|lt|gt|nbsp);)",
            rf"(?P<named>&(?P<name>{_NAMED});)",
        ]
    )
)

# Entities written without their `&` (or with it escaped twice): what they stand for.
_COMMA_ENTITIES = {"quot": '"', "amp": "&", "apos": "'", "lt": "<", "gt": ">",
                   "nbsp": " ", "#39": "'", "#34": '"'}

_IS_INVISIBLE = re.compile(f"[{_INVISIBLE}]")
_IS_CONTROL = re.compile(f"[{_CONTROL}]")


def _decode_code_point(number: int) -> str | None:
    """The character for a numeric entity, or None when it is not a safe single character."""
    if number <= 0 or number > 0x10FFFF or 0xD800 <= number <= 0xDFFF:
        return None
    char = chr(number)
    return _normalise_char(char)


def _normalise_char(char: str) -> str | None:
    """How a decoded entity should read: spaces as ' ', invisibles deleted, controls as ' '."""
    if char in _SPACES:
        return " "
    if _IS_INVISIBLE.fullmatch(char):
        return ""
    if char in "\r\n":
        return "\n"
    if _IS_CONTROL.fullmatch(char):
        return " "
    return char


def _replacement(match: re.Match[str]) -> str | None:
    """What a debris match becomes: one character, "" (deleted), or None (keep as written)."""
    kind = match.lastgroup
    if kind in ("crlf", "linesep"):
        return "\n"
    if kind == "invisible":
        return ""
    if kind in ("control", "space", "minify"):
        # A minifier placeholder sits where markup was; a space keeps the words around it apart.
        return " "
    if kind == "surrogate":
        return "\ufffd"  # lone surrogates (from JSON escapes) cannot be encoded anywhere
    if kind == "numeric":
        dec, hexa = match.group("dec"), match.group("hex")
        return _decode_code_point(int(dec) if dec is not None else int(hexa, 16))
    if kind == "comma":
        return _COMMA_ENTITIES[match.group("comma_name")]
    if kind == "double":
        return _COMMA_ENTITIES[match.group("double_name")]
    # Named entity: only exact HTML5 names that decode to one character; anything else
    # (`R&D;`, `&NotEqualTilde;` -> two chars) stays as written so the map stays exact.
    decoded = html.entities.html5.get(match.group("name") + ";")
    if decoded is None or len(decoded) != 1:
        return None
    return _normalise_char(decoded)


# --------------------------------------------------------------------------- cleaning


def clean_for_analysis(original: str) -> CleanText:
    """Remove scrape debris from ``original``; the result maps back exactly (see module doc)."""
    pieces: list[str] = []
    starts: list[int] = [0]
    deltas: list[int] = [0]
    clean_len = 0  # length of the cleaned text built so far
    copied_from = 0  # original offset up to which the text has been handled

    def set_delta(delta: int) -> None:
        # A breakpoint at the current cleaned position; overwrite one that maps nothing yet.
        if starts[-1] == clean_len:
            deltas[-1] = delta
        elif deltas[-1] != delta:
            starts.append(clean_len)
            deltas.append(delta)

    for match in _DEBRIS.finditer(original):
        replacement = _replacement(match)
        if replacement is None:
            continue
        begin, end = match.span()
        if begin > copied_from:  # unchanged text before the match maps 1:1
            set_delta(copied_from - clean_len)
            pieces.append(original[copied_from:begin])
            clean_len += begin - copied_from
        if replacement:
            # One cleaned char covering the whole token (and any deleted chars before it,
            # which are attached to it because the previous char's extent ends before them).
            set_delta(end - clean_len - 1)
            pieces.append(replacement)
            clean_len += 1
        copied_from = end
    if copied_from < len(original):
        set_delta(copied_from - clean_len)
        pieces.append(original[copied_from:])
        clean_len += len(original) - copied_from
    return CleanText(text="".join(pieces), original_length=len(original),
                     _starts=starts, _deltas=deltas)
