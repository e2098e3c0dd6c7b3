"""On which day, relative to each other, two undated articles were written, from one event
both tell with different relative days.

"Hamas fired more than 30 into Israel yesterday, one to within 20 miles of Tel Aviv at
Gadera" and "At least five rockets landed in Israel today, including one that hit
Gadera": the Gadera rocket is one event, so the first article was written a day after the
second, and its "yesterday" is the second's "today". Then "More than 40 were fired
yesterday" in the second article is a day earlier than the first's "more than 30
yesterday": two days' rockets, never one quantity.

An event is recognised by a rare name (a capitalised word inside a sentence that at most
two articles of the batch use) in two sentences that each hold one relative day word.
Only articles whose every such shared name gives the same non-zero shift are placed;
anything else leaves them unplaced, and unplaced articles keep no figure apart
(align/written_days.py sets the figures of placed articles apart).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from itertools import combinations
from typing import Mapping

from checker.days import MONTHS, ONE_DAY_WORD, ONE_DAY_WORDS, WEEKDAYS
from checker.models import Article
# A capitalised word inside a sentence (after a lower-case word or a comma): a name.
_NAME = re.compile(r"(?<=[a-z,;:]\s)([A-Z][a-z]{3,})\b")
# The calendar's own words (rules/lexicons/days.yml), never a name: "Sunday", "March", "Today".
_CALENDAR = frozenset(word.capitalize() for word in (*WEEKDAYS, *MONTHS, *ONE_DAY_WORDS) if " " not in word)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# A name in more articles than this is the story's own (a country, a leader), not one event's.
_MAX_ARTICLES_PER_NAME = 2


def written_days(articles: list[Article]) -> dict[str, tuple[int, int]]:
    """By article id: (batch of articles placed together, day it was written in that batch)."""
    told = {a.id: _relative_mentions(a) for a in articles}
    # how many articles name it anywhere: a rare name is one event's, not the story's
    spread = Counter(name for a in articles for name in set(_NAME.findall(f"{a.title or ''}\n{a.text}")))
    days_by_name = {article: _days_by_rare_name(mentions, spread) for article, mentions in told.items()}
    # Only articles sharing a rare name are compared (a batch of thousands has few such pairs).
    tellers: dict[str, list[str]] = defaultdict(list)
    for article in sorted(days_by_name):
        for name in days_by_name[article]:
            tellers[name].append(article)
    shifts: dict[tuple[str, str], set[int]] = defaultdict(set)
    for name, articles_with_name in sorted(tellers.items()):
        for a, b in combinations(articles_with_name, 2):
            day_a, day_b = days_by_name[a][name], days_by_name[b][name]
            # one event: written_a + day_a == written_b + day_b, so b is written day_a - day_b later
            shifts[(a, b)].add(day_a - day_b)
    edges = {pair: shift.pop() for pair, shift in shifts.items() if len(shift) == 1 and 0 not in shift}
    return _place(edges)


def _relative_mentions(article: Article) -> list[tuple[str, int]]:
    """(name, relative day) for each name in a sentence with exactly one relative day word."""
    found = []
    for sentence in _SENTENCE_END.split(f"{article.title or ''}\n{article.text}"):
        words = {m.group(1).lower() for m in ONE_DAY_WORD.finditer(sentence)}
        if len(words) != 1:
            continue
        day = ONE_DAY_WORDS[words.pop()]
        found.extend((name, day) for name in set(_NAME.findall(sentence)) - _CALENDAR)
    return found


def _days_by_rare_name(mentions: list[tuple[str, int]], spread: Counter) -> dict[str, int]:
    """The one relative day each rare name is told with (names told with two are dropped)."""
    days: dict[str, set[int]] = defaultdict(set)
    for name, day in mentions:
        if spread[name] <= _MAX_ARTICLES_PER_NAME:
            days[name].add(day)
    return {name: next(iter(d)) for name, d in days.items() if len(d) == 1}


def _place(edges: dict[tuple[str, str], int]) -> dict[str, tuple[int, int]]:
    """Give each article joined by shifts a day; a batch whose shifts contradict is dropped."""
    neighbours: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for (a, b), shift in sorted(edges.items()):
        neighbours[a].append((b, shift))
        neighbours[b].append((a, -shift))
    placed: dict[str, tuple[int, int]] = {}
    seen: set[str] = set()
    for batch, start in enumerate(sorted(neighbours)):
        if start in seen:
            continue
        day, consistent = _days_from(start, neighbours)
        seen.update(day)
        if consistent:
            placed.update({article: (batch, d) for article, d in day.items()})
    return placed


def _days_from(start: str, neighbours: Mapping[str, list[tuple[str, int]]]) -> tuple[dict[str, int], bool]:
    """Days of every article reachable from ``start`` (which is day 0), and whether the
    shifts agree everywhere."""
    day = {start: 0}
    queue, consistent = [start], True
    while queue:
        node = queue.pop()
        for other, shift in neighbours[node]:
            if other not in day:
                day[other] = day[node] + shift
                queue.append(other)
            elif day[other] != day[node] + shift:
                consistent = False
    return day, consistent
