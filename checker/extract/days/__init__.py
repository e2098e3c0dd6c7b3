"""Article-level facts about days, read once before aligning and stored on ``Article.days``:
the weekday of an article's news and of an earlier event it tells of, the day it was written
relative to articles it shares an event with (written.py), and the days it may have been
written on (dated.py). The align stage reads them from the articles, never from the text.
"""

from __future__ import annotations

from checker.days import EARLIER_DAY, WEEKDAY, earlier_weekday
from checker.extract.days.dated import writing_range
from checker.extract.days.written import written_days
from checker.models import Article, ArticleDays

__all__ = ["article_days", "with_article_days", "writing_range", "written_days"]


def with_article_days(articles: list[Article]) -> list[Article]:
    """``articles`` with ``days`` read over the whole batch (written days compare articles)."""
    days = article_days(articles)
    return [a.model_copy(update={"days": days.get(a.id)}) for a in articles]


def article_days(articles: list[Article]) -> dict[str, ArticleDays]:
    """By article id: the articles that name one weekday besides an earlier event's (or no
    earlier event and one weekday in all), those written.py places in time, and those
    whose days of writing are known (dated.py)."""
    days: dict[str, ArticleDays] = {}
    for article in articles:
        text = f"{article.title or ''}\n{article.text}"
        earlier = {earlier_weekday(m) for m in EARLIER_DAY.finditer(text)}
        others = {m.group(1).lower() for m in WEEKDAY.finditer(text)} - earlier
        if len(earlier) <= 1 and len(others) == 1:
            days[article.id] = ArticleDays(news=others.pop(), earlier=min(earlier) if earlier else None)
    for article_id, place in written_days(articles).items():
        days[article_id] = days.get(article_id, ArticleDays()).model_copy(update={"written": place})
    for article in articles:
        if (dated := writing_range(article)) is not None:
            days[article.id] = days.get(article.id, ArticleDays()).model_copy(update={"dated": dated})
    return days
