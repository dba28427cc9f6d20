"""Probes: what the interviewer asks to dig into a talking point the candidate has not made yet,
when a part's planned questions are done while much of its time is left (core.engine,
`RoundEngine._probe_missed_point`; trial 31: a 55-minute design round ended at 12:07 after one
question per part).

A probe asks about the point's topic area without giving the point away ("What would you watch
for in production, and how would you undo a bad release?", never "Canary new models on a share of
orders"). One bundled wording per area of the bundled scripts; an area without one gets the
kind's default. Pure data and one function: no Qt, no heavy libraries.
"""
from __future__ import annotations

import re

from interviewer.core.scripts.model import ExpectedPoint, FollowUp

# Follow-up ids of probes start with this (then the point's index in its question, and "-again"
# for the second): the engine's own follow-ups, like ask-for-more and push-back, not the script's.
PROBE_ID = "probe"

PROBES: dict[str, str] = {
    "algorithm design": "Why does your algorithm work, and could it be faster?",
    "class imbalance": "How would you deal with how rare the positive cases are?",
    "clarifying requirements": "Is there anything else you'd want to pin down about the requirements?",
    "cold start": "What do you do for new users or items that have no history yet?",
    "collaboration and influence": "How did you bring the other people along?",
    "complexity analysis": "What's the time and space complexity of that?",
    "customer focus": "How did that affect the customer, and how did you know?",
    "data and labels": "Where exactly do the labels come from, and how far can you trust them?",
    "edge cases": "What could go wrong here? Which odd inputs or failures would you plan for?",
    "evaluation metrics": "How would you know it works? Which numbers would you look at, offline and live?",
    "failure analysis": "How would you find out what went wrong, and what would you check first?",
    "feature engineering": "Which features matter most, and how fresh must each be?",
    "generalization": "How do you know it holds up beyond the data you trained on?",
    "model fundamentals": "How does that work under the hood?",
    "modeling choices": "Which approach would you pick there, and why over the alternatives?",
    "monitoring and rollback": "What would you watch for in production, and how would you undo a bad release?",
    "online experiments": "How would you test it on live traffic before a full launch?",
    "optimization": "How would you train it: which optimizer and settings, and what would you watch?",
    "personal ownership": "What did you do yourself, as opposed to the team?",
    "privacy and safety": "What privacy or safety concerns would you plan for here?",
    "probability and statistics": "How would you put numbers on the uncertainty there?",
    "problem framing": "Step back for a moment: how exactly would you frame the problem?",
    "quantified results": "How did you measure the result? Can you put a number on it?",
    "reflection and learning": "Looking back, what would you do differently?",
    "scaling up": "What changes when it has to handle ten times the load?",
    "serving and latency": "How would you serve it within the latency budget, and what if the model is slow?",
    "story context": "Give me a bit more context: what was the situation, and what was at stake?",
    "system architecture": "Walk me through the pieces: what sits on the request path, and what feeds it?",
    "testing": "How would you test it? Which cases would you try first?",
    "tradeoffs": "Which of your choices here costs you the most, and what's the main tradeoff?",
    "training and validation": "How would you train and validate it so the offline numbers hold up live?",
}
# No two wordings share a lead-in: "Go deeper on the model: ..." and "Go deeper on the features:
# ..." in one round were the same frame said twice (trial 34 D5), as AGAIN_FRAMES are never.
# "Which approach would you pick there" for modeling choices: "Go deeper on the model" asked in
# Framing about the next part's subject (the framing question's point is per-stage or end-to-end).
DEFAULT_PROBES: dict[str, str] = {
    "behavioral": "Could you go deeper on that? What did you do, and what came of it?",
    "coding": "What would you check or change in your solution before calling it done?",
    "phone_screen": "What would you check or change in your solution before calling it done?",
    "default": "What would you add to that, and why?",
}


