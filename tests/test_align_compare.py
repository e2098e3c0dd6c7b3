"""Alignment and comparison on real sentences: the traps of DESIGN.md and the flags a desk needs."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.models import Article
from checker.pipeline import check_articles


def _run(*texts, published=None):
    articles = [Article(id=f"{i}.txt", path=f"{i}.txt", text=t, published=published) for i, t in enumerate(texts)]
    return check_articles(articles)


def _group_of(report):
    return {cid: g.id for g in report.groups for cid in g.claim_ids}


def _claim(report, article_id, text):
    return next(c for c in report.claims if c.article_id == article_id and c.text == text)


def _kinds_of_shared_group(report, first_text, second_text):
    """The finding kinds of the group holding claim ``first_text`` of 0.txt and ``second_text``
    of 1.txt (fails if they are not in one group)."""
    a, b = _claim(report, "0.txt", first_text), _claim(report, "1.txt", second_text)
    groups = _group_of(report)
    assert a.id in groups and groups[a.id] == groups.get(b.id), "the two claims are not grouped"
    return {f.kind.value for f in report.findings if f.group_id == groups[a.id]}


def _not_grouped(report, first_text, second_text):
    """The claim ``first_text`` of 0.txt and ``second_text`` of 1.txt share no group."""
    a, b = _claim(report, "0.txt", first_text), _claim(report, "1.txt", second_text)
    groups = _group_of(report)
    return a.id not in groups or groups.get(a.id) != groups.get(b.id)


def test_same_quantity_across_outlets_is_grouped_and_conflict_flagged():
    report = _run(
        "Turkey already hosts 3.5 million Syrian refugees, the largest refugee population in the world.",
        "Turkey has already accepted 3.6 million Syrian refugees and says it can no longer accept more.",
    )
    assert "value_conflict" in _kinds_of_shared_group(report, "3.5 million", "3.6 million")


def test_same_number_different_things_is_not_grouped():
    report = _run(
        "Deadly clashes earlier this month left 13 Turkish troops dead in Idlib.",
        "Government forces seized 13 towns and villages in western Aleppo on Sunday.",
    )
    assert _not_grouped(report, "13", "13")


def test_agreeing_sources_are_corroborated_not_flagged():
    report = _run(
        "Syrian government shelling killed five Turkish soldiers on Monday in Taftanaz.",
        "Turkey's military said five Turkish soldiers were killed in Taftanaz on Monday.",
        published=dt.date(2020, 2, 11),
    )
    assert report.findings, "no finding at all"
    assert {f.severity for f in report.findings} == {"info"}
    assert {f.kind.value for f in report.findings} == {"corroborated"}


def test_broader_measure_is_not_like_for_like():
    report = _run(
        "The Turkish Defense Ministry said it had neutralized more than 100 Syrian soldiers in the strikes.",
        "Turkey said 51 Syrian soldiers had been killed in the strikes.",
    )
    kinds = {f.kind.value for f in report.findings}
    assert "measure_differs" in kinds
    assert "value_conflict" not in kinds


def test_output_is_the_same_whatever_the_input_order():
    texts = (
        "Turkey already hosts 3.5 million Syrian refugees.",
        "Turkey has accepted 3.6 million Syrian refugees.",
        "Deadly clashes left 13 Turkish troops dead in Idlib.",
    )
    articles = [Article(id=f"{i}.txt", path=f"{i}.txt", text=t) for i, t in enumerate(texts)]
    forward = check_articles(articles).model_dump_json()
    backward = check_articles(list(reversed(articles))).model_dump_json()
    assert forward == backward


def test_a_rounded_conversion_is_the_same_distance_not_a_conflict():
    report = _run(
        "The quake struck seven km (4 miles) from the town of Dargahan, the governor said.",
        "The epicentre was 4 miles from Dargahan, according to the geological survey.",
    )
    km, miles = _claim(report, "0.txt", "seven km"), _claim(report, "1.txt", "4 miles")
    groups = _group_of(report)
    assert groups.get(km.id) is not None and groups.get(km.id) == groups.get(miles.id)
    assert not _disagreements(report), "7 km is 4.3 miles: no conflict"


def test_people_and_refugees_with_one_figure_are_not_counted_differently():
    report = _run(
        "About 14,000 people fled their homes after the quake, the UN said.",
        "Some 14,000 refugees fled their homes after the quake, officials said.",
    )
    assert "counted_differs" not in {f.kind.value for f in report.findings}


def test_groups_carry_the_direct_links_compare_relies_on():
    report = _run(
        "Turkey already hosts 3.5 million Syrian refugees, the largest refugee population in the world.",
        "Turkey has already accepted 3.6 million Syrian refugees and says it can no longer accept more.",
    )
    group = next(g for g in report.groups if len(g.claim_ids) == 2)
    assert group.links, "an aligner group lists its direct links"
    for link in group.links:
        assert set(link.claim_ids) <= set(group.claim_ids)
        assert 0.0 <= link.score <= 1.0


def test_two_ages_for_one_named_person_are_flagged():
    report = _run(
        "Sixty-year-old Smith was arrested on Friday in Staunton, police said.",
        "Police arrested 61-year-old Smith in Staunton on Friday.",
    )
    assert {f.kind.value for f in _disagreements(report)} & {"value_conflict", "scope_differs"}


def _disagreements(report):
    return [f for f in report.findings if f.severity != "info"]


@pytest.mark.parametrize(
    "first, second",
    [
        pytest.param(
            "The offensive has displaced hundreds of thousands of civilians since December.",
            "The offensive has displaced almost 700,000 civilians since December.",
            id="a vague amount covers a figure it may be said of",
        ),
        pytest.param(
            "Two three-story hotels in Manokwari, a city of 160,000 people, collapsed in the Jan. 4 quakes, "
            "according to the World Health Organization.",
            "Manrosan said that the 7.7 magnitude quake damaged 42 government office buildings, 2 roads, "
            "14 hotels, over 1,600 houses and 8 bridges.",
            id="hotels that collapsed vs hotels damaged",
        ),
        pytest.param(
            "Police said a 63-year-old woman was among the dead after the gunman opened fire.",
            "Police said a 47-year-old woman was among the dead after the gunman opened fire.",
            id="ages of two unnamed people",
        ),
        pytest.param(
            "The quake struck at 17:06 local time (13:36 GMT) near the town of Dargahan.",
            "The quake struck at 13:36 GMT near the town of Dargahan, the survey said.",
            id="a clock time and its GMT equivalent",
        ),
    ],
)
def test_not_a_disagreement(first, second):
    assert not _disagreements(_run(first, second))


def test_two_incidents_a_month_apart_are_not_one_quantity():
    """A figure dated "in early March" and one dated Monday 9 April count two shootings."""
    report = _run(
        "In early March, a gunman shot and wounded three people at a printing plant near Los Angeles.",
        "A gunman shot three people at a Detroit office building on Monday, police said.",
        published=dt.date(2007, 4, 10),
    )
    assert _not_grouped(report, "three", "three")


def test_share_moves_of_unknown_or_other_days_are_not_set_against_each_other():
    """A day's drop without a day and Tuesday's drop may be Monday's and Tuesday's moves."""
    report = _run(
        "HP shares dropped $2.49 to close at $46.64 as investors fretted over the deal.",
        "HP shares sagged $2.56 on Tuesday to finish at $44.27.",
    )
    for first, second in (("$2.49", "$2.56"), ("$46.64", "$44.27")):
        assert _not_grouped(report, first, second)
    assert not [f for f in report.findings if f.kind.value == "value_conflict"]


def test_share_moves_of_the_same_day_that_differ_are_flagged():
    report = _run(
        "HP shares dropped $2.49 on Tuesday to close at $46.64 as investors fretted over the deal.",
        "HP shares sagged $2.56 on Tuesday to finish at $44.27.",
    )
    assert "value_conflict" in _kinds_of_shared_group(report, "$46.64", "$44.27")


def test_a_pair_kept_apart_never_meets_through_a_third_claim():
    """Average linkage may join A and C through B; a pair marked apart must stay split."""
    import numpy as np

    from checker.align.cluster import cluster_pairs

    probabilities = np.array([[0, 0.95, 0.0], [0.95, 0, 0.95], [0.0, 0.95, 0]])
    allowed = ~np.eye(3, dtype=bool)
    allowed[0, 2] = allowed[2, 0] = False
    assert cluster_pairs(3, probabilities, allowed, 0.4, "average") == [[0, 1, 2]]
    apart = np.zeros((3, 3), dtype=bool)
    apart[0, 2] = apart[2, 0] = True
    clusters = cluster_pairs(3, probabilities, allowed, 0.4, "average", apart)
    assert not any(0 in c and 2 in c for c in clusters)


def _extracted(*texts):
    articles = [Article(id=f"{i}.txt", path=f"{i}.txt", text=t) for i, t in enumerate(texts)]
    return check_articles(articles, align=False).claims


def _indexed(*texts):
    """The claims of ``texts`` (article i is "i.txt") and a finder of a claim's index by its
    article and the start of its text."""
    claims = _extracted(*texts)

    def index(article: str, text: str) -> int:
        return next(i for i, c in enumerate(claims) if c.article_id == article and c.text.startswith(text))

    return claims, index


def _lexicon():
    from checker.lexicon import Lexicon
    from checker.pipeline import PipelineOptions, load_ruleset

    return Lexicon.from_rules(load_ruleset(PipelineOptions()))


def _never_together(*texts):
    """never_together over the claims of ``texts``, and the finder of :func:`_indexed`."""
    from checker.align.pair_rules import never_together

    claims, at = _indexed(*texts)
    return never_together(claims, _lexicon()), at


def test_the_dead_and_the_wounded_are_kept_apart_by_the_words_beside_the_number():
    from checker.align.constraints import different_events

    claims, at = _indexed(
        "The bombing of UN schools and of housing killed more than 50 people.",
        "The attack has also left more than 50 people with serious injuries, 10 of whom remain critical.",
        "Some 30 people were killed and 55 others injured.",
    )
    apart = different_events(claims, _lexicon())
    killed, injured = at("0.txt", "more than 50"), at("1.txt", "more than 50")
    assert apart[killed, injured] and apart[injured, killed]
    # "and" ends the clause: 55 were injured, not killed
    assert apart[at("2.txt", "Some 30"), at("2.txt", "55")]
    assert not apart[injured, at("2.txt", "55")]


def test_a_verb_of_the_sentence_does_not_make_two_events():
    """The outcome beside the number counts, not the verb that governs the sentence."""
    from checker.align.constraints import different_events

    claims, at = _indexed(
        "Two wounded men were taken to a hospital in Royal Oak.",
        "A gunman killed one and wounded two men at an office on Monday.",
        "A 60-year-old woman was arrested on Friday.",
    )
    apart = different_events(claims, _lexicon())
    assert not apart[at("0.txt", "Two"), at("1.txt", "two")]
    assert not apart[at("2.txt", "60-year-old")].any()


def test_a_partitive_is_still_the_numbers_noun_phrase():
    """'two of the three victims died' counts the dead: never one group with the two wounded."""
    from checker.align.constraints import different_events

    claims, at = _indexed(
        "Local evening news originally reported that two of the three victims died.",
        "A gunman killed one and wounded two men at an office on Monday.",
    )
    apart = different_events(claims, _lexicon())
    assert apart[at("0.txt", "two"), at("1.txt", "two")]


def test_wounded_beside_the_number_makes_the_same_victims_as_the_verb():
    """'The two wounded men requested privacy' are the 'two managers' a gunman wounded: the
    word beside the number says so though the verb is 'requested' and the nouns differ."""
    from checker.align.constraints import cannot_link
    from checker.align.features import feature_tensor
    import numpy as np

    claims, at = _indexed(
        "The families of the two wounded men requested total privacy.",
        "When the violence had concluded, two managers were wounded.",
    )
    n = len(claims)
    far = np.zeros((n, n))  # embeddings as far apart as can be: only the rule can join them
    features = feature_tensor(claims, far, far, far, _lexicon())
    vetoed = cannot_link(claims, features, _lexicon())
    assert not vetoed[at("0.txt", "two"), at("1.txt", "two")]


def test_two_articles_placed_a_day_apart_by_one_event_keep_their_yesterdays_apart():
    """The Gadera rocket is 'yesterday' in one article and 'today' in the other, so the first
    was written a day later: its 'more than 30 yesterday' and the second's 'more than 40
    yesterday' are two days' rockets. Its 'yesterday' is the second's 'today'."""
    from checker.extract.days import article_days
    from checker.align.pair_rules import never_together

    texts = (
        "Hamas fired more than 30 rockets into Israel yesterday, one to within 20 miles of Tel Aviv at Gadera. "
        "Doctors said 12 people were wounded yesterday.",
        "At least five rockets landed in Israel today, including one that hit the town of Gadera. "
        "More than 40 rockets were fired into southern Israel yesterday. Hospitals treated 12 wounded people today.",
    )
    claims, at = _indexed(*texts)
    articles = [Article(id=f"{i}.txt", path=f"{i}.txt", text=t) for i, t in enumerate(texts)]
    days = article_days(articles)
    assert days["0.txt"].written[1] == days["1.txt"].written[1] + 1
    apart = never_together(claims, _lexicon(), days)
    assert apart[at("0.txt", "more than 30"), at("1.txt", "More than 40")]
    assert not apart[at("0.txt", "12"), at("1.txt", "12")]  # the first's yesterday is the second's today
    # unplaced articles (no shared rare name) keep nothing apart
    alone = [Article(id=f"{i}.txt", path=f"{i}.txt", text=t.replace("Gadera", "the coast")) for i, t in enumerate(texts)]
    assert all(d.written is None for d in article_days(alone).values())


