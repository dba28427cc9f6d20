"""Which version of the analysis produced a round's stored findings and numbers.

`ANALYSIS_VERSION` is bumped whenever the analysis rules change (what an answer's analysis or
its findings hold): each round stores the version it was analysed with (version 0: analysed
before versions were kept, not known), and a round analysed by an older version says so in its
review and is offered to be analysed again (app/backfill.reanalyse_rounds). One source of the
number and of the wording every view shows.
"""
from __future__ import annotations

# Bump when the analysis rules change (tests/test_analysis_version.py fails until it is, with the
# digest to record). 1: the first version stored with the rounds. 2: talking points (trial 48: keywords
# heard on their function words, a label as a part of a short point).
ANALYSIS_VERSION = 2
UNKNOWN_ANALYSIS_VERSION = 0  # a round analysed before the version was stored

OLDER_ANALYSIS_TEXT = "Analysed with an older version of the analysis."
ANALYSE_AGAIN_TEXT = "Analyse again"


def analysed_by_older_version(version: int | None) -> bool:
    """True for a round whose stored analysis an older version of the rules produced (or one
    whose version is not known)."""
    return version is None or version < ANALYSIS_VERSION


def analyse_older_rounds_text(count: int) -> str:
    """The action offered for `count` rounds analysed by an older version: "Analyse 4 older
    rounds again"."""
    return f"Analyse {count} older round{'s' if count != 1 else ''} again"


def older_rounds_line(count: int) -> str:
    """Progress's line when several rounds were analysed by an older version (the action its link)."""
    return f"{count} rounds were analysed with an older version of the analysis."


# Progress offers the older rounds from this many (one is offered in its own review).
OFFER_OLDER_ROUNDS_FROM = 2
