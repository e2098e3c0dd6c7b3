"""Which numeral tokens are not quantities: parts of names, codes, dates, URLs, phones.

One pass over the tokens flags them; the scanner then never starts or ends a quantity on
a flagged token. ``M5``, ``F-16``, ``COVID-19``, ``737F`` and ``Route 66`` are names;
``February 11`` and ``11 February 2020`` are dates; ``9/11`` and ``24/7`` are codes.
"""

from __future__ import annotations

from checker.extract.numbers.lexicon import (
    HYPHEN_PREFIX_WORDS,
    MANGLED_CURRENCY_LETTERS,
    MONTHS,
    NAME_WORDS,
    ORDINAL_SUFFIXES,
    PERCENT_WORDS,
    PREFIX_CURRENCIES,
    REFERENCE_WORDS,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    SLASH_DENOMINATORS,
    SUFFIX_CURRENCY_CODES,
    TIME_ZONE_WORDS,
    phrase_key,
)
from checker.extract.numbers.masks import masked_spans
from checker.extract.numbers.tokens import Token
from checker.extract.numbers.units import UNIT_PHRASES

# Words that may be glued right after digits without making a code ("10k", "48km", "3pm").
_GLUED_SUFFIXES = (
    {phrase_key(p)[0] for p in UNIT_PHRASES}
    | set(ORDINAL_SUFFIXES)
    | {"am", "pm", "a", "p", "s", "c", "m"}
    | {phrase_key(p)[0] for p in PERCENT_WORDS if phrase_key(p)}
    | set(SCALE_WORDS)
    | TIME_ZONE_WORDS
)
_CURRENCY_WORDS = {key[0] for key in (phrase_key(p, lower=False) for p in PREFIX_CURRENCIES) if len(key) == 1}


def flag_non_quantities(text: str, tokens: list[Token]) -> bytearray:
    """One flag per token: 1 where a numeral (or a token around it) is not a quantity."""
    flags = bytearray(len(tokens))
    _flag_masked(text, tokens, flags)
    for i, token in enumerate(tokens):
        if token.kind != "num" or flags[i]:
            continue
        if _is_name(tokens, i) or _is_bad_slash(tokens, i):
            _flag_chain(tokens, i, flags)
    _flag_dates(tokens, flags)
    return flags


def _flag_masked(text: str, tokens: list[Token], flags: bytearray) -> None:
    spans = masked_spans(text)
    if not spans:
        return
    s = 0
    for i, token in enumerate(tokens):
        while s < len(spans) and spans[s][1] <= token.start:
            s += 1
        if s < len(spans) and spans[s][0] < token.end and token.start < spans[s][1]:
            flags[i] = 1


def _is_name(tokens: list[Token], i: int) -> bool:
    """The numeral at ``i`` is part of a name or code ("M5", "F-16", "737F", "Route 66")."""
    token = tokens[i]
    before = tokens[i - 1] if i > 0 else None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if before is not None and token.glued and before.kind == "word":
        if not _currency_letter(tokens, i):
            return True
    if before is not None and token.glued and before.low == "-" and before.glued and i >= 2:
        word = tokens[i - 2]
        number_suffix = word.glued and i >= 3 and tokens[i - 3].kind == "num"  # "5k-20k", "10am-3pm"
        if word.kind == "word" and word.low not in HYPHEN_PREFIX_WORDS and not number_suffix:
            return True
    if after is not None and after.glued and after.kind == "word" and not _known_suffix(token, after):
        return True
    if before is not None and before.kind == "word" and not token.glued and _names_next(before):
        return True
    if before is not None and _plate_letters(before) and not token.glued and token.shape == "int" and len(token.text) >= 3:
        return True  # "BEY 0843", "PA 23456", "AM 830": a plate, postcode or frequency
    if before is not None and before.low == "-" and i >= 2 and _code_letters(tokens[i - 2]):
        return True  # "I - 75", "F - 16": detokenised codes
    if before is not None and before.low == "." and i >= 2 and tokens[i - 2].low in ("no", "nos") and tokens[i - 2].text[0] == "N":
        return True  # "No. 1"
    return False


def _plate_letters(word: Token) -> bool:
    """Two or three capital letters, as in a licence plate or a postcode area."""
    return word.kind == "word" and 2 <= len(word.text) <= 3 and word.text.isupper() and word.text.isalpha()


def _code_letters(word: Token) -> bool:
    """One to three capital letters before a hyphen: the letters of a code ("I-75", "MH-17")."""
    return word.kind == "word" and len(word.text) <= 3 and word.text.isupper() and word.text.isalpha()


def _names_next(word: Token) -> bool:
    if word.low not in NAME_WORDS:
        return False
    return word.low in REFERENCE_WORDS or any(c.isupper() for c in word.text)  # "Route", "iPhone"