def test_things_fired_are_never_the_dead_beside_the_same_number():
    """'Hamas fired more than 30' counts rockets; 'some 30 people were killed' the dead; 'put
    the death toll at 40' counts the dead though the word is far from the number."""
    from checker.align.constraints import different_events

    claims, at = _indexed(
        "Hamas fired more than 30 into Israel yesterday.",
        "Some 30 people were killed when shells landed.",
        "Gunness put the death toll of the shelling at 40.",
        "More than 40 were fired into southern Israel.",
    )
    apart = different_events(claims, _lexicon())
    assert apart[at("0.txt", "more than 30"), at("1.txt", "Some 30")]
    assert apart[at("2.txt", "40"), at("3.txt", "More than 40")]


def test_a_figure_dated_years_back_is_not_the_news_of_the_day():
    """The 2002 quake's magnitude is not this week's quake's, which the article leaves undated."""
    from checker.align.constraints import past_and_present

    claims, at = _indexed(
        "The latest quakes in Manokwari occurred on Oct. 10, 2002, the largest recorded at magnitude 7.6. "
        "In December 2004, a tsunami left at least 230,000 people dead.",
        "Residents rushed from their homes shortly after the first 7.6-magnitude quake struck.",
    )
    apart = past_and_present(claims)
    history, news = at("0.txt", "magnitude 7.6"), at("1.txt", "7.6-magnitude")
    assert apart[history, news] and apart[news, history]
    assert not apart[at("0.txt", "at least 230,000")].any()  # the story's latest year is its own time


