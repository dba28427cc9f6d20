"""A time or space complexity, stated as speech recognition writes it.

tiny.en rarely writes "n log n": trial 21's "n log n for the sort, linear for the merge pass, so n
log n overall" came out "and log in for the sword, and then later for the merge pass, uh, and log in
overall", and the follow-up "What's the time complexity of that?" was asked straight after. The
if_missing words of a complexity follow-up ("n log n", "linear", "o of n") miss those spellings;
these patterns read the shapes a complexity takes when said (a variable, "log", a variable; "o
of ..."; "linear time"; "n squared") with the usual mishearings of "n" (and, end, in, an) and "o"
(oh). Read only where the follow-up asks about complexity: "linear" or "log" alone mean other
things elsewhere (a linear model, a log file).
"""
from __future__ import annotations

import re

# "n" as heard: a letter, or the words it is misheard as ("and log in", "end log n", "in squared").
_N = r"(?:[nmkve]|and|end|an|in|n's)"
_LOG = r"(?:log|logs|lock|lug)"
_STATES = re.compile("|".join((
    rf"\b{_N}\s+{_LOG}\s+{_N}\b",  # n log n, "and log in", "end log n", m log k
    r"\bn\s*log\s*n\b|\bn\s+login\b|\blog\s+(?:of\s+)?[nk]\b",  # "nlogn", "n login", log n, log of n
    rf"\b(?:o|oh|big\s+o)\s*(?:of|\()\s*(?:{_N}|1|one|log|\w+\s+squared)\b",  # O(n), "oh of one", O of log n
    rf"\b{_N}\s+squared\b|\b{_N}\s+(?:times|by)\s+{_N}\b",  # n squared, "and squared", n times m
    r"\b(?:linear|quadratic|cubic|logarithmic|exponential|constant|log)\s+(?:time|space|memory|extra\s+space|in\s+the)\b",
    r"\b(?:linear|quadratic|logarithmic|linearithmic|sublinear|amortized)\b(?!\s+(?:model|regression|layer|probe|classifier|algebra))",
    r"\bv\s*(?:plus|\+)\s*e\b",
)))
# A follow-up (or talking point) about complexity, by its own words.
_ASKS = re.compile(r"\b(?:complexity|big\s*o|o\s*\(|runtime|running\s+time|time\s+and\s+space|how\s+(?:fast|slow)\s+is)\b")


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w()+]+", " ", text.lower()).split())


def asks_about_complexity(text: str) -> bool:
    """`text` (a follow-up's question) asks for a time or space complexity."""
    return bool(_ASKS.search(_plain(text)))


def states_complexity(said: str) -> bool:
    """`said` gives a time or space complexity, in the words speech recognition wrote for it."""
    return bool(_STATES.search(_plain(said)))
