"""Trial 21 items 1-3: the candidate began a clarifying question while the question's last words
were still being said, then answered it in the same turn. The controller kept that turn under
the question, but the round stored it under none: its talking points and depth signals never
counted for the question (the review said 1 of 4 covered, the CLI 3 of 4 on the same audio).
A question cut after its first words is stored as the question the turn answers."""
from __future__ import annotations

import time

from test_round_session import HeldSpeaker, LevelRecorder

from interviewer.app.round_session import RoundSession
from interviewer.core.clock import FakeClock
from interviewer.core.round_records import CUT_OFF_MARK
from interviewer.core.round_settings import CUT_OFF_AT_ONCE_S
from interviewer.core.scripts.loader import discover_scripts

QUESTION = "Design a system that ranks posts in a news feed."


def test_a_turn_over_the_end_of_the_question_is_stored_under_it(tmp_path, script_dirs, isolated_dirs):
    from interviewer.storage import Store

    script = discover_scripts(*script_dirs).by_id("test-design")
    speaker, clock = HeldSpeaker(), FakeClock()
    with Store.open(tmp_path / "data") as store:
        session = RoundSession(script, clock, speaker=speaker, recorder=LevelRecorder(speech_s=0.0),
                               store=store, post=lambda fn: fn())
        session.start()
        deadline = time.monotonic() + 5
        while speaker.said[-1:] != [QUESTION] and time.monotonic() < deadline:
            session.poll()
            if speaker.held and speaker.said[-1] != QUESTION:
                speaker.held, held = None, speaker.held
                held()  # the prompt said to its end
            time.sleep(0.01)
        assert speaker.said[-1] == QUESTION and speaker.held
        clock.advance(CUT_OFF_AT_ONCE_S + 1.5)  # well into the question: cut late
        session.controller.on_voice()
        session.poll()
        assert session.controller.current_answer.question_id == "feed"
        session.controller.end_answer()
        session.poll()
        session.stop()
        session.close()
        stored = store.get_session(session.session_id)
    answer = next(a for a in stored.answers if a.question_text.endswith(CUT_OFF_MARK))
    assert answer.question_id == "feed", "stored under the question it answers, as the controller files it"
