"""Trial 49 problem 4: the candidate pressed P while a probe waited for its answer; after the pause
the interviewer said "Welcome back..." and asked the probe again, then went on to the next part.
The review and the exports labelled the first asking "Probe (skipped with Next):" though N was
never pressed: a follow-up asked again later was not left with Next."""
from __future__ import annotations

from types import SimpleNamespace as NS

from interviewer.export.interviewer_lines import label_of, lines_to_show

PROBE = ("Of the choices you've made so far, which one would you defend hardest? What does it cost you "
         "compared with a simpler option, and why is it still the right call?")
NEXT_QUESTION = "Where do your labels come from, and which features would you build?"


def _session(asked_again: bool):
    lines = [NS(said_at=285.8, kind="follow_up", text=PROBE)]
    if asked_again:
        lines += [NS(said_at=302.7, kind="nudge", text="Welcome back. We were on framing and high-level design."),
                  NS(said_at=309.5, kind="repeat", text=PROBE)]
    lines += [NS(said_at=367.9, kind="prompt", text="Let's go into the data and the features."),
              NS(said_at=371.1, kind="question", text=NEXT_QUESTION)]
    answers = [NS(id=8, question_id="data_features", follow_up_id=None, asked_at=371.1, question_text=NEXT_QUESTION,
                  answer_start=377.2, answer_end=411.0, clarifications=[])]
    return NS(lines=lines, answers=answers)


def _label_of_first_asking(session) -> str:
    return label_of(next(line for line in lines_to_show(session) if line.said_at == 285.8))


def test_a_probe_asked_again_after_a_pause_is_no_skip_with_next():
    assert "skipped" not in _label_of_first_asking(_session(asked_again=True))


def test_a_probe_never_asked_again_and_gone_past_is_still_a_skip():
    assert _label_of_first_asking(_session(asked_again=False)) == "Probe (skipped with Next):"
