"""The candidate's own questions for the interviewer, at the end of a round ("Do you have any
questions for me?").

They are not clarifying questions about a problem: the round does not count them as such (see
`analysis.report.analyze_answer(questions_for_interviewer=...)` and `analysis.summary`), and the
interviewer answers each with something short and human rather than a fact of the script or
silence. A phase takes them when its script gives `replies` for them, or when it is the last
phase and its prompt invites them.
"""
from __future__ import annotations

import itertools
import re
import threading

from interviewer.core.conversation_cues import INVITATION, asks_to_ask
from interviewer.core.scripts.model import Phase

# "Do you have any questions for me?", "What would you like to know about the team?", "...,
# then it's your turn.", "then I'll take your questions". Only the last phase is read this way:
# an opening prompt may plan "..., then your questions", and one inviting clarifying questions
# says "ask me anything before you start".
_INVITES = re.compile(
    r"\bquestions?\s+(?:\w+\s+){0,2}for\s+me\b"
    r"|\b(?:what|any|which)\s+(?:other\s+)?questions?\s+(?:do|would|might)\s+you\s+have\b"
    r"|\bwhat\s+(?:else\s+)?would\s+you\s+like\s+to\s+(?:ask|know)\b"
    r"|\bwhat\s+(?:else\s+)?can\s+i\s+tell\s+you\b"
    r"|\banything\s+(?:else\s+)?you(?:'d|\s+would)\s+like\s+to\s+ask\b"
    r"|\byour\s+(?:own\s+)?questions\b"
    r"|\byour\s+turn\b"
    r"|\bask\s+me\s+anything\b"
    r"|\bany\s+questions\b",
    re.IGNORECASE,
)

# Said when the script gives no replies: a mock interviewer has no real team to talk about, so
# it thanks the candidate, points the question at the real interview, and leaves the floor.
DEFAULT_REPLIES = (
    "Good question, and a good one to ask in your real interviews. Anything else you'd like to ask?",
    "Thanks for asking; that's a thoughtful one. What else would you like to know?",
    "That's a fair question. In a real round I'd answer from my own team's experience. Anything else?",
)


def invites_questions(prompt: str) -> bool:
    """The prompt hands the floor to the candidate's own questions."""
    return _INVITES.search(prompt or "") is not None


def takes_candidate_questions(phase: Phase | None, last: bool) -> bool:
    """The phase takes the candidate's own questions: its script gives `replies` for them, or it
    is the round's `last` phase and its prompt invites them."""
    return phase is not None and (bool(phase.replies) or (last and invites_questions(phase.prompt)))


def question_phases(script) -> frozenset[str]:
    """The ids of the phases of `script` (core.scripts.model.RoundScript) that take the
    candidate's own questions; empty without a script."""
    if script is None or not script.phases:
        return frozenset()
    last = script.phases[-1]
    return frozenset(p.id for p in script.phases if takes_candidate_questions(p, p is last))


class CandidateQuestionResponder:
    """Replies to the candidate's questions in one phase, the script's `replies` in turn (or the
    defaults), never the same one twice in a row. `reply` has ClarifyingAnswerer's shape: (topic,
    text), the topic always None (nothing clarifying was asked)."""

    def __init__(self, phase: Phase) -> None:
        self._replies = itertools.cycle(phase.replies or DEFAULT_REPLIES)
        self._lock = threading.Lock()

    def reply(self, question: str) -> tuple[None, str]:
        if asks_to_ask(question):  # "Can I ask you something?"
            return None, INVITATION
        with self._lock:
            return None, next(self._replies)