# A point still missed after a thin answer to its probe gets one more, worded on its area (or the
# kind's default), each time in another frame: no frame twice in a round (trial 32: "Let's stay on
# serving and latency a little longer. What else would you consider there?" and then "Let's stay
# on monitoring and rollback a little longer. What else would you consider there?", word for word).
AGAIN_FRAMES = (
    "Let's stay on {area} a little longer. What else would you consider there?",
    "One more angle on {area}: what could go wrong there that we haven't touched?",
    "Before we leave {area}: what would you still want to settle there?",
    "Say a bit more about {area}. What would a careful team not skip?",
    "Back to {area} for a moment: what would you check before trusting it?",
    "Take {area} one step further: what would you do next there?",
    "Staying with {area}: what's the part you'd worry about most?",
    "On {area} again: what have we left out?",
)
# What a second probe's frame names: the area in words a candidate can interpret, never an internal
# label (trial 36: "Let's stay on reflection and learning a little longer. What else would you
# consider there?" after "Looking back, what would you do differently?"). An area not listed is
# named "that" (the point its first probe just asked about). A subject names the topic only, as the
# first probe does, never the point itself.
AREA_SUBJECTS: dict[str, str] = {
    "algorithm design": "your algorithm",
    "class imbalance": "the rare positive cases",
    "clarifying requirements": "the requirements",
    "cold start": "new users and items",
    "collaboration and influence": "bringing the other people along",
    "complexity analysis": "time and space complexity",
    "customer focus": "the effect on the customer",
    "data and labels": "where the labels come from",
    "edge cases": "odd inputs and failures",
    "evaluation metrics": "how you'd know it works",
    "failure analysis": "finding out what went wrong",
    "feature engineering": "the features",
    "generalization": "how it holds up beyond the training data",
    "model fundamentals": "how it works under the hood",
    "modeling choices": "the choice of approach",
    "monitoring and rollback": "watching it in production and undoing a bad release",
    "online experiments": "testing it on live traffic",
    "optimization": "how you'd train it",
    "personal ownership": "your own part",
    "privacy and safety": "privacy and safety",
    "probability and statistics": "the uncertainty",
    "problem framing": "how you'd frame the problem",
    "quantified results": "measuring the result",
    "reflection and learning": "what you'd do differently",
    "scaling up": "ten times the load",
    "serving and latency": "serving it within the latency budget",
    "story context": "the situation",
    "system architecture": "the pieces of the system",
    "testing": "how you'd test it",
    "tradeoffs": "the tradeoffs",
    "training and validation": "training and validating it",
}


def subject_of(area: str) -> str:
    """The words a probe frame names `area` with (AREA_SUBJECTS), "that" for an unlisted area."""
    return AREA_SUBJECTS.get(area.lower(), "that")


# At most this many second probes in a part, so that the frames last the round and every part
# gets its share (trial 32: a part probed four times, the next not at all).
AGAIN_PER_PART = 1
PROBES_PER_POINT = 2


def frame_of(text: str) -> str | None:
    """The AGAIN_FRAMES frame a probe's wording was made from, None for a first probe's wording."""
    for frame in AGAIN_FRAMES:
        head, _, tail = frame.partition("{area}")
        if text.startswith(head) and text.endswith(tail):
            return frame
    return None


def probe_for(point: ExpectedPoint, index: int, round_kind: str, said: int = 0,
              asked: frozenset[str] | set[str] = frozenset(),
              frames_used: frozenset[str] | set[str] = frozenset()) -> FollowUp | None:
    """The probe on `point` (the `index`-th talking point of its question), as a follow-up of the
    engine's own, when `said` probes on it were said before: its area's wording first, then one
    of AGAIN_FRAMES not in `frames_used` (the round's), naming the area in a candidate's words
    (subject_of); a wording in `asked` (said in the part
    already) is not said again. None when none is left (PROBES_PER_POINT)."""
    area = (point.area or "").lower()
    kind_default = DEFAULT_PROBES.get(round_kind, DEFAULT_PROBES["default"])
    again = next((f.format(area=subject_of(area)) for f in AGAIN_FRAMES if f not in frames_used), None) if area else kind_default
    wordings = [PROBES.get(area) or kind_default, again]
    for times in range(said, PROBES_PER_POINT):
        if wordings[times] is not None and wordings[times] not in asked:
            suffix = "-again" if times else ""  # each ask of the round is its own (question, follow-up)
            return FollowUp(f"{PROBE_ID}-{index}{suffix}", wordings[times], area=point.area)
    return None