def test_past_and_present_keeps_a_recent_year_with_undated_figures():
    """Last year's figure may be given undated elsewhere; only years back are history."""
    from checker.align.constraints import past_and_present

    claims, at = _indexed(
        "EDS had revenue of $22 billion in 2007.",
        "EDS has revenue of $22 billion.",
        "EDS was spun off by GM in 2006, with 5,000 staff, and in 2008 it had 7,000.",
    )
    dated, undated, staff = at("0.txt", "$22 billion"), at("1.txt", "$22 billion"), at("2.txt", "5,000")
    apart = past_and_present(claims)
    assert not apart[dated, undated]  # 2007 is only a year before 2008
    assert apart[staff, undated]  # 2006 is history
    assert not apart[staff, dated]  # a sentence with a year in it is not undated news


def test_a_sum_over_parts_never_groups_with_a_different_part():
    """'A combined 157 games' counts the Angels' 54 and more: part and whole, not a conflict."""
    from checker.align.pair_rules import never_together
    from checker.align.facet_pairs import facets_apart_by_facet

    claims, at = _indexed(
        "Playing in a combined 157 games with the Angels and Braves, Teixeira hit 33 homers.",
        "Teixeira hit .467 in 54 games with the Angels.",
        "Teixeira played 157 games last season.",
        "Overall, he finished with 33 homers.",
    )
    combined, part, plain = at("0.txt", "157"), at("1.txt", "54"), at("2.txt", "157")
    assert claims[combined].facets["sum"] == "combined" and "sum" not in claims[part].facets
    apart = dict(facets_apart_by_facet(claims, {"sum": "marked_vs_unmarked_if_values_differ"}))["sum"]
    assert apart[combined, part] and apart[part, combined]
    assert never_together(claims, _lexicon())[combined, part]
    assert not apart[combined, plain]  # the same total, once marked as a sum and once not
    assert not apart[at("0.txt", "33"), at("3.txt", "33")]  # "Overall," is not beside the number


RIVAL_ACCOUNTS = (
    "Turkey responded with attacks against Syrian positions that, according to a war monitor, "
    "caused 13 Syrian deaths. Turkey claimed to have \"neutralized,\" a term that applies to enemies "
    "killed, injured or captured, more than 70 \"members of the regime.\""
)


