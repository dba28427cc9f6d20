"""Common mistakes: whether what the candidate said makes a question's pitfall claim (Qt-free).

A question script lists, per question, the wrong claims an interviewer listens for
(`[[questions.pitfalls]]`, scripts.model.Pitfall; docs/question-scripts.md). Trial 33: "L1
regularization makes the weights smaller but never exactly zero" and "trees are the best choice
for images and text" got "Thank you.", a "Went well" and two talking points ticked covered. Here
one rule decides whether a sentence makes a claim; the engine pushes back on it once
(core.engine, `pitfall_follow_up`), and the review quotes it as "Check this" with the correction,
no talking point counting it as evidence (analysis.coverage, analysis.summary).

A sentence makes a pitfall's claim when all three hold (precision first: a correct answer must
never be pushed back on):

* every entry of the pitfall's `keywords` is heard in it (an entry is alternatives, "l1|lasso"),
  as written (keywords.keyword_hits without its tolerance of near spellings: "with replacement"
  is near "without replacement", "an interval" near "no interval");
* it is no question ("Why does L1 give exact zeros?" claims nothing), and clauses set against
  each other or joined after a comma ("..., while ...", "whereas", "..., and ...") are read one at
  a time;
* it has the claim's polarity: negated (not, never, no, "n't", struggles, rather than...) outside
  the keywords' own words exactly when the claim is ("never exactly zero" vs "exactly zero"; "trees
  struggle with images" makes no claim that trees are best for images);
* it says fewer than CORRECTION_WORDS content words that only the correction says ("On tabular
  data I'd use XGBoost, and for images a neural net" names both sides: tabular, neural);
* it is closer in meaning to the claim than to the correction (the matcher's encoder: the
  sentence-embedding model in the app, the bag of stems without it), by CONTRAST_MARGIN: "for
  images and text, neural networks beat trees" names trees and images but says the correction.

A pitfall without keywords is decided on polarity and meaning alone, with a wider margin
(NO_KEYWORD_MARGIN). Measured on benchmarks/pitfalls_bench.py (correct paraphrases vs wrong
claims per bundled question; docs/analysis.md).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from interviewer.core.keywords import STOPWORDS, keyword_hits, stem, words
from interviewer.core.scripts.model import FollowUp, Pitfall, Question

# Follow-up ids of the push-back on a pitfall start with this, then the pitfall's index.
PITFALL_ID = "pitfall"
CONTRAST_MARGIN = 0.0     # closer to the claim than to the correction, by at least this
NO_KEYWORD_MARGIN = 0.15  # the same without keywords: meaning alone must be clearly the claim's
MIN_CLAIM_SIMILARITY = 0.2  # and at least this close to the claim

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")
_NEGATIONS = frozenset({
    "not", "never", "no", "none", "nothing", "cannot", "without", "neither", "nor", "hardly", "rarely",
    "struggle", "struggles", "poorly", "worse", "nowhere", "nobody", "unlike", "rather", "instead",
    "fail", "fails",
})


@dataclass(frozen=True)
class PitfallHit:
    """A sentence that makes the claim of pitfall `index` of its question."""

    index: int
    pitfall: Pitfall
    sentence: str


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text or "") if s.strip()]


def negated(text: str, keywords: Sequence[str] = ()) -> bool:
    """Said with a negation ("never", "not", "isn't", "struggles", "rather than"...) outside the
    words of `keywords` it says: "items a user didn't click are negatives" negates nothing it
    claims ("didn't click" names the items), "unclicked items are unknown, not negative" does."""
    said = words(text.replace("\u2019", "'"))
    for keyword in keyword_hits(text, list(keywords), fuzzy=False) if keywords else ():
        for w in words(keyword):
            if w in said:
                said.remove(w)
    return any(w in _NEGATIONS or w.endswith("n't") for w in said)


def _alternatives(pitfall: Pitfall) -> list[str]:
    return [a.strip() for entry in pitfall.keywords for a in entry.split("|") if a.strip()]


def keywords_heard(pitfall: Pitfall, sentence: str) -> bool:
    """Every keyword entry of `pitfall` (alternatives "a|b") heard in `sentence`."""
    return all(keyword_hits(sentence, [a.strip() for a in entry.split("|") if a.strip()], fuzzy=False)
               for entry in pitfall.keywords)


def asks(sentence: str) -> bool:
    """A question claims nothing ("How many resamples would you draw?")."""
    return sentence.rstrip().endswith("?")


# Two claims set against each other, or joined after a comma, are two claims: "L1 gives exact
# zeros, while L2 just shrinks them" says nothing about L2 giving sparse models, "on tabular data
# I'd use XGBoost, and for images a neural net" nothing about neural nets on tabular data.
_CONTRAST = re.compile(r",?\s+\b(?:while|whereas)\b\s+|,\s+and\s+", re.IGNORECASE)


def states(pitfall: Pitfall, sentence: str, matcher=None) -> bool:
    """Whether `sentence` makes `pitfall`'s claim (see the module's docstring), in one of its
    clauses set against each other or joined after a comma ("..., while ...", "..., and ...").
    `matcher`: a core.matching.Matcher (its encoder and cache); None: the bag-of-stems encoder."""
    if asks(sentence):
        return False
    return any(_states(pitfall, clause, matcher) for clause in _clauses(sentence))


# Parallel "X for Y" pairs after a comma are one claim each: "Trees for tabular data, neural
# networks for images and text." (correct) was read as one clause naming neural networks and
# tabular data, and pushed back on as "neural networks work best on small tabular data" (trial
# 37). A comma after a phrase with no "X for Y" of its own ("On small tabular data, neural
# networks win") still joins one claim.
_PAIR = re.compile(r"\w\s+for\s+\w", re.IGNORECASE)


def _clauses(sentence: str) -> list[str]:
    out = []
    for clause in _CONTRAST.split(sentence):
        parts = [p for p in clause.split(",") if p.strip()]
        if len(parts) > 1 and all(_PAIR.search(p) for p in parts):
            out += parts
        elif clause.strip():
            out.append(clause)
    return out


# A sentence saying this many content words of the correction that the claim does not say ("On
# tabular data I'd use XGBoost, and for images a neural net": tabular, neural) says the correction.
CORRECTION_WORDS = 2


def _content(text: str) -> set[str]:
    return {stem(w) for w in words(text) if w not in STOPWORDS and len(w) > 2}


def says_the_correction(pitfall: Pitfall, sentence: str) -> bool:
    """The sentence says CORRECTION_WORDS or more content words of the correction's own (not the
    claim's, nor the keywords'): it is the correction, or both sides of the comparison."""
    return len(_correction_own(pitfall) & _content(sentence)) >= CORRECTION_WORDS


# The items of a list of pairings ("trees for tabular data, neural networks for images and text",
# "... data and neural networks for ..."): where each thing a sentence names is put. A clause that
# goes on from the one before ("NDCG is a big gain, so I'd ship it") is no new item.
_GOES_ON = r"(?!\s*(?:and\s+)?(?:so|then|thus|hence|because|since|as|which|that|therefore)\b)"
_ITEMS = re.compile(rf"\s*[,;:]\s*{_GOES_ON}|\s+\b(?:and|but|while|whereas)\b\s+{_GOES_ON}", re.IGNORECASE)


def _correction_own(pitfall: Pitfall) -> set[str]:
    """Content words only the correction says (not the claim, nor the keywords): the other side."""
    return _content(pitfall.correction) - _content(pitfall.claim) - _content(" ".join(_alternatives(pitfall)))


def _claims_other_half(pitfall: Pitfall) -> set[str]:
    """A claim that swaps two things says both ("Bias is the error from the model being too
    complex, and variance is the error from it being too simple"): the words of its half without
    the keywords, not in the half with them (variance, simple), are the other side too."""
    halves = [h for h in _CONTRAST.split(pitfall.claim) if h.strip()]
    with_keywords = [h for h in halves if keywords_heard(pitfall, h)]
    if not with_keywords or len(with_keywords) == len(halves):
        return set()
    said = set().union(*(_content(h) for h in with_keywords))
    return set().union(*(_content(h) for h in halves if h not in with_keywords)) - said


def on_other_sides(pitfall: Pitfall, sentence: str) -> bool:
    """The claim's keywords are said in different items of a list, and an item pairs one of them
    with the other side of the comparison (a word only the correction says): "Trees for tabular
    data, neural networks for images and text" puts tabular data with the trees, not with the
    networks of "Neural networks work best on small tabular data sets" (trial 37). A sentence
    with every keyword in one item ("On small tabular data, neural networks work best" has none
    paired otherwise) is read as a whole."""
    if len(pitfall.keywords) < 2:
        return False
    items = [i for i in _ITEMS.split(sentence) if i and i.strip()]
    if len(items) < 2 or any(keywords_heard(pitfall, item) for item in items):
        return False
    other_side = _correction_own(pitfall) | _claims_other_half(pitfall)
    for item in items:
        holds = [entry for entry in pitfall.keywords
                 if keyword_hits(item, [a.strip() for a in entry.split("|") if a.strip()], fuzzy=False)]
        if holds and _content(item) & other_side:
            return True
    return False


def _states(pitfall: Pitfall, sentence: str, matcher=None) -> bool:
    if not sentence.strip() or asks(sentence) or (pitfall.keywords and not keywords_heard(pitfall, sentence)):
        return False
    keywords = _alternatives(pitfall)
    if negated(sentence, keywords) != negated(pitfall.claim, keywords) or says_the_correction(pitfall, sentence):
        return False
    if on_other_sides(pitfall, sentence):
        return False
    from interviewer.core.matching import Matcher, dot  # matching imports scripts.model only
    matcher = matcher or _default_matcher()
    said, claim, correction = matcher.vectors([sentence, pitfall.claim, pitfall.correction])
    to_claim, to_correction = dot(said, claim), dot(said, correction)
    margin = CONTRAST_MARGIN if pitfall.keywords else NO_KEYWORD_MARGIN
    return to_claim >= MIN_CLAIM_SIMILARITY and to_claim > to_correction + margin


_MATCHER = None


def _default_matcher():
    global _MATCHER
    if _MATCHER is None:
        from interviewer.core.matching import Matcher
        _MATCHER = Matcher()
    return _MATCHER


def pitfall_hits(pitfalls: Sequence[Pitfall], text: str, matcher=None,
                 skip: frozenset[int] | set[int] = frozenset()) -> list[PitfallHit]:
    """The pitfalls `text` makes (not those in `skip`), each once, with its first sentence that does."""
    out = []
    said = sentences(text)
    for i, pitfall in enumerate(pitfalls):
        if i in skip:
            continue
        sentence = next((s for s in said if states(pitfall, s, matcher)), None)
        if sentence is not None:
            out.append(PitfallHit(i, pitfall, sentence))
    return out


# Said before a scripted probe that does not challenge by itself: trial 35 got "What changes
# after launch that your offline test couldn't see?" after a wrong claim, which sounded like an
# ordinary follow-up; the candidate may not notice they were challenged.
PUSH_BACK_LEAD_IN = "Are you sure about that?"
# A probe that already challenges opens so ("Are you sure?", "Hmm, ...", "Really?"), or with a
# short echo of the claim ("Always better?", "Better than what?").
_CHALLENGES = re.compile(r"^(?:hmm|are you (?:sure|certain)|really|is that (?:so|right|true|always)|hold on|wait|"
                         r"not (?:quite|so fast)|i'm not sure|i am not sure|let me push|always|never)\b", re.IGNORECASE)
_ECHO_WORDS = 3


def push_back_text(probe: str) -> str:
    """What the interviewer says to push back: the scripted probe, after PUSH_BACK_LEAD_IN unless
    the probe already challenges."""
    probe = probe.strip()
    first = re.split(r"(?<=[?.!])\s+", probe, maxsplit=1)[0]
    if _CHALLENGES.match(probe) or (first.endswith("?") and len(first.split()) <= _ECHO_WORDS and first != probe):
        return probe
    return f"{PUSH_BACK_LEAD_IN} {probe}"


def pitfall_follow_up(question: Question, index: int) -> FollowUp:
    """The push-back on pitfall `index` of `question`, as a follow-up of the engine's own."""
    pitfall = question.pitfalls[index]
    return FollowUp(f"{PITFALL_ID}-{index}", push_back_text(pitfall.probe))


def is_pitfall_follow_up(follow_up_id: str | None) -> bool:
    return bool(follow_up_id) and follow_up_id.startswith(PITFALL_ID + "-")
