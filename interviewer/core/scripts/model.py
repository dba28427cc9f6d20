"""The in-memory form of a question script. Parsing and validation live in loader.py."""
from __future__ import annotations

from dataclasses import dataclass, field

ROUND_KINDS = ("phone_screen", "coding", "ml_breadth", "ml_depth", "ml_system_design", "behavioral")
MIN_ROUND_MINUTES = 45
MAX_ROUND_MINUTES = 60


@dataclass(frozen=True)
class ClarifyingTopic:
    """Something a strong candidate asks about before solving, e.g. "latency".

    `keywords` are the words that show a question touched the topic; the topic name itself
    always counts as a keyword.
    """

    name: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class FollowUp:
    """A question asked after the main one.

    Fires after the answer unless a condition is set:
      if_missing  - only when the answer mentioned none of these words (e.g. no metric named);
      at_phase    - asked when that phase starts instead (e.g. a changed constraint).
    """

    id: str
    text: str
    if_missing: tuple[str, ...] = ()
    at_phase: str | None = None


@dataclass(frozen=True)
class Phase:
    id: str
    name: str
    minutes: float
    prompt: str  # what the interviewer says when the phase starts
    expects_clarifying: bool = False


@dataclass(frozen=True)
class Question:
    id: str
    text: str  # read aloud
    phase: str  # id of the phase in which it is asked
    clarifying_topics: tuple[ClarifyingTopic, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    expected_points: tuple[str, ...] = ()  # notes for the review, never read aloud


@dataclass(frozen=True)
class RoundScript:
    id: str
    title: str
    kind: str
    minutes: float
    phases: tuple[Phase, ...]
    questions: tuple[Question, ...]
    description: str = ""
    source: str = ""  # file it was loaded from
    bundled: bool = False

    def phase(self, phase_id: str) -> Phase:
        for p in self.phases:
            if p.id == phase_id:
                return p
        raise KeyError(phase_id)

    def question(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def questions_in(self, phase_id: str) -> list[Question]:
        return [q for q in self.questions if q.phase == phase_id]
