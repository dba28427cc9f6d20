"""A clarifying question the interviewer did not make out, asked again after "Sorry, I didn't
catch that. Could you say it again?" (round_settings.unclear_text), is one question, not two.

Trial 24: "Is the input list sorted?" heard as "It didn't put list.", the say-again request, then
the question again and its answer: the review said "Asked 5 clarifying questions" for 4. The
repeat replaces the misheard attempt in the count; the attempt's words stay in the transcript.
Pure: times are seconds into the answer's recording.
"""
from __future__ import annotations

from typing import Any

from interviewer.core.trailing_questions import STATED_QUESTION_WAIT_S

# How long before the say-again request the misheard attempt may end: the request follows the
# wait for a reply (STATED_QUESTION_WAIT_S), decided up to 2 s later (clarifying_turns'
# MAX_REPLY_DELAY_S), and the recording's word times are off by up to a second.
ATTEMPT_BEFORE_REQUEST_S = STATED_QUESTION_WAIT_S + 3.0
# The final transcript's word times may put the attempt's end a little after the request began.
TIME_SLACK_S = 0.5


def _seconds(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def repeated_attempts(questions: list[dict], say_again_at: list[float], replies_at: list[float]) -> list[int]:
    """Indexes into `questions` (the answer's clarifying questions, with "start" and "end") of
    misheard attempts the candidate asked again: the question that ends just before a say-again
    request (`say_again_at`: when each began), with no other reply of the interviewer
    (`replies_at`: when each began) in between, when another question starts after the request
    and before the interviewer's next reply. An attempt never asked again counts (once)."""
    replies = sorted(replies_at)
    dropped: set[int] = set()
    for request in sorted(say_again_at):
        before = [i for i, q in enumerate(questions)
                  if _seconds(q.get("end")) <= request + TIME_SLACK_S
                  and _seconds(q.get("start")) < request
                  and request - _seconds(q.get("end")) <= ATTEMPT_BEFORE_REQUEST_S]
        if not before:
            continue
        attempt = max(before, key=lambda i: _seconds(questions[i].get("end")))
        ended = _seconds(questions[attempt].get("end"))
        if any(ended < r < request for r in replies):
            continue  # answered in between: the request was about something else
        next_reply = next((r for r in replies if r > request), float("inf"))
        if any(i != attempt and request - TIME_SLACK_S <= _seconds(q.get("start")) < next_reply
               for i, q in enumerate(questions)):
            dropped.add(attempt)
    return sorted(dropped)
