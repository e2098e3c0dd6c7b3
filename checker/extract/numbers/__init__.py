"""The number normaliser: numeric expressions in text, normalised to intervals.

``find_numbers(text, published, approx_tolerance)`` returns a :class:`NumberMention` for
every numeric expression: digits ("900,000", "$ 1.85 trillion", "13.9bn", "22, 000"),
words ("twenty-four", "half a million", "two-thirds"), vague amounts ("hundreds of
thousands"), ranges ("between 20 and 30", "$12 billion to $13 billion"), percentages,
money, units, years ("in 2018", "last year"), clock times ("3.45pm" -> 1545) and ordinals
(kind ``ordinal``, never a count). Numbers inside names, codes, dates, URLs and phone
numbers are not reported.

Conventions:

* Open ends are the finite sentinel ``OPEN_END`` = 1e18 (``more than 100`` -> [100, 1e18]).
* ``almost``/``nearly`` -> [p * (1 - 2 * tolerance), p]; ``up to``/``at most`` -> [0, p].
* Vague amounts carry the gold's nominal value, bound ``at_least``, and the most the phrase
  can mean as the high end: ``hundreds`` -> 200, [200, 999].
* Fractions of a whole ("half", "two-thirds", "one in five") are proportions: kind
  ``percent``, unit ``%``, value in percent (half -> 50), as the gold annotates them.
  Mixed numbers ("one and a half", "2 1/4") are counts.
* A range's ``point`` is its low end; ``is_range`` is set.

``to_canonical(value, unit)`` converts miles to km, feet to metres, Fahrenheit to Celsius
(and other units to their dimension's canonical unit) for comparisons.
"""

from checker.extract.numbers.finder import find_numbers
from checker.extract.numbers.intervals import OPEN_END
from checker.extract.numbers.units import to_canonical

__all__ = ["OPEN_END", "find_numbers", "to_canonical"]