def test_two_sides_counting_one_event_in_one_article_are_set_side_by_side():
    """A war monitor's 13 deaths and Turkey's 70 'neutralized' count different words for one
    clash: the desk needs them side by side as rival accounts and a broader measure."""
    report = _run(RIVAL_ACCOUNTS)
    monitor, turkey = _claim(report, "0.txt", "13"), _claim(report, "0.txt", "more than 70")
    groups = _group_of(report)
    assert monitor.id in groups and groups[monitor.id] == groups.get(turkey.id)
    kinds = {f.kind.value for f in report.findings if f.group_id == groups[monitor.id]}
    assert {"attribution_differs", "measure_differs"} <= kinds


@pytest.mark.parametrize(
    "text",
    [
        # One source for both figures: a count and its update, not two sides.
        "Turkey said its attacks caused 13 Syrian deaths. Turkey later said it had neutralized more than 70.",
        # Two sides, but paragraphs apart: nothing says they count one event.
        RIVAL_ACCOUNTS.replace("deaths. Turkey", "deaths. The Syrian government made no statement on the victims. Turkey"),
        # An addition to a toll and the toll itself, whoever the parser takes for a source.
        'Another two people are also reported to have been killed. Nugroho told AFP: "We have recorded 24 people dead."',
    ],
)
def test_rival_accounts_need_two_sources_in_neighbouring_sentences(text):
    from checker.align.links import rival_accounts
    from checker.lexicon import Lexicon
    from checker.pipeline import PipelineOptions, load_ruleset

    claims = _extracted(text)
    lexicon = Lexicon.from_rules(load_ruleset(PipelineOptions()))
    assert not rival_accounts(claims, lexicon).any()


def test_different_figures_listed_in_one_sentence_never_group():
    """'Two sons, 11 and 14' lists two ages; a conversion in brackets and the two ends of a
    range are one figure written twice."""
    from checker.align.constraints import listed_in_one_sentence
    from checker.align.pair_rules import never_together

    claims, at = _indexed(
        "Umm Ibrahim said she had lost an eight-year-old daughter and two sons, 11 and 14.",
        "The quake struck 75 kilometers (50 miles) west of the town.",
        "Moreno presented an offer of at least $160 million and possibly as much as $180 million.",
    )
    apart = listed_in_one_sentence(claims)
    assert apart[at("0.txt", "11"), at("0.txt", "14")]
    assert never_together(claims, _lexicon())[at("0.txt", "14"), at("0.txt", "11")]
    assert not apart[at("1.txt", "75 kilometers"), at("1.txt", "50 miles")]
    assert not apart[at("2.txt", "at least"), at("2.txt", "as much as")]


def test_a_span_of_hours_never_pairs_with_a_count():
    """'24 hours' of shelling is no count of 'two dozen schools'; an age in years may still
    pair with a bare number ('38' and '38-year-old')."""
    from checker.align.constraints import may_pair_matrix

    claims, at = _indexed(
        "More than two dozen schools are serving as temporary shelters.",
        "The shelling of the camp went on for 24 hours.",
        "LaCalamita, 38, was arrested on Monday.",
        "The 38-year-old man was arrested on Monday.",
    )
    allowed = may_pair_matrix(claims)
    assert not allowed[at("0.txt", "More than two dozen"), at("1.txt", "24 hours")]
    assert allowed[at("2.txt", "38"), at("3.txt", "38")]


def test_one_persons_age_is_linked_however_the_person_is_named():
    """'Anthony LaCalamita, 38' and 'a 38-year-old male' give one age; two named people of
    one age do not, and neither does a weight written next to an age."""
    from checker.align.links import one_age
    from checker.subjects import is_age

    claims, at = _indexed(
        "Police said they had located Anthony LaCalamita, 38, on Interstate 75.",
        "He was described by police as a 38-year-old male weighing 180 pounds.",
        "The victims were Paul Riva, 47, of Sterling Heights and Alan Steinberg, 48, of Bruce Township.",
        "Riva, 47, and Steinberg, 48, were treated at the hospital.",
        "Jean Larson, 47, a staff accountant, hid under her desk.",
        "Josh Moore, one of the defense lawyers, spoke to the judge.",
        "He received an award for doctors under age 40. Police named the victim as Benjamin Banky, 40, of Vancouver.",
    )
    assert not is_age(claims[at("1.txt", "180 pounds")])
    linked = one_age(claims, _lexicon().name_titles)
    assert linked[at("0.txt", "38"), at("1.txt", "38")]
    assert linked[at("2.txt", "47"), at("3.txt", "47")]  # Paul Riva and Riva
    assert not linked[at("3.txt", "47"), at("4.txt", "47")]  # Riva and Jean Larson
    assert not linked[at("2.txt", "47"), at("3.txt", "48")]
    assert not is_age(claims[at("5.txt", "one")])
    assert not linked[at("6.txt", "under"), at("6.txt", "40")]


def test_the_same_victims_told_in_other_words_are_grouped():
    """'Two men' and 'two managing partners' wounded in one shooting are one set of victims;
    the lexicon's sets still split soldiers from civilians."""
    report = _run(
        "An accounting firm employee who was fired last week shot and killed a woman and wounded two men Monday.",
        "A jury convicted the man of a shooting at a Troy accounting firm that left a receptionist dead "
        "and two managing partners wounded.",
    )
    a, b = _claim(report, "0.txt", "two"), _claim(report, "1.txt", "two")
    groups = _group_of(report)
    assert a.id in groups and groups[a.id] == groups.get(b.id)
    split = _run(
        "Shelling killed three Syrian soldiers near Saraqib on Monday.",
        "Shelling killed three civilians near Saraqib on Monday.",
    )
    assert _not_grouped(split, "three", "three")


def test_a_conversion_in_brackets_is_the_same_figure():
    """'75 kilometers (50 miles)' is one distance; euros and dollars need a rate, and a clock
    time with its GMT equivalent is no unit conversion."""
    from checker.align.links import restated_in_other_units

    claims, at = _indexed(
        "The quake struck at 7:48 a.m. local time, 75 kilometers (50 miles) west of Manokwari.",
        "Robbers stole gems worth 85 million euros ($108 million) from the store.",
    )
    linked = restated_in_other_units(claims)
    assert linked[at("0.txt", "75 kilometers"), at("0.txt", "50 miles")]
    assert not linked[at("1.txt", "85 million"), at("1.txt", "$108")]


