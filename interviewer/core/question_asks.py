"""The several asks of one question ("...: what happened, how did you find out, and how did you
find the root cause?"), so that a question the candidate already answered in part is asked only
for what is still open (core.engine, TOLD_BEFORE_LEAD_IN). Qt-free, pure Python.

Trial 43: the whole incident told in the part before, then "You've told me some of this already,
so just what you haven't said yet: Now tell me about a time ...: what happened, how did you find
out, and how did you find the root cause?": the question read in full after the preface, its
"Now" capitalised after the colon. Only "how did you find out?" was open."""
from __future__ import annotations

import re

# Said before a part's question whose talking points the candidate already began on just before it:
# they are asked for what they have not said, not to say it again (trial 36: "As I said twice now").
TOLD_BEFORE_LEAD_IN = "You've told me some of this already, so just what you haven't said yet:"
# Said instead when the question is asked whole: it asks one thing, or which of its asks are open
# cannot be told. It promises no part of it (trial 48: TOLD_BEFORE_LEAD_IN, then all three asks).
TOUCHED_ON_LEAD_IN = "You've touched on some of this already, so let's go further:"
# Said instead of a question every ask of which was already answered (core.engine `_told_before_line`).
TOLD_ALL_ASK = "Is there anything you'd add?"
TOLD_ALL_LINE = f"You've told me all of that already. {TOLD_ALL_ASK}"


def told_all_line(part_name: str | None = None) -> str:
    """TOLD_ALL_LINE; said as a part's opening question, right after the part's prompt ("Thanks.
    Let's get to the interesting part."), it names the part and follows on from the prompt:
    "You've already told me about the incident, though. Is there anything you'd add?" (trial 45:
    "Let's get to the interesting part." then "You've told me all of that already.")."""
    if not part_name:
        return TOLD_ALL_LINE
    return f"You've already told me about {_lower_first(part_name.strip())}, though. {TOLD_ALL_ASK}"


def is_told_all(line: str | None) -> bool:
    """`line`, a question as said, is a told-all line (`told_all_line`): nothing of the question
    was left to answer, so silence after it is nothing to add, not a missing answer."""
    line = (line or "").strip()
    return line.startswith("You've") and line.endswith(TOLD_ALL_ASK)


def is_told_before(line: str | None) -> bool:
    """`line`, a question as said, was said as already answered in part or whole by what the
    candidate said before it was asked (TOLD_BEFORE_LEAD_IN, TOUCHED_ON_LEAD_IN, `told_all_line`)."""
    line = (line or "").strip()
    return is_told_all(line) or line.startswith((TOLD_BEFORE_LEAD_IN, TOUCHED_ON_LEAD_IN))

# A word that opens an ask in a list of them ("what happened, how did you find out").
_ASK_WORDS = ("what", "how", "which", "who", "whom", "whose", "where", "when", "why", "whether",
              "did", "do", "does", "was", "were", "is", "are", "can", "could", "would", "should")
_OPENS_AN_ASK = re.compile(rf"^(?:{'|'.join(_ASK_WORDS)})\b", re.IGNORECASE)
# Between two asks: a comma (", and what ...", ", how ..."), or "and" before a word that opens one.
_BETWEEN_ASKS = re.compile(rf",\s*(?:and\s+|or\s+)?(?=(?:{'|'.join(_ASK_WORDS)})\b)"
                           rf"|\s+and\s+(?=(?:{'|'.join(_ASK_WORDS)})\b)", re.IGNORECASE)
# The ask that is the story itself, in a question that asks for one ("Tell me about a time ...:
# what happened, ..."): the story told is its answer; no talking point or matcher names it.
_THE_STORY = re.compile(r"^(?:what happened|what went wrong|what was the (?:situation|problem|incident))$",
                        re.IGNORECASE)