# A design part in which the candidate named no tradeoff (core.analysis.depth.TRADEOFFS, the
# pattern the review's "Tradeoffs 0/5" counts by) gets one request for one before it ends early,
# built on a choice the candidate named (`named_choices`): trial 38's design round never asked for
# a tradeoff. Each frame once in a round, as AGAIN_FRAMES; "{choice}" is the candidate's words.
TRADEOFF_ID = f"{PROBE_ID}-tradeoff"
TRADEOFF_FRAMES = (
    "You'd go with {choice}. What does that cost you compared with the other options, and why is it still the right call?",
    "What do you give up with {choice}, compared with a simpler option?",
    "Say {choice} turns out to be the wrong call. What would it have cost you, compared with the alternative?",
    "What's the price of {choice}, compared with what you'd otherwise do?",
)
# When no choice could be said back (none picked out of what was said, or its words maybe
# misheard): the candidate picks the choice, as a person asks when they cannot name it. Trial 48:
# "What does that choice cost you ...?" after an answer of several choices said none of them.
TRADEOFF_PLAIN = (
    "Of the choices you've made so far, which one would you defend hardest? What does it cost you "
    "compared with a simpler option, and why is it still the right call?",
    "Pick one choice in your design you feel strongly about. What do you give up with it, compared "
    "with the obvious alternative?",
)
_CHOICE = re.compile(
    r"\b(?:(?:i|we)(?:'d|'ll| would| will| could| can)?|let's|(?:i'm|i am|we're|we are) going to)\s+"
    r"(?:probably |just |first |then |definitely |also )?(?:use|pick|choose|go with|start with|build|train|serve)\s+"
    r"(?P<a>[^,.;:!?]+)"
    r"|\b(?:the )?(?:main |first |baseline )?(?:model|approach|design|architecture) (?:would|will) be\s+(?P<b>[^,.;:!?]+)",
    re.IGNORECASE)
# Where a choice's name ends: "class weights to handle the imbalance", "trees on velocity features".
_CHOICE_END = frozenset({"to", "for", "on", "like", "because", "so", "and", "with", "that", "which", "in", "as",
                         "since", "but", "then", "from", "where", "when", "over", "instead", "rather", "at", "if",
                         "uh", "um", "er", "i", "we", "it"})
CHOICE_MAX_WORDS = 5
# Words that name no choice of their own: "something basic", "the usual approach", "it".
_NOT_A_CHOICE = frozenset({"a", "an", "the", "some", "it", "this", "that", "these", "those", "something", "anything",
                           "whatever", "one", "simple", "basic", "usual", "standard", "normal", "approach", "thing",
                           "things", "stuff", "option", "solution", "model", "first", "more", "less", "same"})


def named_choices(said: str) -> list[str]:
    """The choices the candidate named in `said` ("I'd use gradient boosted trees on ...",
    "the main model would be a two-tower network"), in order, in their words, each up to
    CHOICE_MAX_WORDS and cut before the words that say what it is for."""
    choices = []
    for m in _CHOICE.finditer(said):
        words = []
        for word in (m.group("a") or m.group("b") or "").split():
            if word.lower() in _CHOICE_END or len(words) >= CHOICE_MAX_WORDS:
                break
            words.append(word)
        if words and not all(w.lower().strip("'\"") in _NOT_A_CHOICE for w in words):
            choices.append(" ".join(words))
    return choices