def test_a_distance_is_not_vetoed_by_the_noun_the_parser_puts_beside_it():
    """A measure is in its unit: 'local time' next to '75 kilometers' is not what it counts,
    so it cannot veto pairing with '(50 miles)' elsewhere."""
    from checker.align import claim_vectors
    from checker.align.constraints import cannot_link
    from checker.align.features import feature_tensor
    from checker.nlp.embedding_model import embed_texts

    claims, at = _indexed(
        "The quake struck off the coast at 7:48 a.m. local time, 75 kilometers (50 miles) west of Manokwari.",
        "Wednesday's shallow quake hit at 7 : 48 am (2248 GMT Tuesday) just off the coast, some 75 kilometres "
        "(50 miles) west of Manokwari.",
    )
    # The parser's picks: "time" and "am", far apart.
    assert (claims[at("0.txt", "75 kilometers")].counted_head, claims[at("1.txt", "some 75")].counted_head) == ("time", "am")
    frame, context, counted = claim_vectors(claims, embed_texts)
    features = feature_tensor(claims, frame @ frame.T, context @ context.T, counted @ counted.T, _lexicon())
    assert not cannot_link(claims, features, _lexicon())[at("0.txt", "75 kilometers"), at("1.txt", "some 75")]


def test_a_part_named_by_its_own_place_counts_that_place():
    """'Over 170,000 of them in Aceh' is Aceh's toll, comparable with another report's
    '168,000 killed in Aceh'; a bare '300,000 of those' stays a part."""
    from checker.align.constraints import is_part

    claims, at = _indexed(
        "The tsunami killed more than 230,000 people, over 170,000 of them in Aceh.",
        "Almost 900,000 people have fled, and more than 300,000 of those since February.",
    )
    aceh, since = claims[at("0.txt", "over 170,000")], claims[at("1.txt", "more than 300,000")]
    assert aceh.part_of and since.part_of  # extraction still says each is part of a figure
    assert not is_part(aceh) and is_part(since)


def test_a_floor_held_in_each_of_several_seasons_is_not_one_seasons_total():
    from checker.align.pair_rules import never_together
    from checker.align.facet_pairs import facets_apart_by_facet

    claims, at = _indexed(
        "Teixeira, 28, has hit at least 30 homers and driven in at least 105 runs in each of the past five seasons.",
        "Overall, he finished the season with a .308 average, 33 homers and 121 RBI.",
    )
    floor, total = at("0.txt", "at least 30"), at("1.txt", "33")
    apart = dict(facets_apart_by_facet(claims, {"each_period": "marked_vs_unmarked"}))["each_period"]
    assert apart[floor, total]
    assert never_together(claims, _lexicon())[total, floor]
    assert not apart[at("0.txt", "at least 30"), at("0.txt", "at least 105")]


def test_an_article_that_tells_of_an_earlier_days_event_keeps_its_own_figures_apart_from_it():
    """20_5 of ECB+ is about Monday's second quake and recalls Sunday's: its undated
    magnitude and injured are Monday's, never the Sunday quake's of the other articles."""
    report = _run(
        "A 5.6 magnitude earthquake hit an island off Iran's southern coast on Sunday, injuring five people.",
        "Iran's state television says a magnitude-5.2 quake has injured three people on Qeshm island. "
        "Monday's earthquake was the second one to hit Qeshm in the past 24 hours. "
        "Earlier on Sunday a 5.6 quake jolted the island.",
    )
    assert _not_grouped(report, "5.6 magnitude", "magnitude-5.2")
    assert _not_grouped(report, "five", "three")
    assert not _not_grouped(report, "5.6 magnitude", "5.6")


def test_two_weekdays_alone_do_not_keep_figures_apart():
    """Without an article telling of two events, a figure on Sunday and one on Monday may be
    one quantity told on two days: the compare stage says the dates differ."""
    from checker.align.event_days import other_days_events
    from checker.extract.days import article_days

    texts = (
        "Officials said on Sunday that 40 people had been killed in the attack.",
        "The toll from the attack rose to 45 people killed on Monday, officials said.",
    )
    claims, _ = _indexed(*texts)
    articles = [Article(id=f"{i}.txt", path=f"{i}.txt", text=t) for i, t in enumerate(texts)]
    assert {c.text for c in claims} == {"40", "45"}
    assert not other_days_events(claims, article_days(articles)).any()


def test_lives_claimed_count_the_same_dead_as_people_killed():
    report = _run(
        "The rising casualty toll, more than 640 Palestinians killed since the assault began 12 days ago, gave fresh impetus to talks.",
        "After 13 days of bombardment of Gaza, which has claimed more than 660 lives, the pressure for a ceasefire grew.",
    )
    assert not _not_grouped(report, "more than 640", "more than 660")


def test_a_physical_measure_never_groups_with_a_figure_of_another_dimension():
    from checker.align.dimensions import different_dimensions

    claims, at = _indexed(
        "Two tonnes of medicine was also flown in by the health ministry to the airport.",
        '"Our ambulances are picking up two more," he said.',
        "The quake struck 35 kilometers (22 miles) from the city, at a depth of 35 kilometers.",
        "A 7.6 quake and a magnitude 7.6 tremor were both reported.",
    )
    apart = different_dimensions(claims, _lexicon().units_left_out)
    assert apart[at("0.txt", "Two tonnes"), at("1.txt", "two")]
    assert not apart[at("2.txt", "35 kilometers"), at("2.txt", "22 miles")]
    assert not apart[at("3.txt", "7.6"), at("3.txt", "magnitude 7.6")]


