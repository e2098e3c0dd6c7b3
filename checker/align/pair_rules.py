"""The registry of the aligner's pair rules: each file of rules/align/ names one check
below (``check``), so a rule has an id, a description, cases and a switch (`claimcheck
rules`, `--disable align.NAME`), and the pipeline, the tests and training run the same set:
the enabled rules of the rule folders, never a set chosen in code.

Every check takes one partition's :class:`PairContext` and returns an n x n boolean matrix:
for the CHECKS, True = the two claims are never one quantity, not even through a third
claim; for the VETOES, True = the classifier may not link them, though they may still meet
through other claims; for the LINKS, True = they are one quantity whatever the classifier
scores them (certain, or rival accounts that weigh halfway between the threshold and certain).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping

import numpy as np

from checker.align.constraints import (
    cannot_link,
    different_events,
    distant_calendar_periods,
    is_flight,
    is_toll,
    listed_in_one_sentence,
    one_articles_timeline,
    market_prices_of_other_days,
    past_and_present,
    years_naming_different_things,
)
from checker.align.dimensions import different_dimensions, distances_from_other_places, fractions_and_counted_things
from checker.align.event_days import other_days_events
from checker.align.facet_pairs import facets_apart_by_facet
from checker.align.holders import (
    different_holders,
    different_parsed_holders,
    figures_of_named_others,
    holder,
    merged_and_named_holders,
    one_holders_market_share,
)
from checker.align.links import RuleLinks, one_age, one_persons_ages, restated_in_other_units, rival_accounts
from checker.align.incident_sites import one_site_and_many
from checker.align.sheltered import fled_and_sheltered
from checker.align.week_of_writing import windows_of_other_weeks
from checker.align.written_days import other_written_days
from checker.lexicon import Lexicon
from checker.models import ArticleDays, Claim


@dataclass
class PairContext:
    """What the checks read: one partition's claims, the lexicon, the articles' days, and
    the facts several checks share, computed once."""

    claims: list[Claim]
    lexicon: Lexicon
    days: Mapping[str, ArticleDays] = field(default_factory=dict)
    # The pair features (features.py), which the vetoes read.
    features: np.ndarray | None = None
    _cache: dict[str, object] = field(default_factory=dict)

    def once(self, name: str, compute: Callable[[], object]):
        if name not in self._cache:
            self._cache[name] = compute()
        return self._cache[name]

    @property
    def holders(self) -> list[str | None]:
        return self.once("holders", lambda: [holder(c, self.lexicon.holder_words) for c in self.claims])  # type: ignore[return-value]

    @property
    def tolls(self) -> np.ndarray:
        return self.once("tolls", lambda: np.array([is_toll(c, self.lexicon) for c in self.claims], dtype=bool))  # type: ignore[return-value]


def _merged(ctx: PairContext) -> np.ndarray:
    return merged_and_named_holders(ctx.holders, np.array(["merged" in c.facets for c in ctx.claims], dtype=bool))


def _fled_and_sheltered(ctx: PairContext) -> np.ndarray:
    fled = np.array([is_flight(c, ctx.lexicon) for c in ctx.claims], dtype=bool)
    return fled_and_sheltered(ctx.claims, fled, ctx.tolls)


def _written_days(ctx: PairContext) -> np.ndarray:
    return other_written_days(ctx.claims, {a: d.written for a, d in ctx.days.items() if d.written is not None})


def _week_windows(ctx: PairContext) -> np.ndarray:
    return windows_of_other_weeks(ctx.claims, {a: d.dated for a, d in ctx.days.items() if d.dated})


CHECKS: dict[str, Callable[[PairContext], np.ndarray]] = {
    "distant_calendar_periods": lambda ctx: distant_calendar_periods(ctx.claims),
    "market_prices_of_other_days": lambda ctx: market_prices_of_other_days(ctx.claims, ctx.lexicon.market_moves),
    "past_and_present": lambda ctx: past_and_present(ctx.claims),
    "listed_in_one_sentence": lambda ctx: listed_in_one_sentence(ctx.claims),
    "one_articles_timeline": lambda ctx: one_articles_timeline(ctx.claims),
    "different_dimensions": lambda ctx: different_dimensions(ctx.claims, ctx.lexicon.units_left_out),
    "distances_from_other_places": lambda ctx: distances_from_other_places(ctx.claims),
    "fractions_and_counted_things": lambda ctx: fractions_and_counted_things(ctx.claims),
    "years_naming_different_things": lambda ctx: years_naming_different_things(ctx.claims),
    "figures_of_named_others": lambda ctx: figures_of_named_others(ctx.claims, ctx.holders),
    "different_holders": lambda ctx: different_holders(ctx.claims, ctx.holders, ctx.lexicon.holder_words.suffixes),
    "different_parsed_holders": lambda ctx: different_parsed_holders(ctx.claims, ctx.lexicon.holder_words),
    "merged_and_named_holders": _merged,
    "different_events": lambda ctx: different_events(ctx.claims, ctx.lexicon),
    "one_site_and_many": lambda ctx: one_site_and_many(ctx.claims, ctx.tolls, ctx.lexicon.site_nouns),
    "fled_and_sheltered": _fled_and_sheltered,
    "other_days_events": lambda ctx: other_days_events(ctx.claims, ctx.days),
    "other_written_days": _written_days,
    "windows_of_other_weeks": _week_windows,
}


# Vetoes: pairs the classifier may not link (they may still meet through others).
VETOES: dict[str, Callable[[PairContext], np.ndarray]] = {
    "counted_things_differ": lambda ctx: cannot_link(ctx.claims, ctx.features, ctx.lexicon),
}


# Rule links: the check, and whether its link is certain or a rival account.
LINKS: dict[str, tuple[str, Callable[[PairContext], np.ndarray]]] = {
    "rival_accounts": ("rival", lambda ctx: rival_accounts(ctx.claims, ctx.lexicon)),
    "one_age": ("certain", lambda ctx: one_age(ctx.claims, ctx.lexicon.name_titles)),
    "one_persons_ages": ("certain", lambda ctx: one_persons_ages(ctx.claims, ctx.lexicon.anybody, ctx.lexicon.name_titles)),
    "restated_in_other_units": ("certain", lambda ctx: restated_in_other_units(ctx.claims)),
    "one_holders_market_share": ("certain", lambda ctx: one_holders_market_share(ctx.claims, ctx.lexicon.holder_words)),
}
KNOWN_CHECKS = frozenset(CHECKS) | frozenset(VETOES) | frozenset(LINKS)


def never_together(
    claims: list[Claim], lexicon: Lexicon, days: Mapping[str, ArticleDays] | None = None
) -> np.ndarray:
    """Pairs that may not even meet through other claims (n x n, True = apart): what every
    enabled rule of rules/align/ (``lexicon.pair_checks``) and every facet of rules/facets/
    keeps apart. ``days``: the articles' days (Article.days, read by extract/days/)."""
    return union_of(kept_apart_by_rule(claims, lexicon, days), len(claims))


