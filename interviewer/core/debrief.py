"""The self-debrief after a round: the questions the candidate answers about their own round.

Kept in the core so the app, exports and the command line ask and label the same things.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DebriefPrompt:
    id: str
    text: str
    readiness: bool = False  # one of the readiness questions (tracked across sessions)


DEBRIEF_PROMPTS: tuple[DebriefPrompt, ...] = (
    DebriefPrompt("hesitated", "Where did you hesitate, and what were you unsure about at that moment?"),
    DebriefPrompt("overexplained", "Where did you overexplain or go on longer than the question needed?"),
    DebriefPrompt("projects", "Could you explain your projects clearly without notes?", readiness=True),
    DebriefPrompt("clean_code", "Could you write clean code while talking through it?", readiness=True),
    DebriefPrompt("metrics", "Did you justify your design choices with metrics?", readiness=True),
    DebriefPrompt("customer", "Did you tie your work to customer impact?", readiness=True),
)

RATING_LABELS = {1: "not at all", 2: "barely", 3: "partly", 4: "mostly", 5: "fully"}
