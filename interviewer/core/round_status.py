"""The status line of a live round: the one state it shows (ControllerStatus) and its words.
"""
from __future__ import annotations

import math
from enum import StrEnum


class ControllerStatus(StrEnum):
    """What the status line says; one value at a time, derived from the controller's state."""
    STARTING = "starting"  # nothing said yet
    SPEAKING = "speaking"  # the interviewer asks or says something
    ANSWERING = "answering"  # the interviewer answers the candidate's clarifying question
    LISTENING = "listening"  # recording an answer
    THINKING = "thinking"  # the answer is done; the interviewer takes the last words in
    WAITING = "waiting"  # nothing more is planned in the last part: Space adds, N ends
    PAUSED = "paused"  # the round is paused: clocks and recording stopped
    FINISHED = "finished"  # the round is over; it is being saved


# While the app's own "End the round?" question is open (the round paused under it): what it asks.
# "Press P to go on" was shown under it (trial 29), and P does nothing while it is open.
QUESTION_OPEN_TEXT = ("Paused while you decide whether to end the round: choose End the round, "
                      "or Keep going to go on.")


def status_text(status: ControllerStatus, *, heard_speech: bool = False, while_listening: bool = False,
                talk_interrupts: bool = True, last_part: bool = True, goes_on_in: float | None = None,
                recording: bool = True, talking: bool = False, opening: bool = False,
                going_on: bool = False, asking: bool = False, unanswered_in: float | None = None,
                moves_on_to: str = "question") -> str:
    """The status line: what is happening, what the app waits for, which key moves on.
    `talk_interrupts`: talking over the interviewer is known to stop it (headphones); else Space.
    `last_part`: N ends the round here; in an earlier part it moves to the next one.
    `goes_on_in`: seconds until the silence so far ends the answer, once that is near.
    `unanswered_in`: nothing said, the offer of a hint or to move on made: seconds until the
    silence moves on; `moves_on_to` where to, as the offer said it (engine.moves_on_to: "question",
    "part", or "" for neither).
    `recording`: False when the microphone could not be opened for this answer.
    `talking`: the candidate's voice is heard now, before the live transcript has a word of it.
    `opening`: the round's opening words asked nothing, and the first question follows on its own
    (or, thinking, it is on its way).
    `going_on`: this stretch of recording goes on with an answer already begun (after Pause).
    `asking`: the candidate's turn in a part for clarifying questions, where a pause ends nothing
    (SilenceRules._waits_for_questions)."""
    if status == ControllerStatus.STARTING:
        return "The interviewer is about to start."
    if status == ControllerStatus.SPEAKING:
        return ("The interviewer is speaking; your answer is still being recorded."
                if while_listening else "The interviewer is speaking. "
                + ("Just talk to interrupt." if talk_interrupts else "Press Space to interrupt."))
    if status == ControllerStatus.ANSWERING:
        return "The interviewer is answering your question; your answer is still being recorded."
    if status == ControllerStatus.LISTENING:
        if not recording:  # it said "answer out loud" to a round nothing was heard in (trial8)
            # In the scratchpad Space and N type themselves: the keys that work while typing (trial 14).
            return ("Not recording: the microphone could not be opened (see the message above). Type your "
                    "answer in the scratchpad; Ctrl+Enter ends it, Ctrl+N moves on.")
        if unanswered_in is not None:  # the offer of a hint or to move on waits on silence
            where = {"question": " to the next question", "part": " to the next part"}.get(moves_on_to, "")
            return (f"Moving on{where} in {max(1, math.ceil(unanswered_in))} s: answer out loud or ask "
                    "for a hint to stay on it; N moves on now.")
        if heard_speech and goes_on_in is not None:
            return (f"Still listening. Moving on in {max(1, math.ceil(goes_on_in))} s: keep talking to go on "
                    "with your answer, or press Space to move on now.")
        if asking:  # also after the interviewer's reply, before the next question (trial 14)
            return ("Listening: ask whatever you need. Say \"That's all my questions\" or press Space (or Enter) "
                    "when you are done asking; N moves to the next part.")
        if heard_speech:
            return "Listening. Space (or Enter) when your answer is done, or just pause; N moves to the next part."
        if talking:  # not "just pause": silence ends no answer before its first word is transcribed
            return "Listening. Space (or Enter) when your answer is done; N moves to the next part."
        if going_on:  # "then answer out loud" after 38 s of answer and a pause (trial12)
            return "Listening again: go on with your answer. Space (or Enter) when it is done; N moves to the next part."
        if opening:  # "answer out loud" to a welcome that asked nothing (trial10)
            return "Listening. The first question follows in a moment; say hello first if you like. N moves on now."
        return "Listening: take your time to think, then answer out loud. Space ends the answer, N moves on."
    if status == ControllerStatus.THINKING:
        if opening:  # after "say hello first if you like", not a reproach (trial10)
            return "On to the first question..."
        if not heard_speech:  # a silence that ended a part nobody answered (trial4: the opening)
            return "Nothing was said; the interviewer goes on..."
        return "Answer recorded. The interviewer is taking in your last words..."
    if status == ControllerStatus.WAITING:
        if not last_part:  # a coding part waiting for the code to be talked through (engine._still_working)
            return ("The interviewer is waiting for more in this part. Press Space (or just talk) to go on "
                    "with your answer, or N to move to the next part.")
        return ("Nothing more is planned for this last part. Press Space (or just talk) to add to your "
                "answer, or N to end the round.")
    if status == ControllerStatus.PAUSED:
        return "Paused: the clocks and the recording are stopped. Press P to go on."
    return "The round is over. Saving..."


def next_ignored_text(part: str, speaking: bool) -> str:
    """The status line after an N that did not move on: `part` has only just begun, and skipping
    it unheard was surely not meant (a double press, or N just as the round moved on itself)."""
    when = "once the interviewer has finished" if speaking else "in a moment"
    return f"N ignored: \"{part}\" has only just begun. To skip it too, press N again {when}."