# Words a choice's name may hold that say nothing of what was heard ("a", "two", "simple").
_FILLER_WORDS = frozenset({"a", "an", "the", "of", "some", "simple", "small", "big", "large", "basic", "plain", "two",
                           "one", "single", "few", "my", "our", "own", "kind", "sort", "type"})


def script_vocabulary(script) -> frozenset[str]:
    """Every word, and its stem, the script's texts hold (questions, talking points and their
    keywords, follow-ups, replies, prompts): the words the interviewer knows and may say back."""
    from dataclasses import fields, is_dataclass

    from interviewer.core.keywords import stem, words

    found: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, str):
            for w in words(value):
                found.update((w, stem(w)))
        elif isinstance(value, (tuple, list)):
            for item in value:
                walk(item)
        elif is_dataclass(value) and not isinstance(value, type):
            for f in fields(value):
                walk(getattr(value, f.name))

    walk(script)
    return frozenset(found)


def known_choice(choice: str, vocabulary: frozenset[str] | set[str]) -> bool:
    """True when every word of `choice` (but fillers such as "a" and "simple") is a word of
    `vocabulary` (script_vocabulary): the interviewer may say it back as its own words. Trial 44:
    "You'd go with radiant boosted trees." after "gradient boosted trees", misheard."""
    from interviewer.core.keywords import stem, words

    def known(w: str) -> bool:  # "tree" and "trees" stem apart ("tree", "tre")
        forms = {w, stem(w), w + "s", stem(w + "s")} | ({w[:-1]} if w.endswith("s") else set())
        return not forms.isdisjoint(vocabulary)

    content = [w for w in words(choice) if w not in _FILLER_WORDS]
    return bool(content) and all(known(w) for w in content)


def tradeoff_probe(said: str, frames_used: frozenset[str] | set[str] = frozenset(),
                   vocabulary: frozenset[str] | set[str] | None = None) -> FollowUp | None:
    """The request for a tradeoff after `said` (what the candidate said in the part): a frame of
    TRADEOFF_FRAMES not in `frames_used` (the round's) on the choice they named, else one of
    TRADEOFF_PLAIN; None when every frame was used. With `vocabulary` (script_vocabulary), a
    choice with a word the script does not know (maybe misheard) is not said back: the request
    asks the candidate which choice they would defend (TRADEOFF_PLAIN), never "that choice"."""
    # The first choice that can be said back: a misheard one ("radiant boosted trees") gives way
    # to another the candidate named in the script's words.
    choice = next((c for c in named_choices(said) if vocabulary is None or known_choice(c, vocabulary)), None)
    frames = [f for f in TRADEOFF_FRAMES if f not in frames_used] if choice else []
    if frames:
        return FollowUp(TRADEOFF_ID, frames[0].format(choice=choice), area="tradeoffs")
    plain = next((f for f in TRADEOFF_PLAIN if f not in frames_used), None)
    return None if plain is None else FollowUp(TRADEOFF_ID, plain, area="tradeoffs")


def tradeoff_frame_of(text: str) -> str | None:
    """The TRADEOFF_FRAMES or TRADEOFF_PLAIN frame a request for a tradeoff was made from."""
    if text in TRADEOFF_PLAIN:
        return text
    for frame in TRADEOFF_FRAMES:
        head, _, tail = frame.partition("{choice}")
        if text.startswith(head) and text.endswith(tail):
            return frame
    return None


def is_probe_text(text: str) -> bool:
    """Whether a line the interviewer said is worded as one of its own probes (PROBES, the
    kinds' defaults, AGAIN_FRAMES, the tradeoff frames): the stored lines keep no follow-up id,
    and a probe left with Next read "Probe:" live but "Follow-up (skipped with Next):" in the
    review (trial 43)."""
    text = (text or "").strip()
    return bool(text) and (text in PROBES.values() or text in DEFAULT_PROBES.values()
                           or frame_of(text) is not None or tradeoff_frame_of(text) is not None)
