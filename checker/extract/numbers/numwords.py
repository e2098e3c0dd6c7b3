"""Numbers written in words (and words mixed with digits): cardinals, decimals, fractions.

A run of number tokens is first cut into *atoms* (``twenty``, ``-``, ``one`` becomes one
atom 21; ``thousand`` is a scale; ``fifths`` a denominator). Cardinals are then read left
to right with the usual hundreds/thousands grammar; a run that ends in a denominator is
read as a fraction, splitting numerator from denominator the way English does
("one hundred thirty fifths" is 100/35, "one hundred and thirty fifths" is 130/5).
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.extract.numbers.lexicon import (
    DECIMAL_POINT_WORDS,
    DOZEN_WORDS,
    FRACTION_NOUNS,
    HUNDRED_WORDS,
    ORDINAL_PLURALS,
    ORDINAL_WORDS,
    PLURAL_SCALE_WORDS,
    SCALE_WORDS,
    TEEN_WORDS,
    TENS_WORDS,
    UNIT_WORDS,
)
from checker.extract.numbers.tokens import Token

MAX_ATOMS = 40  # no written number needs more; the cap keeps long word runs linear

_DENOMINATOR_KINDS = {"ord", "frac"}


@dataclass(slots=True)
class Atom:
    kind: str  # unit teen tens compound hundred scale dozen num a and point ord frac
    value: float
    first: int  # first token index
    last: int  # last token index (inclusive)
    plural: bool = False


@dataclass(slots=True)
class Reading:
    """A number read from atoms ``[0, end)``: its value and how it ended."""

    value: float
    end: int  # atoms consumed
    last_kind: str  # kind of the last atom read
    last_scale: float  # last scale (1000 and up) applied, 0 if none
    is_fraction: bool = False
    whole: float = 0.0  # fractions: the whole part ("five" in "five and a half")
    part: float = 0.0  # fractions: numerator / denominator
    whole_scale: float = 0.0  # fractions: last scale of the whole part ("million")


def _word_table() -> dict[str, tuple[str, float, bool]]:
    """Every number word -> (atom kind, value, plural)."""
    table: dict[str, tuple[str, float, bool]] = {}
    table.update({w: ("unit", v, False) for w, v in UNIT_WORDS.items()})
    table.update({w: ("teen", v, False) for w, v in TEEN_WORDS.items()})
    table.update({w: ("tens", v, False) for w, v in TENS_WORDS.items()})
    table.update({w: ("hundred", v, False) for w, v in HUNDRED_WORDS.items()})
    table.update({w: ("scale", v, False) for w, v in SCALE_WORDS.items()})
    table.update({w: ("hundred" if v == 100 else "scale", v, True) for w, v in PLURAL_SCALE_WORDS.items()})
    table.update({w: ("dozen", v, w.endswith("s")) for w, v in DOZEN_WORDS.items()})
    table.update({w: ("ord", v, False) for w, v in ORDINAL_WORDS.items()})
    table.update({w: ("ord", v, True) for w, v in ORDINAL_PLURALS.items()})
    table.update({w: ("frac", v, w in ("halves", "quarters")) for w, v in FRACTION_NOUNS.items()})
    return table


_WORDS = _word_table()
# Every spelled number the reader knows: cardinals, scales, dozens, ordinals, fractions.
NUMBER_WORDS = frozenset(_WORDS)


def word_atom(token: Token) -> Atom | None:
    """The atom a single word token is, without context."""
    entry = _WORDS.get(token.low)
    return None if entry is None else Atom(entry[0], entry[1], 0, 0, plural=entry[2])


def is_number_word(token: Token) -> bool:
    return token.kind == "word" and token.low in _WORDS


def collect_atoms(tokens: list[Token], i: int) -> list[Atom]:
    """The run of number atoms starting at token ``i`` (a numeral may only start it)."""
    atoms: list[Atom] = []
    j, n = i, len(tokens)
    breaks = 0
    while j < n and len(atoms) < MAX_ATOMS:
        if atoms and not _joinable(tokens, atoms[-1].last, j):
            break
        atom = _atom_at(tokens, j, atoms)
        if atom is None:
            break
        if atoms and _breaks(atoms[-1].kind, atom.kind):
            # "one one hundred fifth" needs one break (numerator | denominator); a second
            # one cannot belong to the same number, and stopping keeps "one one one ..." linear
            breaks += 1
            if breaks > 1:
                break
        atoms.append(atom)
        if atom.kind in _DENOMINATOR_KINDS:
            break  # a denominator or ordinal ends the run
        j = atom.last + 1
        if j < n and tokens[j].low == "-" and j + 1 < n and tokens[j + 1].kind == "word":
            if atom.kind != "num" and is_number_word(tokens[j + 1]):
                j += 1  # a hyphen between number words only joins them ("hundred-fifths")
    return atoms


def _breaks(previous: str, kind: str) -> bool:
    """Two atoms side by side that no single cardinal joins ("one one", "twenty twenty")."""
    if kind in ("unit", "teen", "compound"):
        return previous in ("unit", "teen", "compound")
    if kind == "tens":
        return previous in ("unit", "teen", "tens", "compound")
    if kind == "hundred":
        return previous in ("hundred", "and")
    if kind == "scale":
        return previous == "and"
    return False


def _joinable(tokens: list[Token], last: int, j: int) -> bool:
    """Token ``j`` continues the run ending at token ``last``: only space or a hyphen between."""
    if j == last + 1:
        # glued only as digits then a word: "74million"
        return not tokens[j].glued or (tokens[last].kind == "num" and tokens[j].kind == "word")
    return j == last + 2 and tokens[last + 1].low == "-"


def _atom_at(tokens: list[Token], j: int, atoms: list[Atom]) -> Atom | None:
    token = tokens[j]
    previous = atoms[-1] if atoms else None
    if token.kind == "num":
        if token.value != token.value or token.value < 0:  # nan or negative
            return None
        if previous is None or previous.kind in ("and", "scale"):
            return Atom("num", token.value, j, j)
        return None
    if token.kind != "word":
        return None
    word = token.low
    following = tokens[j + 1] if j + 1 < len(tokens) else None
    if word in ("a", "an"):
        if previous is not None and previous.kind != "and":
            return None
        if following is None or following.glued or not is_number_word(following):
            return None
        return Atom("a", 1, j, j)
    if word == "and":
        if previous is None or following is None:
            return None
        if following.kind == "num" or following.low in ("a", "an") or is_number_word(following):
            return Atom("and", 0, j, j)
        return None
    if word in DECIMAL_POINT_WORDS:
        if previous is None or following is None or previous.kind not in ("unit", "teen", "tens", "compound", "hundred"):
            return None
        if following.low in UNIT_WORDS or following.low in TEEN_WORDS or following.low in TENS_WORDS:
            return Atom("point", 0, j, j)
        return None
    atom = word_atom(token)
    if atom is None:
        return None
    atom.first = atom.last = j
    # "twenty-one" and "twenty-first" are single atoms (21); "twenty one" stays two.
    if atom.kind == "tens" and j + 2 < len(tokens) and tokens[j + 1].low == "-":
        unit = word_atom(tokens[j + 2])
        if unit is not None and unit.kind == "unit" and unit.value > 0:
            return Atom("compound", atom.value + unit.value, j, j + 2)
        if unit is not None and unit.kind == "ord" and unit.value < 10:
            return Atom("ord", atom.value + unit.value, j, j + 2, plural=unit.plural)
    return atom


# --------------------------------------------------------------------------- cardinals


def read_cardinal(atoms: list[Atom], start: int = 0, stop: int | None = None) -> Reading | None:
    """The longest cardinal number in ``atoms[start:stop]`` that begins at ``start``."""
    stop = len(atoms) if stop is None else stop
    number = _Cardinal()
    k = start
    while k < stop:
        atom = atoms[k]
        if atom.kind == "and":
            k, goes_on = number.and_part(atoms, k, stop)
            if not goes_on:
                break
            continue
        if atom.kind == "point":
            decimals = _decimal_digits(atoms, k + 1, stop)
            if decimals is not None:
                number.small += float("0." + decimals[0])
                number.last, k = "point", decimals[1]
            break
        following = atoms[k + 1] if k + 1 < stop else None
        if not number.take(atom, following):
            break
        k += 1
    if k == start or number.last in ("a", ""):
        return None
    return Reading(number.value, k, number.last, number.last_scale)


class _Cardinal:
    """A cardinal read so far: scaled groups (``total``), hundreds (``group``) and the part
    under a hundred (``small``); ``last`` is the kind of the last atom taken."""

    def __init__(self) -> None:
        self.total = self.group = self.small = 0.0
        self.last = ""
        self.last_scale = 0.0

    @property
    def value(self) -> float:
        return self.total + self.group + self.small

    def take(self, atom: Atom, following: Atom | None) -> bool:
        """Add ``atom`` if it continues the number; False if the number ends before it."""
        step = getattr(self, "_" + atom.kind, None)
        return bool(step is not None and step(atom, following))

    def and_part(self, atoms: list[Atom], k: int, stop: int) -> tuple[int, bool]:
        """Read what follows the "and" at ``k``: (where reading stands, whether it goes on).
        An "and" that joins no part of this number is left unread: (k, False)."""
        if self.last == "hundred":
            # "three hundred and two (thousand)": under a hundred, and the number may go on;
            # "3 hundred and 2 hundred" is two numbers
            part = _under_hundred(atoms, k + 1, stop)
            if part is None or (part[1] < stop and atoms[part[1]].kind in ("hundred", "ord", "frac")):
                return k, False
            self.small, end, self.last = part
            return end, True
        rest = _and_continuation(atoms, k, stop, self.last, self.last_scale)
        if rest is None:
            return k, False
        self.small += rest.value  # "two thousand and two hundred": the rest ends the number
        self.last = rest.last_kind
        return rest.end, False

    def _a(self, atom: Atom, following: Atom | None) -> bool:
        # "a hundred", "a million", "a dozen"
        if self.last or following is None or following.kind not in ("hundred", "scale", "dozen") or following.plural:
            return False
        self.last = "a"
        return True

    def _unit(self, atom: Atom, following: Atom | None) -> bool:
        if atom.value == 0:  # "zero", "nought": only on its own (or before "point")
            if self.last:
                return False
            self.last = "zero"
        elif self.last in ("", "hundred", "scale"):
            self.small, self.last = atom.value, "unit"
        elif self.last == "tens":
            self.small, self.last = self.small + atom.value, "unit"  # "fifty two"
        else:
            return False
        return True

    def _teen(self, atom: Atom, following: Atom | None) -> bool:
        if self.last not in ("", "hundred", "scale"):
            return False
        self.small, self.last = atom.value, ("tens" if atom.kind == "tens" else "teen")
        return True

    _tens = _compound = _teen

    def _num(self, atom: Atom, following: Atom | None) -> bool:
        # digits start a number or follow a scale: "4 thousand 3 hundred"
        if self.last not in ("", "scale"):
            return False
        self.small, self.last = atom.value, "num"
        return True

    def _hundred(self, atom: Atom, following: Atom | None) -> bool:
        if self.group or self.last not in ("", "unit", "teen", "tens", "num", "a"):
            return False
        if atom.plural and self.last in ("", "a"):
            return False  # a bare "hundreds" is vague, not a number
        self.group, self.small, self.last = (self.small or 1) * 100, 0.0, "hundred"
        return True

    def _scale(self, atom: Atom, following: Atom | None) -> bool:
        if atom.plural and self.last in ("", "a"):
            return False
        if self.last == "scale":
            if atom.value <= self.last_scale:
                return False
            self.total = self.value * atom.value  # "three lakh crore"
        elif self.last in ("", "a", "unit", "teen", "tens", "num", "hundred", "dozen"):
            if self.total and atom.value >= self.last_scale:
                return False  # "two million three million": two numbers
            self.total += (self.group + self.small if self.last not in ("", "a") else 1.0) * atom.value
        else:
            return False
        self.group = self.small = 0.0
        self.last, self.last_scale = "scale", atom.value
        return True

    def _dozen(self, atom: Atom, following: Atom | None) -> bool:
        if self.last not in ("unit", "teen", "tens", "num", "a"):
            return False
        self.small, self.last = (self.small or 1) * 12, "dozen"
        return True


def _and_continuation(atoms: list[Atom], k: int, stop: int, last: str, last_scale: float) -> Reading | None:
    """What "and" adds after a scale: "thousand and two hundred", "trillion and three hundred"."""
    if last != "scale":
        return None
    rest = read_cardinal(atoms, k + 1, stop)
    if rest is None or not 0 < rest.value < last_scale:
        return None
    if rest.end < stop and atoms[rest.end].kind in _DENOMINATOR_KINDS:
        return None  # "hundred and three quarters": the fraction reader's job
    return rest


def _under_hundred(atoms: list[Atom], k: int, stop: int) -> tuple[float, int, str] | None:
    """A number under a hundred at ``k``: "two", "thirty one", "sixty-one", "21"."""
    if k >= stop:
        return None
    atom = atoms[k]
    if atom.kind == "unit" and atom.value > 0:
        return atom.value, k + 1, "unit"
    if atom.kind in ("teen", "compound"):
        return atom.value, k + 1, "teen"
    if atom.kind == "tens":
        if k + 1 < stop and atoms[k + 1].kind == "unit" and atoms[k + 1].value > 0:
            return atom.value + atoms[k + 1].value, k + 2, "unit"
        return atom.value, k + 1, "tens"
    if atom.kind == "num" and 0 < atom.value < 100:
        return atom.value, k + 1, "num"
    return None


def _decimal_digits(atoms: list[Atom], k: int, stop: int) -> tuple[str, int] | None:
    """Digits after "point": "zero three" -> "03", "seventy-one" -> "71", "eleven" -> "11"."""
    digits = ""
    while k < stop and atoms[k].kind == "unit":
        digits += str(int(atoms[k].value))
        k += 1
    if not digits and k < stop and atoms[k].kind in ("teen", "compound"):
        return str(int(atoms[k].value)), k + 1
    if not digits and k < stop and atoms[k].kind == "tens":
        if k + 1 < stop and atoms[k + 1].kind == "unit" and atoms[k + 1].value > 0:
            return str(int(atoms[k].value + atoms[k + 1].value)), k + 2
        return str(int(atoms[k].value)), k + 1
    return (digits, k) if digits else None


# --------------------------------------------------------------------------- fractions


def read_fraction(atoms: list[Atom]) -> Reading | None:
    """A fraction ending in a denominator: "two thirds", "one and a half", "a hundredth".

    Numbers in digits may only be the whole part of a mixed number ("3 million and a
    quarter"); "100 millionths" is no fraction. A singular denominator needs a numerator
    of one ("a fifth"; "two millionth" is no fraction), and "first"/"second" alone are
    never denominators ("one second" is a duration).
    """
    end = next((k for k, atom in enumerate(atoms) if atom.kind in _DENOMINATOR_KINDS), None)
    if not end or any(atom.kind == "point" for atom in atoms[:end]):
        return None
    values = [atom.value for atom in atoms[: end + 1]]  # "and" atoms are worth 0
    separators = [atom.kind == "and" for atom in atoms[: end + 1]]
    split = _denominator_start(values, separators)
    if atoms[split].kind == "and":
        split = end  # "two and fifty-four hundredths": the "and" joins a whole part
    if split == 0:
        return None
    denominator = _denominator_value(atoms, split, end)
    if denominator is None or denominator <= 2 and atoms[end].kind == "ord":
        return None
    numerator_atoms = atoms[:split]
    last_and = max((k for k, atom in enumerate(numerator_atoms[:-1]) if atom.kind == "and"), default=None)
    whole: Reading | None = None
    if last_and is not None:
        whole = _whole_part(atoms, last_and)
        if whole is None:
            return None
        numerator_start = last_and + 1
    else:
        numerator_start = 0
    if any(atom.kind == "num" for atom in atoms[numerator_start:split]):
        return None
    numerator = read_cardinal(atoms, numerator_start, split)
    if numerator is None or numerator.end != split:
        numerator = _numerator_one(atoms, numerator_start, split)
        if numerator is None:
            return None
    singular = not atoms[end].plural
    if singular and numerator.value != 1:
        return None
    fraction = numerator.value / denominator
    if whole is None:
        value = fraction
        last_scale = 0.0
    elif numerator.value < denominator:
        # "one million and a half" is 1.5 million; "one hundred and three quarters" is 100.75
        multiplier = whole.last_scale if whole.last_kind == "scale" and whole.last_scale >= 1000 else 1.0
        value = whole.value + fraction * multiplier
        last_scale = whole.last_scale if multiplier != 1.0 else 0.0
    else:
        value = (whole.value + numerator.value) / denominator
        last_scale = 0.0
    return Reading(
        value,
        end + 1,
        "frac",
        last_scale,
        is_fraction=True,
        whole=whole.value if whole is not None else 0.0,
        part=fraction,
        whole_scale=whole.last_scale if whole is not None and whole.last_kind == "scale" else 0.0,
    )


def _whole_part(atoms: list[Atom], stop: int) -> Reading | None:
    """The whole part of a mixed fraction, ``atoms[:stop]``: "five", "one hundred and thirty",
    and the older "twenty and three" (23: parts joined by "and", each smaller than the last)."""
    whole = read_cardinal(atoms, 0, stop)
    if whole is not None and whole.end == stop:
        return whole
    total, previous, start = 0.0, float("inf"), 0
    for k in [*(k for k in range(stop) if atoms[k].kind == "and"), stop]:
        part = read_cardinal(atoms, start, k)
        if part is None or part.end != k or not part.value < previous:
            return None
        total, previous, start = total + part.value, part.value, k + 1
    return Reading(total, stop, "unit", 0.0)


def _numerator_one(atoms: list[Atom], start: int, stop: int) -> Reading | None:
    """A lone "a"/"an" as numerator ("a fifth")."""
    if stop - start == 1 and atoms[start].kind == "a":
        return Reading(1.0, stop, "a", 0.0)
    return None


def _composable(big: float, small: float) -> bool:
    """``big`` can be followed by ``small`` in one number: twenty + five, hundred + thirty."""
    base = 100 if small > 10 else 10
    return big % base == 0 and big / base >= 1


def _denominator_start(values: list[float], separators: list[bool]) -> int:
    """Index where the denominator begins, scanning back from the final ordinal.

    The ordinal takes the words before it that compose with it ("thirty fifths" is 35ths,
    "one hundred fifth" 105th), as long as something is left for the numerator.
    """
    n = len(values)
    current = values[-1]
    round_value = 1.0
    k = n - 2
    while k >= 0:
        if separators[k]:
            k -= 1
            continue
        previous, current = current, values[k]
        if (previous >= 100 and previous > current) or (previous < 100 and _composable(current, previous)):
            if previous < 100 and current >= round_value:
                round_value = current
            elif previous < 100 and current < round_value:
                return k + 1
            if k == 0:
                # the whole run composes ("one hundred thirty fifths"): cut after the
                # last hundred-or-more word that is followed by a smaller one
                j = 1
                while j <= n - 2:
                    if values[j] >= 100 and not separators[j + 1] and values[j + 1] < 100:
                        return j + 1
                    j += 1
                return n - 1
            k -= 1
            continue
        return k + 1
    return max(0, k + 1)


def _denominator_value(atoms: list[Atom], start: int, end: int) -> float | None:
    ordinal = atoms[end].value
    words = [atom for atom in atoms[start:end] if atom.kind != "and"]
    if not words:
        return ordinal
    reading = read_cardinal(words)
    if reading is None or reading.end != len(words):
        return None
    return reading.value + ordinal
