"""A run against the ledger: today's articles checked together with what was reported before.

1. read the batch, and from the ledger the stored articles its stories may hold (story
   vectors within a window of publication days: the cost follows the window, not the archive);
2. extract the new articles only (earlier ones come back with their recorded claims);
3. align and compare all claims together, as one batch would be;
4. keep what concerns this run: groups and findings with at least one new claim (earlier
   articles marked as such); a later, higher figure becomes ``updated`` (compare/updates.py);
5. record the new articles, claims, vectors, groups and findings in one transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Sequence

import numpy as np
from pydantic import BaseModel, ConfigDict

from checker.align.stories import story_text
from checker.ranking import ranked
from checker.compare.updates import as_updates
from checker.ingest import IngestLimits, read_inputs
from checker.ledger.store import Ledger, NewArticle, StoredArticle
from checker.lexicon import Lexicon
from checker.models import Article, Report
from checker.nlp.embedding_model import embed_texts
from checker.pipeline import Embed, PipelineOptions, assemble_report, extract_claims, extract_settings_for, load_ruleset
from checker.ruleset import RuleSet


class LedgerOptions(BaseModel):
    """How far back a run looks."""

    model_config = ConfigDict(frozen=True)

    window_days: int = 30  # stored articles within this many days of a new one are read
    # Cosine similarity of title+lead a stored article needs to one new article to be read
    # (the story blocking joins articles at distance 0.45, i.e. similarity 0.55).
    min_similarity: float = 0.5
    max_earlier: int = 200  # the most similar stored articles read, at most


def content_hash(article: Article) -> str:
    """One article however often it is added: the SHA-256 of its text."""
    return hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def check_with_ledger(
    paths: Sequence[str | Path],
    ledger: Ledger,
    options: PipelineOptions = PipelineOptions(),
    ledger_options: LedgerOptions = LedgerOptions(),
    rules: RuleSet | None = None,
    embed: Embed = embed_texts,
    now: dt.datetime | None = None,
    record: bool = True,
) -> Report:
    """Check the articles under ``paths`` against the ledger and record them in it."""
    rules = rules or load_ruleset(options)
    lexicon = Lexicon.from_rules(rules)
    now = now or dt.datetime.now(dt.timezone.utc)
    ingested = read_inputs(paths, IngestLimits(max_article_chars=options.max_article_chars))
    articles = sorted(ingested.articles, key=lambda a: a.id)
    hashes = {a.id: content_hash(a) for a in articles}

    vectors = _unit(embed([story_text(a) for a in articles])) if articles else np.zeros((0, 1), dtype=np.float32)
    days = [a.published or now.date() for a in articles]
    found = ledger.candidates(days, vectors, ledger_options.window_days, ledger_options.min_similarity,
                              exclude=set(hashes.values()), limit=ledger_options.max_earlier)
    earlier = _without_id_clashes(ledger.load([h for h, _, _ in found]), {a.id for a in articles})

    claims, warnings = extract_claims(articles, extract_settings_for(rules, lexicon, options), lexicon.attribution)
    everything = sorted([*articles, *(s.article for s in earlier)], key=lambda a: a.id)
    all_claims = sorted([*claims, *(c for s in earlier for c in s.claims)], key=lambda c: (c.article_id, c.start, c.end))
    report = assemble_report(everything, all_claims, options, rules, embed, ingested.input_errors,
                             [*ingested.warnings, *warnings])
    report = _this_run(report, rules, lexicon)

    if record:
        stories = _stories(articles, hashes, vectors, earlier, ledger_options.min_similarity)
        story_of_article = {**{s.article.id: s.story_id for s in earlier}, **stories}
        article_of = {c.id: c.article_id for c in report.claims}
        story_of_group = {g.id: min(story_of_article[article_of[i]] for i in g.claim_ids) for g in report.groups}
        new = [NewArticle(hash=hashes[a.id], story_id=stories[a.id], article=a, story_day=day, vector=v)
               for a, day, v in zip(articles, days, vectors)]
        ledger.record(new, claims, report.groups, [*report.findings, *report.possible_findings],
                      {**hashes, **{s.article.id: s.hash for s in earlier}}, story_of_group, now)
    return report


def _this_run(report: Report, rules: RuleSet, lexicon: Lexicon) -> Report:
    """Only what concerns this run's articles; earlier articles stay where they are cited."""
    earlier_ids = {a.id for a in report.articles if a.earlier}
    claims = {c.id: c for c in report.claims}
    new_claim = {cid for cid, c in claims.items() if c.article_id not in earlier_ids}
    groups = [g for g in report.groups if new_claim & set(g.claim_ids)]
    cited = {i for g in groups for i in g.claim_ids} | new_claim
    articles = {a.id: a for a in report.articles}
    finding_rules = rules.finding_rules()
    labels = {g.id: g.label for g in report.groups}

    def concerning(findings):
        kept = [f for f in findings if new_claim & set(f.claim_ids)]
        return as_updates(kept, claims, articles, labels, finding_rules, lexicon)

    findings, possible = concerning(report.findings), concerning(report.possible_findings)
    kept_articles = {claims[i].article_id for i in cited}

    kept_claims = [c for c in report.claims if c.id in cited]
    return report.model_copy(update={
        "articles": [a for a in report.articles if not a.earlier or a.id in kept_articles],
        "claims": kept_claims,
        "groups": groups,
        "findings": ranked(findings, kept_claims, groups),
        "possible_findings": ranked(possible, kept_claims, groups),
    })


def _stories(
    articles: list[Article], hashes: dict[str, str], vectors: np.ndarray, earlier: list[StoredArticle],
    min_similarity: float,
) -> dict[str, str]:
    """The story each new article joins: that of the most similar earlier article, or new
    article before it in this batch, when one is similar enough; else a new story named by
    the hash of its text."""
    known_vectors = [s.vector for s in earlier]
    known_stories = [s.story_id for s in earlier]
    result: dict[str, str] = {}
    for i, article in enumerate(articles):
        story = hashes[article.id][:16]
        if known_vectors:
            similarity = np.vstack(known_vectors) @ vectors[i]
            best = int(np.argmax(similarity))
            if similarity[best] >= min_similarity:
                story = known_stories[best]
        result[article.id] = story
        known_vectors.append(vectors[i])
        known_stories.append(story)
    return result


def _without_id_clashes(earlier: list[StoredArticle], new_ids: set[str]) -> list[StoredArticle]:
    """An earlier article whose id a new one has (another day's "article.txt") gets its hash
    as a suffix, on it and its claims, so ids stay unique in the report."""
    result = []
    for stored in earlier:
        if stored.article.id not in new_ids:
            result.append(stored)
            continue
        new_id = f"{stored.article.id}~{stored.hash[:8]}"
        claims = [c.model_copy(update={"article_id": new_id, "id": c.id.replace(stored.article.id, new_id, 1)})
                  for c in stored.claims]
        renamed = stored.article.model_copy(update={"id": new_id})
        result.append(StoredArticle(stored.hash, stored.story_id, renamed, claims, stored.vector))
    return result


def _unit(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)