def test_the_dead_of_several_schools_are_never_one_group_with_the_dead_of_one():
    """A toll over strikes on several schools holds the toll of one school as a part."""
    apart, at = _never_together(
        "The bombing of UN schools being used as refugee centres and of housing killed more than 50 people.",
        "No militants were inside a United Nations-run school attacked by Israeli forces, leaving 40 people dead.",
        "The attack on one of his schools killed 40 Palestinians seeking shelter.",
        "Doctors said 42 people were killed in the Jabaliya school.",
    )
    several = at("0.txt", "more than 50")
    assert apart[several, at("1.txt", "40")] and apart[several, at("3.txt", "42")]
    # "one of his schools" is one school: the same strike as "a school"
    assert apart[several, at("2.txt", "40")]
    assert not apart[at("1.txt", "40"), at("2.txt", "40")] and not apart[at("2.txt", "40"), at("3.txt", "42")]


def test_end_to_end_the_toll_of_one_school_is_not_grouped_with_all_strikes():
    report = _run(
        "Israel's assault has exacted its bloodiest toll yet, when the bombing of UN schools and of housing killed more than 50 people.",
        "An Israeli strike on a UN school in Jabaliya killed 40 people, the UN said.",
    )
    assert _not_grouped(report, "more than 50", "40")


def test_a_figure_set_beside_another_holders_figure_is_not_that_holders():
    """'compared with IBM's 10 percent share': the 7 percent of that sentence is not IBM's."""
    from checker.align.pair_rules import never_together

    claims, at = _indexed(
        "HP estimates that the deal will give it about 7 percent of the technology services market, compared with IBM's 10 percent share.",
        "With $54 billion in services revenue, IBM had 7.2 % of the market.",
        "Analysts said HP would hold about 7 percent of the market after the deal.",
    )
    apart = never_together(claims, _lexicon())
    assert apart[at("0.txt", "about 7 percent"), at("1.txt", "7.2 %")]
    assert not apart[at("0.txt", "10 percent"), at("1.txt", "7.2 %")]
    assert not apart[at("0.txt", "about 7 percent"), at("2.txt", "about 7 percent")]


def test_a_merged_companys_figure_is_never_one_of_its_parts():
    from checker.align.pair_rules import never_together
    from checker.align.holders import holder, same_holder

    claims, at = _indexed(
        "The impending deal would make the newly merged company worth about $22 billion.",
        "At $22 billion, EDS had 3 %, while H-P had 2.3 %.",
        "EDS earned $716 million on $22.1 billion in revenue last year.",
    )
    assert holder(claims[at("1.txt", "$22 billion")], _lexicon().holder_words) == "eds"
    assert same_holder(holder(claims[at("1.txt", "2.3 %")], _lexicon().holder_words), "hp", _lexicon().holder_words.suffixes)
    apart = never_together(claims, _lexicon())
    assert apart[at("0.txt", "about $22 billion"), at("1.txt", "$22 billion")]
    assert not apart[at("1.txt", "$22 billion"), at("2.txt", "$22.1 billion")]


def test_one_companys_market_share_from_two_outlets_is_grouped_and_flagged():
    report = _run(
        "HP estimates that the deal will give it about 7 percent of the technology services market, compared with IBM's 10 percent share.",
        "With $54 billion in services revenue, IBM had 7.2 % of the market.",
    )
    assert "value_conflict" in _kinds_of_shared_group(report, "10 percent", "7.2 %")
    assert _not_grouped(report, "about 7 percent", "7.2 %")


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("los angeles angels", "angels", True),
        ("hewlett packard co", "hp", True),
        ("h p", "hp", True),
        ("baltimore", "baltimore orioles", True),
        ("eds", "ibm", False),
        ("sabathia", "angels", False),
        ("los angeles dodgers", "los angeles angels", False),
    ],
)
def test_holder_names_match_on_last_word_or_acronym(a, b, same):
    from checker.align.holders import same_holder

    suffixes = _lexicon().holder_words.suffixes
    assert same_holder(a, b, suffixes) is same and same_holder(b, a, suffixes) is same


def test_offers_of_two_bidders_are_never_one_group():
    """The Angels' eight-year offer is not Sabathia's seven-year deal with the Yankees."""
    report = _run(
        "The Angels have made an eight-year offer to free agent first baseman Mark Teixeira.",
        "Sabathia agreed to a seven-year, $161-million deal with the Yankees late Tuesday night.",
        "The Los Angeles Angels made an eight-year offer to first baseman Mark Teixeira.",
    )
    assert _not_grouped(report, "eight-year", "seven-year")
    a, c = _claim(report, "0.txt", "eight-year"), _claim(report, "2.txt", "eight-year")
    assert _group_of(report).get(a.id) == _group_of(report).get(c.id) is not None


def test_a_stat_line_in_brackets_is_the_named_ones():
    """'Klitschko (52-3, 46 KOs) blasted Rahman (45-7-2, 36 KOs)': 46 knockouts are
    Klitschko's, 36 Rahman's."""
    from checker.align.holders import holder

    claims, at = _indexed(
        "Wladimir Klitschko (52-3, 46 KOs) blasted a sluggish Hasim Rahman (45-7-2, 36 KOs) in Mannheim.",
        "The arrest of the 23 pirates (12 Somali and 11 Yemeni) is the largest such seizure.",
    )
    assert holder(claims[at("0.txt", "46")], _lexicon().holder_words) == "wladimir klitschko"
    assert holder(claims[at("0.txt", "36")], _lexicon().holder_words) == "hasim rahman"
    assert holder(claims[at("1.txt", "12")], _lexicon().holder_words) is None


def test_a_day_or_a_pronoun_is_not_a_holder():
    from checker.align.holders import holder

    claims, at = _indexed("Sunday's 7.6 quake was felt across the province.", "He has 189 rushing yards this season.")
    assert holder(claims[at("0.txt", "7.6")], _lexicon().holder_words) is None
    assert holder(claims[at("1.txt", "189")], _lexicon().holder_words) is None


