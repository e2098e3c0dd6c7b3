"""A claim's facets: facts about a figure read once, from the words around it, as the rules
of rules/facets/ declare them (a sum over parts, a change rather than a level, a figure that
held in each of several periods, ...). The aligner pairs on them; the JSON report shows them.
"""

from checker.extract.facets.reader import read_facets

__all__ = ["read_facets"]