def union_of(found: list[tuple[str, np.ndarray]] | tuple[tuple[str, np.ndarray], ...], n: int) -> np.ndarray:
    """The pairs any of ``found``'s (rule id, matrix) keeps apart (n x n)."""
    apart = np.zeros((n, n), dtype=bool)
    for _, matrix in found:
        apart |= matrix
    return apart


def kept_apart_by_rule(
    claims: list[Claim], lexicon: Lexicon, days: Mapping[str, ArticleDays] | None = None
) -> list[tuple[str, np.ndarray]]:
    """(rule id, n x n matrix) of every rule that keeps some pair apart: the rules of
    rules/align/ by their ids, each facet as "facets.<facet>"."""
    ctx = PairContext(claims, lexicon, days or {})
    found = [(f"facets.{facet}", matrix) for facet, matrix in facets_apart_by_facet(claims, lexicon.facet_apart, lexicon.facet_excludes)]
    for rule_id, name in lexicon.pair_checks:
        if name in CHECKS:
            matrix = CHECKS[name](ctx)
            if matrix.any():
                found.append((rule_id, matrix))
    return found


def vetoed(claims: list[Claim], features: np.ndarray, lexicon: Lexicon) -> np.ndarray:
    """The pairs every enabled veto rule of rules/align/ forbids the classifier to link (n x n)."""
    ctx = PairContext(claims, lexicon, features=features)
    found = np.zeros((len(claims), len(claims)), dtype=bool)
    for _, name in lexicon.pair_checks:
        if name in VETOES:
            found |= VETOES[name](ctx)
    return found


def rule_links(claims: list[Claim], lexicon: Lexicon) -> RuleLinks:
    """The links of every enabled link rule of rules/align/ for one partition."""
    ctx = PairContext(claims, lexicon)
    n = len(claims)
    found = {"rival": np.zeros((n, n), dtype=bool), "certain": np.zeros((n, n), dtype=bool)}
    for _, name in lexicon.pair_checks:
        if name in LINKS:
            strength, check = LINKS[name]
            found[strength] |= check(ctx)
    return RuleLinks(rival=found["rival"], certain=found["certain"])


def run_check(
    name: str, claims: list[Claim], lexicon: Lexicon, days: Mapping[str, ArticleDays] | None = None,
    features: np.ndarray | None = None,
) -> np.ndarray:
    """One check on its own (the rules' self-test); a veto needs the pairs' ``features``."""
    ctx = PairContext(claims, lexicon, days or {}, features=features)
    if name in VETOES:
        return VETOES[name](ctx)
    return LINKS[name][1](ctx) if name in LINKS else CHECKS[name](ctx)


def is_veto(name: str) -> bool:
    """Whether ``name`` is a check that forbids the classifier a link (not a keep-apart)."""
    return name in VETOES


def is_link(name: str) -> bool:
    """Whether ``name`` is a check that links pairs rather than keeping them apart."""
    return name in LINKS