def test_a_span_of_years_is_never_a_head_count():
    """'with the Police Department for two decades' is not 'two police officers'; an age still
    pairs with a bare number ('Kafoury, 63' / 'a 63-year-old')."""
    from checker.align.constraints import may_pair_matrix

    claims, at = _indexed(
        "Chief Russell, who has been with the Police Department for two decades, was in critical condition.",
        "This individual took the life of two police officers, critically injured the chief of police.",
        "Police named the gunman as Anthony Kafoury, 63, of Warren.",
        "The gunman, a 63-year-old man, was arrested on Friday.",
    )
    allowed = may_pair_matrix(claims)
    assert not allowed[at("0.txt", "two decades"), at("1.txt", "two")]
    assert allowed[at("2.txt", "63"), at("3.txt", "63-year-old")]


def test_those_who_fled_are_not_those_in_shelters_once_an_article_tells_them_apart():
    """41ecb: one article gives the fled (15,000) and the sheltered (5,000) their own figures,
    so another article's 15,000 in shelters is not its 15,000 who fled."""
    apart, at = _never_together(
        "Israel ordered residents to leave their homes, forcing at least 15,000 Palestinians to flee to safety "
        "elsewhere. At least 5,000 are staying in 11 different UN schools and shelters.",
        "UN schools are serving as temporary shelters to more than 15,000 Palestinians whose homes were destroyed.",
        "The UN said some 14,000 Palestinians displaced from their homes were in emergency shelters.",
    )
    fled = at("0.txt", "at least 15,000")
    assert apart[fled, at("1.txt", "more than 15,000")] and apart[fled, at("2.txt", "some 14,000")]
    # the shelter counts of the three articles stay free to group with each other
    assert not apart[at("0.txt", "At least 5,000"), at("1.txt", "more than 15,000")]
    assert not apart[at("1.txt", "more than 15,000"), at("2.txt", "some 14,000")]


def test_fled_and_sheltered_stay_free_to_group_when_no_article_tells_them_apart():
    """37ecb: 'About 14,000 people fled their homes' and 'over 14,000 people taking shelters
    in tents' are one crowd told two ways."""
    apart, at = _never_together(
        "About 14,000 people fled their homes at the weekend after a tsunami warning, the UN said.",
        "The quakes in Papua on Sunday have led over 14,000 people taking shelters in tents.",
    )
    assert not apart[at("0.txt", "About 14,000"), at("1.txt", "over 14,000")]


_CAPTIONED = (
    "The Syrian army said Tuesday that it would respond to attacks by Turkish forces. "
    "A man drives a motorcycle past Turkish military vehicles near Idlib, Syria on February 11, 2020. "
    "(Khalil Ashawi / Reuters) James Jeffrey, the U.S. envoy to Syria, will meet Turkish officials in Ankara on Wednesday. "
)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a caption's date whose weekday the text tells of, and a meeting still to come on Wednesday
        (_CAPTIONED, (dt.date(2020, 2, 11), dt.date(2020, 2, 11))),
        # a date written with its weekday: the writing is that day or within the week after
        ("Fresh riots were reported in Greece on Saturday December 13 2008.", (dt.date(2008, 12, 13), dt.date(2008, 12, 19))),
        # history: a later year is told beside it
        ("On Tuesday, Oct. 10, 1972, Washington awoke to the news. His family revealed it in 2005.", None),
        # still to come: written before that Sunday
        ("The ceremony will be televised live on Sunday, February 22, 2009, from Los Angeles.", None),
        # a date with no weekday beside it and no caption: it may be any day's history
        ("Tel Aviv broke the cease-fire on 4 November 2008. Israeli forces on Tuesday killed 40 people.", None),
    ],
)
def test_the_week_an_undated_article_was_written_in_is_read_from_its_own_text(text, expected):
    from checker.extract.days import writing_range

    assert writing_range(Article(id="a.txt", path="a.txt", text=text)) == expected


def test_a_window_of_recent_days_is_never_the_bare_figure_of_an_article_written_a_week_later():
    """Idlib: the towns taken 'in recent days' before 11 February are not the 13 towns an
    article of 17 February says were seized."""
    from checker.align.pair_rules import never_together
    from checker.extract.days import article_days

    articles = [
        Article(id="0.txt", path="0.txt", text=_CAPTIONED + "Government troops have taken control of dozens of towns and villages in recent days."),
        Article(id="1.txt", path="1.txt", text="The Observatory said Syrian forces seized 13 towns and villages.", published=dt.date(2020, 2, 17)),
        Article(id="2.txt", path="2.txt", text="The Observatory said Syrian forces seized 13 towns and villages.", published=dt.date(2020, 2, 12)),
    ]
    claims = check_articles(articles, align=False).claims
    at = {(c.article_id, c.text): i for i, c in enumerate(claims)}
    apart = never_together(claims, _lexicon(), article_days(articles))
    dozens = at[("0.txt", "dozens")]
    assert apart[dozens, at[("1.txt", "13")]]
    # written the day after the window ended: may be the same report, told late
    assert not apart[dozens, at[("2.txt", "13")]]


def test_the_same_figure_with_the_same_verb_is_not_vetoed_for_its_nouns():
    """'offered an eight-year contract' and 'made an eight-year offer' are one offer, though
    the embedding sets 'contract' and 'offer' apart; a clock time counts no noun at all."""
    from checker.align import claim_vectors
    from checker.align.constraints import cannot_link
    from checker.align.features import feature_tensor
    from checker.nlp.embedding_model import embed_texts

    claims, at = _indexed(
        "The Angels have offered an eight-year contract to Mark Teixeira.",
        "The Los Angeles Angels made an eight-year offer to first baseman Mark Teixeira.",
        "The quake struck off the coast at 7:48 a.m. local time.",
        "Wednesday's shallow quake hit at 7 : 48 am just off the coast.",
    )
    frame, context, counted = claim_vectors(claims, embed_texts)
    features = feature_tensor(claims, frame @ frame.T, context @ context.T, counted @ counted.T, _lexicon())
    vetoed = cannot_link(claims, features, _lexicon())
    assert not vetoed[at("0.txt", "eight-year"), at("1.txt", "eight-year")]
    assert not vetoed[at("2.txt", "7:48"), at("3.txt", "7 : 48")]


