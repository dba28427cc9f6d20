"""Trial 43 defect 8: the first question was cut at once ("Tell... [cut off]") and the candidate's
turn over it was a real answer (they read the question on screen): the live transcript showed
"Q: Tell... [cut off]" once, with the answer under it, but the review showed the question twice,
"[00:28] Q: Tell... [cut off]" (the line) and "[00:29] Q: Tell me about a model..." (the answer's
heading: the turn, filed under the question, had taken its full text and a new time). Filed under
the question, the turn keeps the line as heard and when it was said, as after a late cut, so the
review (which shows a line once when a heading shows it) reads it as the live view did."""
from test_cut_off_words_heard import reporting
from test_noise_barge_in import silence
from test_question_cut_off import talk
from test_round_controller import step
from test_round_turns import make

from interviewer.core.round_records import CUT_OFF_MARK
from interviewer.export.interviewer_lines import lines_to_show
from types import SimpleNamespace

ANSWER = ("I would rank the posts by predicted engagement with a two tower model for candidates and a "
          "gradient boosted ranker on top, trained on clicks and dwell time from the last month.")


def test_a_real_answer_over_a_question_cut_at_once_is_headed_by_the_line_as_heard(tmp_path):
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, speech_seconds=6)
    controller.start()
    clock.set(1300)
    controller.poll()
    speaker.stop()
    controller.poll()
    step(clock, speaker, controller, 6)
    step(clock, speaker, controller, 0.5)
    reporting(speaker, len("Design"))
    controller.on_voice()
    controller.poll()
    turn = controller.current_answer
    marked = "Design..." + CUT_OFF_MARK
    line = next(u for u in controller.utterances if u.text.startswith("Design a news feed"))
    talk(controller, recorder, ANSWER)
    silence(clock, speaker, controller, 8)
    assert turn.question_id == "feed", "the turn answers the question it was said over"
    assert turn.question_text == marked, turn.question_text
    assert abs(turn.asked_at - line.started_at) < 0.01, (turn.asked_at, line.started_at)
    session = SimpleNamespace(lines=[SimpleNamespace(said_at=line.started_at, kind="question", text=marked)],
                              answers=[turn])
    assert lines_to_show(session) == [], "the review shows the question once, as its heading"
