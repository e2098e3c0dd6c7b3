"""Word tables the number normaliser reads: plain data, one table per idea.

Keys are lower-case unless a table says otherwise. Multi-word phrases are written with
single spaces; :func:`phrase_key` turns them into the token tuples the scanner matches
(``"<="`` becomes ``("<", "=")``, ``"per cent"`` becomes ``("per", "cent")``).
"""

from __future__ import annotations

import re

from checker.models import Bound

# --------------------------------------------------------------------------- spelled numbers

UNIT_WORDS = {
    "zero": 0, "nought": 0, "naught": 0,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9,
}
TEEN_WORDS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
HUNDRED_WORDS = {"hundred": 100}
# Scales multiply what precedes them; lakh and crore are the Indian-English scales.
SCALE_WORDS = {
    "thousand": 1e3, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "million": 1e6, "crore": 1e7,
    "crores": 1e7, "billion": 1e9, "trillion": 1e12, "quadrillion": 1e15,
}
# Plural scales count as scales only after a number ("two out of five hundreds");
# on their own they are vague amounts (see VAGUE_PLURALS).
PLURAL_SCALE_WORDS = {
    "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12,
}
DOZEN_WORDS = {"dozen": 12, "dozens": 12, "dz": 12, "dzs": 12, "doz": 12, "dozs": 12}

# Scale abbreviations written right after digits ("10k", "13.9bn", "2mil"); case matters.
# Lower-case "m" is handled apart: it is a metre as often as a million.
SCALE_ABBREVIATIONS = {
    "k": 1e3, "K": 1e3,
    "M": 1e6, "MM": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "Mn": 1e6,
    "b": 1e9, "bn": 1e9, "bln": 1e9, "Bn": 1e9, "BN": 1e9,
    "tn": 1e12, "tln": 1e12, "trn": 1e12,
    "G": 1e9,
}
# Abbreviations that may also stand apart from the digits ("2.33 k", "1,674.5 G").
SPACED_SCALE_ABBREVIATIONS = {"k", "K", "M", "MM", "mn", "mln", "bn", "bln", "tn", "tln", "trn", "G"}

ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1e3, "millionth": 1e6, "billionth": 1e9, "trillionth": 1e12,
}
# "fifths", "thirds": plural ordinals are fraction denominators ("three fifths").
ORDINAL_PLURALS = {word + "s": value for word, value in ORDINAL_WORDS.items()}
# Nouns that are denominators without being ordinals.
FRACTION_NOUNS = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4}
# Digit ordinals: "21st", "4th".
ORDINAL_SUFFIXES = {"st", "nd", "rd", "th"}

VULGAR_FRACTIONS = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
    "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅐": 1 / 7, "⅛": 1 / 8, "⅜": 3 / 8,
    "⅝": 5 / 8, "⅞": 7 / 8, "⅑": 1 / 9, "⅒": 1 / 10,
}
# Denominators a written "a/b" may have before it reads as a date or a code ("9/11", "24/7").
SLASH_DENOMINATORS = {2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 16, 32, 64, 100, 1000}

NEGATIVE_WORDS = {"minus", "negative"}
DECIMAL_POINT_WORDS = {"point"}

# --------------------------------------------------------------------------- bounds