def test_a_clock_times_zone_is_read_inside_or_right_after_the_figure():
    from checker.subjects import clock_zone

    claims, at = _indexed(
        "A 5.6-magnitude earthquake jolted the island at 17:06 pm (1336 GMT) on Sunday.",
        "The institute registered the quake at 17:06 hours local time (13:36 GMT).",
    )
    assert clock_zone(claims[at("0.txt", "17:06")]) == "local"
    assert clock_zone(claims[at("0.txt", "1336")]) == "UTC"
    assert clock_zone(claims[at("1.txt", "13:36")]) == "UTC"


def test_years_that_name_their_noun_keep_two_things_apart():
    apart, at = _never_together(
        "Voters remember the 2016 election well.",
        "Turnout in the 2020 election was the highest in a century.",
        "The 2016 election was decided in three states, and the law changed in 2016.",
    )
    assert apart[at("0.txt", "2016"), at("1.txt", "2020")]  # two elections
    assert not apart[at("0.txt", "2016"), at("2.txt", "2016")]  # one election, one year
    # a year that names nothing ("changed in 2016") is a date, left to the model
    claims, _ = _indexed("The law changed in 2016.", "The 2020 election was close.")
    from checker.align.constraints import years_naming_different_things

    assert not years_naming_different_things(claims).any()


def test_two_ages_given_for_one_role_are_flagged_two_anybodies_are_not():
    report = _run(
        "The gunman, a 38-year-old man from Ohio, was arrested at the scene on Tuesday, police said.",
        "Police said the gunman, aged 39, was arrested at the scene on Tuesday.",
    )
    assert {f.kind.value for f in report.findings + report.possible_findings} == {"value_conflict"}
    report = _run(
        "Police said a 38-year-old man was taken to hospital with a gunshot wound on Tuesday.",
        "Police said a man, aged 39, was taken to hospital with a gunshot wound on Tuesday.",
    )
    assert [f for f in report.findings + report.possible_findings if f.kind.value == "value_conflict"] == []


def test_an_ordinal_that_is_a_quantity_can_disagree():
    report = _run(
        "The fire broke out on the 14th floor of the tower early on Wednesday, officials said.",
        "The fire broke out on the 4th floor of the tower early on Wednesday, officials said.",
    )
    assert {c.text for c in report.claims} == {"14th", "4th"}
    assert "value_conflict" in _kinds_of_shared_group(report, "14th", "4th")
    # an ordinal counts what it modifies; a mere position in a sequence is no claim at all
    assert [c.text for c in _run("It was the seventh straight day of riots in the city.").claims] == ["seventh"]
    assert _run("Prices fell for the first time in the 21st century.").claims == []


def test_an_ordinal_of_a_span_is_how_long_it_has_lasted():
    """"Nears its ninth year": at most nine years so far, a duration that can meet "the
    nine-year war", and the year is its unit, not what it counts."""
    [claim] = _run("The Syrian civil war, which nears its ninth year, goes on.").claims
    assert (claim.kind.value, claim.bound.value, claim.value.low, claim.value.high) == ("duration", "at_most", 8.0, 9.0)
    assert (claim.unit, claim.counted) == ("year", None)


def test_a_group_says_which_rules_kept_a_claim_the_model_would_have_linked_out_of_it(idlib_report):
    """Idlib: 'including five killed on Monday' is a part of the Turkish soldiers killed; the
    model would link it to the other tolls, the part facet keeps it out, and the JSON says so."""
    claims = {c.id: c for c in idlib_report.claims}
    kept = [(g, k) for g in idlib_report.groups for k in g.kept_apart or []]
    assert kept, "no group names a claim rules kept out of it"
    for group, pair in kept:
        member, other = pair.claim_ids
        assert member in group.claim_ids and other not in group.claim_ids
        assert pair.rules and all(r.startswith(("align.", "facets.")) for r in pair.rules)
    part = [k for _, k in kept if "facets.part" in k.rules]
    assert part and any(claims[k.claim_ids[1]].facets.get("part") == "including" for k in part)


def test_values_are_compared_in_their_dimensions_unit():
    """'three years' and 'three decades' are 3 and 30 years: not the same value, however the
    digits read; '13 nautical miles (about 24km)' is the same distance twice."""
    from checker.align.features import COLUMN, feature_tensor
    import numpy as np

    claims, at = _indexed(
        "The judge added three years to his term.",
        "He spent three decades feigning madness.",
        "The warship was 13 nautical miles (about 24 km) away.",
    )
    n = len(claims)
    same = np.ones((n, n))
    features = feature_tensor(claims, same, same, same, _lexicon())
    years, decades = at("0.txt", "three years"), at("1.txt", "three decades")
    assert features[years, decades, COLUMN["same_point"]] == 0
    assert features[years, decades, COLUMN["values_overlap"]] == 0
    assert features[years, decades, COLUMN["log_ratio"]] > 0.3
    miles, km = at("2.txt", "13 nautical miles"), at("2.txt", "about 24 km")
    assert features[miles, km, COLUMN["values_overlap"]] == 1


def test_a_depth_is_never_a_distance_from_a_place_of_the_same_value():
    """'A depth of 12 miles' and 'twelve miles east of Cloverdale' share a value, not a
    quantity: the depth facet excludes the offset facet (rules/facets/depth.yml)."""
    from checker.align.pair_rules import never_together

    claims, at = _indexed(
        "The quake struck near The Geysers with a depth of 12 miles.",
        "The quake began twelve miles east of Cloverdale.",
        "The quake struck at a depth of 12 miles, the survey said.",
    )
    apart = never_together(claims, _lexicon())
    depth, offset, other_depth = at("0.txt", "12 miles"), at("1.txt", "twelve miles"), at("2.txt", "12 miles")
    assert claims[depth].facets.get("depth") and claims[offset].facets.get("offset")
    assert apart[depth, offset] and apart[offset, depth]
    assert not apart[depth, other_depth]
