"""The self-debrief after a round: the questions the candidate answers about their own round.

Kept in the core so the app, exports and the command line ask and label the same things.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RatingScale:
    """What a prompt's 1-5 self-rating measures, and the words for each value; 5 is always the
    good end, so ratings of different prompts read the same way across sessions."""
    measures: str  # "how well it went"
    labels: tuple[str, str, str, str, str]  # the words for 1..5

    def label(self, value: int) -> str:
        return self.labels[value - 1]


# "Could you...?" / "Did you...?": how far the candidate managed it.
HOW_WELL = RatingScale("how well it went", ("not at all", "barely", "partly", "mostly", "fully"))


def how_often(what: str) -> RatingScale:
    """For "Where did you <what>?": how often it happened (never is the good end). "how well
    it went: not at all ... fully" did not fit "Where did you overexplain?" (new-user trial 13)."""
    return RatingScale(f"how often you {what}", ("a lot", "often", "sometimes", "rarely", "never"))


@dataclass(frozen=True)
class DebriefPrompt:
    id: str
    text: str
    readiness: bool = False  # one of the readiness questions (tracked across sessions)
    kinds: tuple[str, ...] = ()  # the round kinds it is asked after; () = every kind
    scale: RatingScale = HOW_WELL


DEBRIEF_PROMPTS: tuple[DebriefPrompt, ...] = (
    DebriefPrompt("hesitated", "Where did you hesitate, and what were you unsure about at that moment?",
                  scale=how_often("hesitated")),
    DebriefPrompt("overexplained", "Where did you overexplain or go on longer than the question needed?",
                  scale=how_often("overexplained")),
    DebriefPrompt("projects", "Could you explain your projects clearly without notes?", readiness=True,
                  kinds=("phone_screen", "ml_depth", "behavioral")),
    DebriefPrompt("clean_code", "Could you write clean code while talking through it?", readiness=True,
                  kinds=("coding", "phone_screen")),
    DebriefPrompt("concepts", "Could you explain each concept simply and say when you would use it?",
                  readiness=True, kinds=("ml_breadth", "phone_screen")),
    DebriefPrompt("clarified", "Did you pin down the requirements before you started designing?",
                  readiness=True, kinds=("ml_system_design",)),
    DebriefPrompt("metrics", "Did you justify your design choices with metrics?", readiness=True,
                  kinds=("ml_system_design", "ml_depth")),
    DebriefPrompt("customer", "Did you tie your work to customer impact?", readiness=True,
                  kinds=("behavioral", "ml_system_design", "ml_depth")),
)


def prompts_for(kind: str) -> tuple[DebriefPrompt, ...]:
    """The prompts that fit a round of `kind` (all of them for a kind this version does not know)."""
    fitting = tuple(p for p in DEBRIEF_PROMPTS if not p.kinds or kind in p.kinds)
    known = any(kind in p.kinds for p in DEBRIEF_PROMPTS)
    return fitting if known else DEBRIEF_PROMPTS


def prompt_order(prompt_text: str) -> int:
    """Where a saved answer's prompt comes in the debrief (prompts no longer asked go last)."""
    return next((i for i, p in enumerate(DEBRIEF_PROMPTS) if p.text == prompt_text), len(DEBRIEF_PROMPTS))