# Phrases before a number and the bound they put on it (longest phrase wins).
PREFIX_BOUNDS: dict[str, Bound] = {
    # approximately the number
    "about": Bound.approx, "around": Bound.approx, "some": Bound.approx, "roughly": Bound.approx,
    "approximately": Bound.approx, "approx": Bound.approx, "approx .": Bound.approx,
    "an estimated": Bound.approx, "estimated": Bound.approx, "circa": Bound.approx,
    "ca .": Bound.approx, "c .": Bound.approx, "~": Bound.approx, "an approximate": Bound.approx,
    "nearly about": Bound.approx,
    # the number or more
    "at least": Bound.at_least, "no fewer than": Bound.at_least, "no less than": Bound.at_least,
    "not less than": Bound.at_least, "not fewer than": Bound.at_least,
    "a minimum of": Bound.at_least, "at the very least": Bound.at_least,
    "at least or equal to": Bound.at_least, "equal to or more than": Bound.at_least,
    "equal to or greater than": Bound.at_least, "more than or equal to": Bound.at_least,
    "greater than or equal to": Bound.at_least, "higher than or equal to": Bound.at_least,
    "larger than or equal to": Bound.at_least, "bigger than or equal to": Bound.at_least,
    "higher or equal than": Bound.at_least, "bigger or equal than": Bound.at_least,
    "larger or equal than": Bound.at_least, "greater or equal than": Bound.at_least,
    "more or equal than": Bound.at_least, "no less than or equal to": Bound.at_least,
    ">=": Bound.at_least, "> =": Bound.at_least, "≥": Bound.at_least,
    # above the number
    "more than": Bound.more_than, "over": Bound.more_than, "in excess of": Bound.more_than,
    "upwards of": Bound.more_than, "upward of": Bound.more_than, "above": Bound.more_than,
    "greater than": Bound.more_than, "larger than": Bound.more_than, "bigger than": Bound.more_than,
    "higher than": Bound.more_than, "just over": Bound.more_than, "well over": Bound.more_than,
    "well above": Bound.more_than, "exceed": Bound.more_than, "exceeds": Bound.more_than,
    "exceeded": Bound.more_than, "exceeding": Bound.more_than, "surpass": Bound.more_than,
    "surpasses": Bound.more_than, "surpassed": Bound.more_than, "surpassing": Bound.more_than,
    "more": Bound.more_than, ">": Bound.more_than, "after": Bound.more_than,
    # the number or less
    "almost": Bound.at_most, "nearly": Bound.at_most, "just under": Bound.at_most,
    "just below": Bound.at_most, "just shy of": Bound.at_most, "close to": Bound.at_most,
    "up to": Bound.at_most, "as many as": Bound.at_most, "as much as": Bound.at_most,
    "as high as": Bound.at_most, "not more than": Bound.at_most, "no more than": Bound.at_most,
    "at most": Bound.at_most, "at the most": Bound.at_most, "a maximum of": Bound.at_most,
    "within": Bound.at_most, "no greater than": Bound.at_most, "no larger than": Bound.at_most,
    "not exceeding": Bound.at_most, "equal to or less than": Bound.at_most,
    "equal to or fewer than": Bound.at_most, "less than or equal to": Bound.at_most,
    "fewer than or equal to": Bound.at_most, "lower than or equal to": Bound.at_most,
    "smaller than or equal to": Bound.at_most, "less or equal than": Bound.at_most,
    "lower or equal than": Bound.at_most, "smaller or equal than": Bound.at_most,
    "fewer or equal than": Bound.at_most, "<=": Bound.at_most, "< =": Bound.at_most,
    "≤": Bound.at_most,
    # below the number
    "fewer than": Bound.less_than, "under": Bound.less_than, "less than": Bound.less_than,
    "below": Bound.less_than, "lower than": Bound.less_than, "smaller than": Bound.less_than,
    "<": Bound.less_than, "before": Bound.less_than,
    # the number itself, said outright
    "exactly": Bound.exact, "precisely": Bound.exact, "only": Bound.exact, "equal to": Bound.exact,
    "equals": Bound.exact, "equals to": Bound.exact, "equaling": Bound.exact,
    "equaling to": Bound.exact, "equalling": Bound.exact, "equalling to": Bound.exact,
    "=": Bound.exact, "is equal to": Bound.exact,
}
# "almost 900,000" means a little under 900,000, not anything from zero: these at-most
# phrases get a lower end too (see intervals.NEAR_BELOW).
NEAR_BELOW_PREFIXES = {"almost", "nearly", "just under", "just below", "just shy of", "close to"}
# Prefixes that bound only clock times ("after 10 a.m."); before other numbers they are
# prepositions ("after 13 days of bombardment").
TIME_ONLY_PREFIXES = {"after", "before"}
# "over eight years" is a period ("bid $160 million over eight years"), not "more than".
NOT_BEFORE_DURATIONS = {"over"}

# Phrases after a number that bound it ("500 or more"); not when a number follows them.
POSTFIX_BOUNDS: dict[str, Bound] = {
    "or more": Bound.at_least, "or greater": Bound.at_least, "and more": Bound.at_least,
    "or above": Bound.at_least, "and above": Bound.at_least, "or over": Bound.at_least,
    "and over": Bound.at_least, "or higher": Bound.at_least, "plus": Bound.at_least,
    "or more than": Bound.at_least, "or greater than": Bound.at_least,
    "or larger": Bound.at_least, "at least": Bound.at_least,
    "or less": Bound.at_most, "or fewer": Bound.at_most, "or below": Bound.at_most,
    "and below": Bound.at_most, "or under": Bound.at_most, "and under": Bound.at_most,
    "or lower": Bound.at_most, "or less than": Bound.at_most, "or fewer than": Bound.at_most,
    "or smaller": Bound.at_most, "at most": Bound.at_most, "at the most": Bound.at_most,
    "or so": Bound.approx, "odd": Bound.approx,
}
# "more than 5000 or equal to (it)": a strict bound that admits equality.
OR_EQUAL_SUFFIXES = {"or equal", "or equal to", "or equals"}

