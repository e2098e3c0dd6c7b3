"""English pronouns by what they can stand for: the closed word classes that attribution,
holders, frames and pair links read, from rules/lexicons/pronouns.yml."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from checker.ruleset import RuleSet
from checker.ruleset.schema import PronounsRule


class Pronouns(BaseModel):
    """The pronoun classes; no field has a default, as a stage read without them would
    quietly resolve no speaker and follow no clause."""

    model_config = ConfigDict(frozen=True)

    # a person: "he said", "she told", "quoted him"
    person: frozenset[str]
    # subjects that stand for someone named elsewhere: "he said", "it reported", "they counted"
    subject: frozenset[str]
    # the speaker themself, inside a quote: "I counted 40"
    first_person: frozenset[str]
    # any pronoun a sentence's speaker can be: never a side's own name
    speakers: frozenset[str]
    # words that point back to something counted earlier: "of those", "which"
    anaphoric: frozenset[str]

    @classmethod
    def from_rules(cls, rules: RuleSet) -> "Pronouns":
        return cls(**rules.word_fields(PronounsRule, ("person", "subject", "first_person", "speakers", "anaphoric")))
