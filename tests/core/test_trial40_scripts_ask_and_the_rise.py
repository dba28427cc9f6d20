"""Trial 40 item 8: in the Clarify part "where do the labels come from?", heard "Okay. And we're
doing the label's come from..." (no question by its words, a question by its rise in pitch), got
"Sorry, I didn't catch that. Could you say it again?", while `interviewer scripts ask` on the same
text answered with the labels fact (its docs: it prints what the interviewer would answer).
Words that ask by their rise are answered as `scripts ask` answers them: one decision
(ClarifyingResponder.reply on the words heard), the fact when a topic fits; "Sorry, I didn't catch
that" only when none does."""
from __future__ import annotations

import argparse

import pytest

from interviewer.cli.scripts_cmd import ask_script
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.transcript import SpeechRegion
from interviewer.core.unheard_questions import UNHEARD_QUESTION_WAIT_S

from test_trial28_assumption_replies import PROBLEM, SCRIPT, _round

SAY_AGAIN = ControllerSettings().unclear_text
# Misheard the way trial 40's was: a lead-in, then a question's words without its opening.
MISHEARD = "Okay. And we're doing the sessions touch back to back..."
UNKNOWN = "Okay. And we're doing the weather come from..."


def scripts_ask(text: str, capsys) -> str:
    """What `interviewer scripts ask coding_intervals merge_sessions TEXT --keywords-only` prints
    as the interviewer's answer."""
    capsys.readouterr()
    ask_script(argparse.Namespace(script=SCRIPT.id, question=PROBLEM.id, text=text, keywords_only=True))
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("interviewer: "))
    return line.removeprefix("interviewer: ")


def live_reply(tmp_path, text: str) -> list[str]:
    """What the interviewer says in the Clarify part (keywords matcher, as --keywords-only) when
    `text` ends with a rise in pitch and the candidate then waits."""
    clock, engine, speaker, recorder, controller = _round(tmp_path)
    transcriber = controller._transcribers[controller.current_answer.index]
    transcriber.live_speech = [SpeechRegion(0.0, max(1.0, clock.now() - transcriber.origin), final_rise=3.9)]
    before = len(speaker.said)
    controller.on_silence(0)
    recorder.speak(text)
    controller.on_silence(2.0)
    controller.poll()
    clock.advance(UNHEARD_QUESTION_WAIT_S - 2.0)
    controller.on_silence(UNHEARD_QUESTION_WAIT_S)
    controller.poll()
    return speaker.said[before:]


def test_words_that_ask_by_their_rise_get_the_fact_scripts_ask_gives(tmp_path, capsys):
    fact = next(t.fact for t in PROBLEM.clarifying_topics if t.name == "touching sessions")
    assert scripts_ask(MISHEARD, capsys) == fact
    assert live_reply(tmp_path, MISHEARD) == [fact]


def test_words_no_fact_fits_are_still_asked_again(tmp_path, capsys):
    assert scripts_ask(UNKNOWN, capsys) == PROBLEM.no_fact_reply
    assert live_reply(tmp_path, UNKNOWN) == [SAY_AGAIN]