# --------------------------------------------------------------------------- vague amounts

# Vague amounts: (nominal value, highest value the phrase still fits). The nominal value is
# the gold convention (dozens 24, hundreds 200, thousands 2000), bound at_least.
VAGUE_PLURALS = {
    "dozens": (24, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
    "millions": (2e6, 1e7 - 1), "billions": (2e9, 1e10 - 1), "trillions": (2e12, 1e13 - 1),
    "tens": (20, 99), "scores": (40, 199),
}
# Words that count a plural scale: "tens of thousands", "hundreds of millions".
VAGUE_MULTIPLES = {"tens": (20, 99), "dozens": (24, 99), "hundreds": (200, 999)}
# Indefinite counts, alone or before a scale ("several hundred", "a few thousand").
VAGUE_COUNTS = {
    "several": (3, 9), "a few": (2, 9), "a couple of": (2, 3), "a handful of": (3, 9),
}
# Words right after which "several" or "a few" is no count ("the last few", "every few").
NOT_BEFORE_VAGUE_COUNTS = {"every", "last", "past", "next", "first", "those", "these", "the"}

# --------------------------------------------------------------------------- money

# Currency written before the number. Matched on the token text as written, so "US"
# (the country) is not "us" (the pronoun).
PREFIX_CURRENCIES = {
    "$": "USD", "US $": "USD", "U.S. $": "USD", "USD": "USD", "US$": "USD",
    "A $": "AUD", "AU $": "AUD", "C $": "CAD", "CA $": "CAD", "CAD": "CAD", "HK $": "HKD",
    "S $": "SGD", "NZ $": "NZD", "R $": "BRL",
    "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP", "¥": "JPY", "JPY": "JPY",
    "₹": "INR", "Rs": "INR", "Rs .": "INR", "INR": "INR", "₽": "RUB", "₺": "TRY", "TL": "TRY",
    "₩": "KRW", "₪": "ILS", "CHF": "CHF", "RMB": "CNY", "CNY": "CNY", "SEK": "SEK",
}
# Crawled text often turns "€85 million" into "e85 million" and "£74million" into
# "p74million"; a single such letter glued to digits is a currency only when a scale follows.
MANGLED_CURRENCY_LETTERS = {"e": "EUR", "p": "GBP"}
# Currency written after the number ("85 million euros"); lower-case words.
SUFFIX_CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "us dollars": "USD", "u . s . dollars": "USD",
    "bucks": "USD", "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP", "sterling": "GBP",
    "pounds": "GBP", "pound": "GBP",
    "yuan": "CNY", "renminbi": "CNY", "rupees": "INR", "rupee": "INR", "yen": "JPY",
    "rubles": "RUB", "roubles": "RUB", "ruble": "RUB", "rouble": "RUB", "lira": "TRY",
    "liras": "TRY", "riyals": "SAR", "riyal": "SAR", "dirhams": "AED", "dirham": "AED",
    "shekels": "ILS", "shekel": "ILS", "francs": "CHF", "pesos": "MXN", "rand": "ZAR",
    "naira": "NGN", "cents": "cent", "cent": "cent",
}
# "pounds" is money only after a scale ("74 million pounds"); otherwise a weight.
POUNDS = {"pounds", "pound"}
# ISO codes after the number ("2mil SEK"); upper-case as written.
SUFFIX_CURRENCY_CODES = {
    "USD", "EUR", "GBP", "JPY", "CNY", "INR", "SEK", "NOK", "DKK", "CHF", "AUD", "CAD",
    "HKD", "SGD", "NZD", "RUB", "TRY", "ZAR", "BRL", "MXN", "KRW", "ILS", "AED", "SAR",
}

# --------------------------------------------------------------------------- percent

PERCENT_WORDS = {"%", "percent", "per cent", "percents", "percentage", "pct", "pc", "٪"}
PERCENTAGE_POINT_WORDS = {"percentage point", "percentage points", "percent point", "percent points"}
# Words that make a following "percent of" a noun, not a prefix unit ("a small percent of").
PERCENT_NOUN_MODIFIERS = {
    "a", "an", "the", "this", "that", "what", "which", "small", "large", "big", "high", "low",
    "higher", "lower", "same", "certain", "some", "any", "each", "every", "given", "its", "their",
}

# --------------------------------------------------------------------------- context words

MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}
# Words that make the number after them a name or a reference, not a quantity
# ("Route 66", "Boeing 737", "Chapter 11"). Matched only when capitalised, except REFERENCE_WORDS.
NAME_WORDS = {
    "boeing", "airbus", "route", "highway", "interstate", "flight", "windows", "apollo",
    "iphone", "galaxy", "channel", "gate", "terminal", "platform", "resolution", "version",
    "model", "suite", "apartment", "apt", "block", "track", "exit", "junction", "bus", "pier",
    "runway", "ward", "room", "studio", "camp", "building", "no", "nos", "number", "vol", "volume", "part",
    "paragraph", "clause", "article", "chapter", "section", "page", "pages", "pp", "psalm",
    "act", "phase", "level", "stage", "season", "episode", "series", "cell", "unit", "area",
    "week", "game", "round",
}
# Reference words that make a name even in lower case ("page 5", "section 3", "version 6").
REFERENCE_WORDS = {
    "page", "pages", "pp", "chapter", "section", "paragraph", "clause", "article", "vol", "volume", "version",
}
# Words that may be joined by a hyphen to a number without making a code
# ("magnitude-5.2", "mid-2018"); any other "word-NUMBER" is a name ("F-16", "COVID-19").
HYPHEN_PREFIX_WORDS = {"magnitude", "mid", "pre", "post", "late", "early", "circa", "minus", "age", "aged"}
# Words that introduce an age ("age 61", "aged 47"); the number is a duration in years.
AGE_PREFIXES = {"age", "aged", "ages"}
# "magnitude 7.6", "magnitude of 6.1": the number is a magnitude.
MAGNITUDE_PREFIXES = {"magnitude"}

# Determiners before "one" that make it a pronoun ("the one you mentioned", "which one").
PRONOUN_ONE_PRECEDERS = {
    "the", "this", "that", "which", "each", "every", "any", "no", "another", "some", "little",
    "big", "right", "wrong", "new", "old", "same", "other", "someone", "everyone", "anyone",
}
# Verbs after which "from A to B" is a change, not a range ("rose from 40 to 50").
CHANGE_VERBS = {
    "rose", "risen", "rise", "rises", "rising", "increased", "increase", "increases",
    "increasing", "fell", "fall", "falls", "falling", "fallen", "dropped", "drop", "drops",
    "dropping", "climbed", "climb", "climbs", "climbing", "jumped", "jump", "jumps", "grew",
    "grow", "grows", "growing", "grown", "declined", "decline", "declines", "declining",
    "doubled", "tripled", "soared", "surged", "plunged", "plummeted", "slid", "slipped",
    "raised", "lowered", "cut", "reduced", "revised", "upped", "boosted", "shrank", "expanded",
    "went", "gone", "moved", "changed", "swelled", "swollen", "edged", "dipped", "sank",
    "tumbled", "leapt", "leaped", "spiked", "increasing", "up", "down", "toll",
}
# Words right before a year-like number that make it a year ("in 2018", "since 2011").
STRONG_YEAR_PRECEDERS = {
    "in", "since", "during", "until", "till", "by", "from", "through", "before", "after", "mid",
    "early", "late", "year", "summer", "winter", "spring", "autumn", "circa", "c", "fiscal",
    "calendar", "class", "vintage", "model",
}
# Determiners: "the 1967 killings" names a year, not 1967 killings.
DETERMINERS = {"the", "a", "an", "this", "its", "their", "his", "her", "our", "your", "s"}
# Plural nouns without a final "s" ("2000 people" is a count, not a year).
IRREGULAR_PLURALS = {
    "people", "children", "men", "women", "police", "personnel", "staff", "cattle", "sheep",
    "fish", "feet", "teeth", "geese", "mice", "troops", "militia", "civilians", "refugees",
}
# Clock-time zone or marker words after four digits ("1336 GMT").
TIME_ZONE_WORDS = {
    "gmt", "utc", "hours", "hrs", "local", "et", "est", "edt", "pt", "pst", "pdt", "ct", "cst",
    "cet", "cest", "bst", "ist", "jst", "wib", "msk", "z",
}
# Relative years: "last year" in an article dated 2020 is 2019.
RELATIVE_YEARS = {"last year": -1, "this year": 0, "next year": 1, "past year": -1}

# --------------------------------------------------------------------------- helpers

_PHRASE_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")  # split as the tokenizer splits


def phrase_key(phrase: str, lower: bool = True) -> tuple[str, ...]:
    """The token tuple a written phrase matches: ``"<="`` -> ``("<", "=")``."""
    text = phrase.lower() if lower else phrase
    return tuple(_PHRASE_TOKEN.findall(text))


def keyed(table: dict[str, object], lower: bool = True) -> dict[tuple[str, ...], object]:
    """A phrase table re-keyed by token tuples, for matching against tokens."""
    return {phrase_key(phrase, lower): value for phrase, value in table.items()}
