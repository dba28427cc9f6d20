"""The interviewer's control questions: lines that ask about the conversation, not the topic
("Take your time. Shall I move on?", "Would a hint help, or shall we move on?", the offer of
another question, "Anything you'd like to add before we finish?"). The candidate's short reply to
one ("Sure, go ahead.", "No, give me a second.", "Yes, a hint please.") is no part of the answer:
it counts in no word count or measure, as the reply to the offer of another question never did
(round_records.AnswerRecord.counted; trial 44 took the live count from 150 to 154 words with "No,
let's wrap up."). Session 34's trials: only the offers' replies were left out, "Sure, go ahead."
to "Shall I move on?" was counted as answer words.

The one place that says which lines are control questions (`is_control_question`), what a short
reply to one is (`is_control_reply`), which reply takes the offer to move on (`declines_offer`), and which words of a transcript are such a reply
(`control_reply_flags`, `without_control_replies`): the round controller files an answer's
transcript without them (the review, exports, Home, Progress and the live counter all read that
one), and keeps them for its own decisions (a reply still says yes or no). Qt-free, pure Python.
"""
from __future__ import annotations

import re
from typing import Sequence

from interviewer.core.echo_filter import PlayedLine, without_flagged
from interviewer.core.extra_questions import EXTRA_OFFER_ID
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.transcript import Transcript, Word, join_words

# A reply begins at most this long after its control line ends (or while it is said), and its
# words follow one another with no longer gap: after that the candidate is answering again.
REPLY_WITHIN_S = 4.0
REPLY_GAP_S = 1.2
REPLY_MAX_WORDS = 8  # "No, no, give me a second, I'm still thinking." and no more


def control_questions(settings: ControllerSettings | None = None) -> frozenset[str]:
    """The control lines the round says as they are written in its settings: the check-in, the
    offers of a hint or to move on, and the closing "Anything you'd like to add?" line."""
    s = settings or ControllerSettings()
    lines = (s.check_in_text, s.offer_help_text, s.offer_help_next_part_text, s.offer_help_move_on_text,
             s.nothing_left_text)
    return frozenset(line.strip() for line in lines if line and line.strip())


def is_control_question(text: str, follow_up_id: str | None = None,
                        settings: ControllerSettings | None = None) -> bool:
    """`text` (a line the interviewer says, with its follow-up id if it asks one) asks about the
    conversation, not the topic: one of `control_questions`, or the offer of another question
    (EXTRA_OFFER_ID, worded for the time left)."""
    return follow_up_id == EXTRA_OFFER_ID or (text or "").strip() in control_questions(settings)


_PHRASE = (r"(?:yes|yeah|yep|yup|sure|okay|ok|alright|all right|right|no|nope|nah|please|thanks|thank you|sorry"
           r"|um|uh|hmm|oh|well|so|(?:let'?s|we can|you can|please)? ?(?:go ahead|move on|go on|carry on)"
           r"|next(?: question| part| one)?|let'?s go|sure thing|that(?:'d| would) help|that'?s (?:fine|all|it)"
           r"|(?:let'?s|we can|can we|i'?ll|i'?d like to|i'?d rather)? ?(?:skip(?: it| this| that)?(?: one)?|pass"
           r"|wrap(?: it| things)? up)"
           r"|i'?m (?:good|fine|done|ready|still thinking|thinking)|nothing(?: else| more| to add)?|no more"
           r"|wait|hold on|hang on|not yet|one (?:sec|second|moment)|just a (?:sec|second|moment|minute)"
           r"|give me (?:a|one|another) (?:sec|second|moment|minute)|let me think|i'?d like to keep going"
           r"|(?:i'?d like|i'?ll take|i could use|can i have|can i get|could i get|give me)? ?a (?:hint|nudge)"
           r"|hint(?:,)? please|a hint would help|the hint)")
_CONTROL_REPLY = re.compile(rf"^(?:{_PHRASE})(?:[\s,.!?;-]+(?:{_PHRASE}))*[\s,.!?;-]*$", re.IGNORECASE)


def is_control_reply(text: str) -> bool:
    """`text` only replies to a control question: yes, no, go ahead, wait, a hint please
    (REPLY_MAX_WORDS at most). "Yes, I'd also add a canary release" is more of the answer."""
    said = (text or "").strip()
    return bool(said) and len(said.split()) <= REPLY_MAX_WORDS and bool(_CONTROL_REPLY.match(said))


# What declines a hint and takes the offer to move on: "No, let's move on.", "No, let's wrap up.",
# "Let's skip it.", "Next question please." (trial 47: "No, let's wrap up." got "Okay, thanks." and a
# follow-up on an answer never given). Not a wait ("No, give me a second.") nor a hint asked for.
_MOVES_ON = re.compile(r"\b(?:move on|go on|carry on|next|skip|pass|wrap(?: it| things)? up)\b", re.IGNORECASE)
_KEEPS_THE_QUESTION = re.compile(r"\b(?:hint|nudge|wait|hold on|hang on|not yet|sec|second|moment|minute|think"
                                 r"|thinking|keep going)\b", re.IGNORECASE)


def declines_offer(text: str) -> bool:
    """`text` only replies to the offer of a hint or to move on (`is_control_reply`), and takes
    the move on: "No, let's wrap up.", "Let's skip it.", "Next question, please." The round then
    moves on as the offer said, as silence would, and the reply is no answer."""
    said = (text or "").strip()
    return is_control_reply(said) and bool(_MOVES_ON.search(said)) and not _KEEPS_THE_QUESTION.search(said)


def control_reply_flags(words: Sequence[Word], offset: float, lines: Sequence[PlayedLine]) -> list[bool]:
    """For each of `words` (times in seconds from `offset`, the round second its audio starts
    at): True when it is part of a short reply to one of `lines` (the control lines said during
    the recording, `is_control_question`): the first words heard after the line began, no later
    than REPLY_WITHIN_S after its end, running with no gap over REPLY_GAP_S, when they only reply
    (`is_control_reply`)."""
    flags = [False] * len(words)
    for line in lines:
        end = float("inf") if line.end is None else line.end + REPLY_WITHIN_S
        first = next((i for i, w in enumerate(words) if offset + w.start >= line.start), None)
        if first is None or offset + words[first].start > end:
            continue
        last = first
        while last + 1 < len(words) and words[last + 1].start - words[last].end <= REPLY_GAP_S:
            last += 1
        if is_control_reply(join_words([w.text.strip() for w in words[first:last + 1]])):
            for i in range(first, last + 1):
                flags[i] = True
    return flags


def without_control_replies(transcript: Transcript, offset: float, lines: Sequence[PlayedLine]) -> Transcript:
    """`transcript` without the candidate's short replies to control questions (`control_reply_flags`)."""
    if not lines:
        return transcript
    return without_flagged(transcript, control_reply_flags(transcript.words, offset, lines))