def _currency_letter(tokens: list[Token], i: int) -> bool:
    """"Rs500", or "e85 million" / "p74million" (a crawled euro or pound sign)."""
    word = tokens[i - 1]
    if word.text in _CURRENCY_WORDS:
        return True
    if word.text not in MANGLED_CURRENCY_LETTERS:
        return False
    if i >= 2 and tokens[i - 2].kind == "word" and word.glued:
        return False
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    return after is not None and (after.low in SCALE_WORDS or after.text in SCALE_ABBREVIATIONS or after.text == "m")


def _known_suffix(number: Token, word: Token) -> bool:
    if word.text in SCALE_ABBREVIATIONS:
        return not (word.text == "G" and number.shape == "int" and number.value < 10)  # 4G, 5G
    if word.text in SUFFIX_CURRENCY_CODES:
        return True
    return word.low in _GLUED_SUFFIXES


def _is_bad_slash(tokens: list[Token], i: int) -> bool:
    """"a/b" glued that is not a plain fraction: "9/11", "24/7", "50/50"."""
    if i + 2 >= len(tokens):
        return False
    slash, right = tokens[i + 1], tokens[i + 2]
    if slash.low != "/" or not slash.glued or right.kind != "num" or not right.glued:
        return False
    return not is_plain_fraction(tokens, i)


def is_plain_fraction(tokens: list[Token], i: int) -> bool:
    """Tokens ``i``..``i+2`` write a fraction such as 3/4: a < b, b a usual denominator,
    and no date-like slash around it."""
    if i + 2 >= len(tokens):
        return False
    left, slash, right = tokens[i], tokens[i + 1], tokens[i + 2]
    if slash.low != "/" or not (slash.glued and right.glued) or left.kind != "num" or right.kind != "num":
        return False
    if left.shape != "int" or right.shape != "int":
        return False
    if i > 0 and tokens[i].glued and tokens[i - 1].low == "/":
        return False
    if i + 3 < len(tokens) and tokens[i + 3].glued and tokens[i + 3].low in ("/", "-"):
        return False
    return 0 < left.value < right.value and int(right.value) in SLASH_DENOMINATORS


def _flag_chain(tokens: list[Token], i: int, flags: bytearray) -> None:
    """Flag a code numeral and the digits glued on to it ("737-800", "9/11")."""
    j = i
    flags[j] = 1
    while j + 2 < len(tokens) and tokens[j + 1].glued and tokens[j + 1].low in ("-", "/", ".") and tokens[j + 2].glued and tokens[j + 2].kind == "num":
        flags[j + 2] = 1
        j += 2


def _month(token: Token) -> bool:
    return token.kind == "word" and token.low in MONTHS and token.text[:1].isupper()


def _day(token: Token) -> bool:
    return token.kind == "num" and token.shape == "int" and 1 <= token.value <= 31 and len(token.text) <= 2


def _year(token: Token) -> bool:
    return token.kind == "num" and token.shape == "int" and len(token.text) == 4


def _flag_dates(tokens: list[Token], flags: bytearray) -> None:
    """Flag the day and year of "February 11", "Feb. 11, 2020", "11 February 2020", "May 4th"."""
    n = len(tokens)
    for i, token in enumerate(tokens):
        if not _month(token):
            continue
        j = i + 1
        if j < n and tokens[j].low == "." and tokens[j].glued:
            j += 1
        if j < n and _day(tokens[j]):
            flags[j] = 1
            j = _skip_ordinal_suffix(tokens, j)
            if j + 1 < n and tokens[j].low in ("-", "–") and _day(tokens[j + 1]):
                flags[j + 1] = 1  # "February 8-10"
                j = _skip_ordinal_suffix(tokens, j + 1)
            if j + 1 < n and tokens[j].low == "," and _year(tokens[j + 1]):
                flags[j + 1] = 1
            elif j < n and _year(tokens[j]):
                flags[j] = 1
        elif j < n and _year(tokens[j]):
            flags[j] = 1
        # day before the month: "11 February", "the 4th of July"
        k = i - 1
        if k >= 1 and tokens[k].low == "of":
            k -= 1
        if k >= 0 and tokens[k].kind == "word" and tokens[k].low in ORDINAL_SUFFIXES and k >= 1 and tokens[k].glued:
            k -= 1
        if k >= 0 and _day(tokens[k]):
            flags[k] = 1
            if i + 1 < n and _year(tokens[i + 1]):
                flags[i + 1] = 1
            elif i + 2 < n and tokens[i + 1].low == "," and _year(tokens[i + 2]):
                flags[i + 2] = 1


def _skip_ordinal_suffix(tokens: list[Token], j: int) -> int:
    """Index after the day numeral and its glued "th"/"st" suffix, if any."""
    if j + 1 < len(tokens) and tokens[j + 1].glued and tokens[j + 1].low in ORDINAL_SUFFIXES:
        return j + 2
    return j + 1
