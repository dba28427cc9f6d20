"""Why a round's clock stood still, and how a pause of the round is named (the review's timeline
and transcript, the exports). Apart from core.clock, which the analysis imports: naming a pause
is no rule of the analysis."""
from __future__ import annotations

from interviewer.core.clock import length_text, paused_text

# core.engine.PauseSpan.why: "" for the candidate's own pause (the P key, Pause round), or
# END_QUESTION_PAUSE while the app's "End the round?" question stood open
# (round_controller.question_opened). Trial 48: the 30 s its dialog stood open read "Round
# paused for 30 s" on the timeline, as if the candidate had taken a break.
END_QUESTION_PAUSE = "end_question"


def round_pause_words(seconds: float, why: str = "") -> str:
    """"Round paused for 30 s" (clock.paused_text), or ""End the round?" asked, 30 s"."""
    if why == END_QUESTION_PAUSE:
        return f"\u201cEnd the round?\u201d asked, {length_text(seconds)}"
    return paused_text(seconds)
