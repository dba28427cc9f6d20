"""The interviewer's short, generic answers to the candidate's own questions at the end of a round
("How does your team decide when a model is ready to ship?", "What does a typical week look
like?", "What are the next steps?").

A mock interviewer has no real team, but a real one answers briefly and honestly; "Good question,
and a good one to ask in your real interviews" answered nothing (trial 32). The answers are data:
the bundled file assets/interviewer_answers.toml (read by the app), which a round script may
override or extend with its own `[[interviewer_answers]]` tables of the same shape (an answer of
the same name replaces the bundled one). A question is matched to an answer by the round's
meaning matcher (core.matching.Matcher: meaning plus keywords, as a clarifying topic); one that
matches none gets the present canned reply (core.candidate_questions.DEFAULT_REPLIES).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from interviewer.core.matching import Matcher
from interviewer.core.scripts.model import ClarifyingTopic, InterviewerAnswer
from interviewer.core.scripts.script_keys import ANSWER_KEYS

__all__ = ["ANSWER_KEYS", "InterviewerAnswer", "InterviewerAnswers", "merged", "read_answers"]


def read_answers(tables: object, source: str = "interviewer answers") -> tuple[InterviewerAnswer, ...]:
    """The answers of a list of TOML tables ({name, keywords, reply}); ValueError naming the
    table and key of the first that is wrong."""
    if not isinstance(tables, list):
        raise ValueError(f"{source}: must be a list of tables ([[...]]), not {type(tables).__name__}")
    out = []
    for i, table in enumerate(tables):
        where = f"{source}[{i}]"
        if not isinstance(table, dict):
            raise ValueError(f"{where}: must be a table with {', '.join(ANSWER_KEYS)}")
        unknown = sorted(set(table) - set(ANSWER_KEYS))
        if unknown:
            raise ValueError(f"{where}: unknown key '{unknown[0]}'; allowed keys: {', '.join(ANSWER_KEYS)}")
        name, reply, keywords = table.get("name"), table.get("reply"), table.get("keywords", [])
        for key, value in (("name", name), ("reply", reply)):
            if not isinstance(value, str) or not value.strip():
                raise ValueError(f"{where}: {key}: must be a non-empty text string")
        if not isinstance(keywords, list) or not all(isinstance(k, str) and k.strip() for k in keywords):
            raise ValueError(f"{where}: keywords: must be a list of non-empty strings")
        out.append(InterviewerAnswer(" ".join(name.split()), tuple(k.strip().lower() for k in keywords),
                                     " ".join(reply.split())))
    return tuple(out)


def merged(defaults: Iterable[InterviewerAnswer], overrides: Iterable[InterviewerAnswer]) -> tuple[InterviewerAnswer, ...]:
    """`defaults` with those of `overrides` of the same name (in any case) replaced, then the
    other overrides."""
    by_name = {a.name.casefold(): a for a in defaults}
    for answer in overrides:
        by_name[answer.name.casefold()] = answer
    return tuple(by_name.values())


class InterviewerAnswers:
    """Finds the answer a candidate's question is about, with the round's matcher."""

    def __init__(self, answers: Sequence[InterviewerAnswer], matcher: Matcher | None = None) -> None:
        self.answers = tuple(answers)
        self.matcher = matcher if matcher is not None else Matcher()
        # Name and keywords only: the replies share everyday words with any question ("use").
        self._topics = [ClarifyingTopic(a.name, a.keywords) for a in self.answers]
        self._by_name = {a.name: a for a in self.answers}

    def warm(self) -> None:
        """Encode the answers once, off the GUI thread."""
        self.matcher.warm(self._topics)

    def answer(self, question: str) -> InterviewerAnswer | None:
        """The answer `question` is about; None when it is about none of them."""
        if not self._topics or not (question or "").strip():
            return None
        match = self.matcher.best_topic(question, self._topics)
        return self._by_name.get(match.topic.name) if match is not None else None