def question_asks(text: str) -> list[str]:
    """The asks of `text`'s last sentence, a question listing several ("What did it do, how was it
    served, and how did you know it was healthy?" -> "What did it do", "how was it served", "how
    did you know it was healthy"), as written, without the joining "and" and the question mark;
    [] when it asks one thing, or when a piece of it is not an ask of its own (a list of nouns,
    "the data, the model or the serving code")."""
    sentences = [s for s in re.split(r"(?<=[.?!])\s+", text.strip()) if s.strip()]
    if not sentences or not sentences[-1].endswith("?"):
        return []
    last = sentences[-1].rstrip("?").strip()
    listed = last.rsplit(":", 1)[-1].strip()
    asks = [a.strip(" ,") for a in _BETWEEN_ASKS.split(listed)]
    if len(asks) < 2 or any(len(a.split()) < 2 or not _OPENS_AN_ASK.match(a) for a in asks):
        return []
    return asks


def is_the_story(ask: str) -> bool:
    """`ask` asks only for the story itself ("what happened")."""
    return bool(_THE_STORY.match(ask.strip()))


def _lower_first(text: str) -> str:
    """`text` with its first letter small, unless its first word is "I" or an acronym ("ML")."""
    first = text.split(" ", 1)[0]
    if first == "I" or first.startswith("I'") or (len(first) > 1 and first.isupper()):
        return text
    return text[:1].lower() + text[1:]


def after_colon(question: str) -> str:
    """`question` as said after a lead-in that ends with a colon: a small first letter (trial 43:
    "...what you haven't said yet: Now tell me ...")."""
    return _lower_first(question.strip())


def open_asks_line(asks: list[str]) -> str:
    """The asks still open, said as one question: "how did you find out?", "how was it served, and
    how did you know it was healthy?"."""
    asks = [_lower_first(a) for a in asks]
    said = asks[0] if len(asks) == 1 else f"{', '.join(asks[:-1])}, and {asks[-1]}"
    return said + "?"


# ---------------------------------------------------------------- the asks of a follow-up

# A later ask that leans on an earlier one ("Why that long?", "How did you tell them apart?",
# "and how did you estimate it?") is no ask of its own: said alone it would refer to nothing.
_REFERS_BACK = re.compile(r"\b(?:it|its|them|they|their|that|those|this|these|so)\b", re.IGNORECASE)
_MIN_ASK_WORDS = 3


def follow_up_asks(text: str) -> tuple[str, list[str]]:
    """A follow-up that asks two things or more, as (what it says before its asks, its asks):
    several questions of their own ("How often was it retrained? Who decided to ship?") or one
    that lists them ("How often was it retrained, and who or what decided to ship a retrained
    model?", `question_asks`). ("", []) when it asks one thing, when a later ask leans on an
    earlier one ("Was it the data, the model or the serving code? How did you tell them
    apart?"), or when its asks follow a colon. Each ask without its question mark."""
    sentences = [s.strip() for s in re.split(r"(?<=[.?!])\s+", text.strip()) if s.strip()]
    first = next((i for i, s in enumerate(sentences) if s.endswith("?")), None)
    if first is None or not all(s.endswith("?") for s in sentences[first:]):
        return "", []
    lead, questions = " ".join(sentences[:first]), sentences[first:]
    if any(":" in q for q in questions):
        return "", []
    asks = question_asks(questions[0]) if len(questions) == 1 else [q.rstrip("?").strip() for q in questions]
    if len(asks) < 2 or any(len(a.split()) < _MIN_ASK_WORDS or _REFERS_BACK.search(a) for a in asks[1:]):
        return "", []
    return lead, asks


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def open_follow_up_line(lead: str, asks: list[str], still_open: list[str]) -> str:
    """The follow-up said for its asks `still_open` only (of `asks`, `follow_up_asks`), after
    its `lead`: "How often was it retrained?" when the first is open, "And who or what decided to
    ship a retrained model?" when an earlier one was answered already."""
    line = open_asks_line(still_open)
    line = _upper_first(line) if still_open[0] == asks[0] else f"And {line}"
    return f"{lead} {line}".strip()
