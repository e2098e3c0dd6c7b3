"""Split text into tokens: numerals (with their separators), words, and single symbols.

One regular expression does the split in a single left-to-right pass. The grouped forms
may only start where no group of the same kind ends (no comma group right after "1,"), so a
failed attempt is never retried from inside a long chain such as "123,456,...": scanning
stays linear on any input. Whitespace is not a token, except a paragraph break (a blank
line), which stands as a symbol so that no number is read across it ("killing two" ending a
title is not "two dozen" with the "Dozens more" that opens the text); ``glued`` records
whether a token touches the one before it ("10k", "F-16").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from checker.extract.numbers.lexicon import VULGAR_FRACTIONS

_GROUP_SPACE = "[ \u00a0\u202f\u2009]"  # "40 000", "40\u202f000": thin and no-break spaces too
_EXPONENT = r"(?:[eE][+-]?\d{1,4}(?!\w)|\^[+-]{0,3}\d{1,4}(?!\d)|[ ]?[x×][ ]?10\^[+-]?\d{1,4}(?!\d))?"

_NUMERAL = "|".join(
    [
        # 1 234 567.89 (groups of exactly three after one to three digits)
        rf"(?P<spaced>(?<!\d{_GROUP_SPACE})\d{{1,3}}(?:{_GROUP_SPACE}\d{{3}})+(?!\d)(?:\.\d++)?)",
        # 1,234,567.89
        r"(?P<comma>(?<!\d,)\d{1,3}(?:,\d{3})++(?:\.\d++)?(?!\d))",
        # 12,34,567.89 (Indian grouping)
        r"(?P<indian>(?<!\d,)\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d++)?(?!\d))",
        # 1.111,11 (continental grouping with a decimal comma)
        r"(?P<euro>(?<!\d\.)\d{1,3}(?:\.\d{3})+,\d++(?!\d))",
        # 22, 000: a detokenised "22,000" in crawled corpora; not inside a list ("4, 5, 600")
        r"(?P<detok>(?<!\d,[ ])\d{1,3}(?:,[ ]\d{3})++(?!\d)(?!,[ ]?\d))",
        # 5,00 and 1,3: a decimal comma, but not inside a list such as 22,24,26
        r"(?P<deccomma>(?<!\d,)\d++,\d{1,2}(?!\d)(?!,\d))",
        # 9.23, 1e10, 1.1^23, 1.3x10^6; "192.168.1.2" stays four integers
        rf"(?P<plain>(?:(?<!\d\.)\d++\.\d++(?!\.\d)|(?<![\w.])\.\d++(?!\.\d)|\d++){_EXPONENT})",
    ]
)
_VULGAR = "".join(VULGAR_FRACTIONS)
_TOKEN = re.compile(
    rf"(?P<num>{_NUMERAL})|(?P<vulgar>[{_VULGAR}])|(?P<word>[^\W\d_]+)|(?P<space>\s+)|(?P<sym>.)",
    re.S,
)


@dataclass(slots=True)
class Token:
    """One token. ``low`` is the lower-cased text; ``value`` is set for numerals."""

    kind: str  # "num", "word", "sym", "vulgar"
    text: str
    low: str
    start: int
    end: int
    glued: bool  # no whitespace between this token and the previous one
    value: float = 0.0
    shape: str = ""  # numerals: "int" (bare digits), "decimal", "grouped", "power"
    space_before: str = ""  # the whitespace before the token ("" when glued)

    @property
    def is_num(self) -> bool:
        return self.kind == "num"


def tokenize(text: str) -> list[Token]:
    """All tokens of ``text`` in order; whitespace is dropped but remembered."""
    tokens: list[Token] = []
    previous_end = 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup if match.lastgroup in ("num", "vulgar", "word", "space") else "sym"
        if match.group("num") is not None:
            kind = "num"
        if kind == "space":
            if match.group(0).count("\n") < 2:
                continue
            kind = "sym"  # a paragraph break (a title above its text): no number reads across it
        start, end = match.span()
        token_text = match.group(0)
        token = Token(
            kind=kind,
            text=token_text,
            low=token_text.lower(),
            start=start,
            end=end,
            glued=bool(tokens) and previous_end == start,
            space_before=text[previous_end:start] if tokens else "",
        )
        if kind == "num":
            token.value, token.shape = numeral_value(match)
        elif kind == "vulgar":
            token.value = VULGAR_FRACTIONS[token_text]
        tokens.append(token)
        previous_end = end
    return tokens


def numeral_value(match: re.Match[str]) -> tuple[float, str]:
    """The value a numeral token writes, and its shape; ``nan`` when it cannot be read."""
    text = match.group(0)
    try:
        if match.group("spaced") is not None:
            return float(re.sub(r"\s", "", text)), "grouped"
        if match.group("comma") is not None or match.group("detok") is not None:
            return float(text.replace(",", "").replace(" ", "")), "grouped"
        if match.group("indian") is not None:
            return float(text.replace(",", "")), "grouped"
        if match.group("euro") is not None:
            return float(text.replace(".", "").replace(",", ".")), "grouped"
        if match.group("deccomma") is not None:
            return float(text.replace(",", ".")), "decimal"
        return _plain_value(text)
    except (ValueError, OverflowError):
        return math.nan, "int"


def _plain_value(text: str) -> tuple[float, str]:
    power = re.search(r"[eE]|\^|[x×]", text)
    if power is None:
        return float(text), ("decimal" if "." in text else "int")
    base_text, rest = text[: power.start()].strip(), text[power.start():]
    base = float(base_text)
    if rest[0] in "eE":
        return float(base_text + "e" + rest[1:]), "power"
    if rest[0] == "^":
        signs = rest[1:].rstrip("0123456789")
        exponent = int(rest[1 + len(signs):])
        exponent = -exponent if signs.count("-") % 2 else exponent
        return _power(base, exponent), "power"
    exponent_text = rest.split("^", 1)[1]
    return base * _power(10.0, int(exponent_text)), "power"


def _power(base: float, exponent: int) -> float:
    try:
        return float(base**exponent)
    except (OverflowError, ZeroDivisionError):
        return math.inf
