"""Trial 29 D3: over the lead-in "Let's start with some context. If you have several models to
choose from, ask me which kind I'd like to hear about." the candidate asked which kind; the
question queued behind the lead-in waited for their turn to end, their question got no reply,
and "So, as I was saying:" and the question came 9 s later. A clarifying question said over a
lead-in is answered with the facts of the question still to come, and the reply goes on with
that question in full ("... So, as I was saying: ..."); the turn is filed under the question,
and what follows answers it. Fake clock and fakes."""
from test_question_cut_off import FEED, PROMPT, said_in_full, talk
from test_round_controller import step
from test_round_turns import FakeAnswerer, make

from interviewer.core.round_records import cut_off_text
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.round_updates import AnswerFiled, LineCutOff

LEAD_IN = ControllerSettings().reask_lead_in


def over_the_lead_in(tmp_path):
    answerer = FakeAnswerer()  # the facts of the problem, as a script's are: none before it
    clock, engine, speaker, recorder, controller, updates = make(
        tmp_path, speech_seconds=6, answerer_for=lambda question_id: answerer if question_id == "feed" else None)
    controller.start()
    clock.set(1300)  # the requirements part is due: its lead-in, then the problem
    controller.poll()
    speaker.stop()  # the intro's prompt
    controller.poll()
    step(clock, speaker, controller, 3)
    assert speaker.said[-1] == PROMPT and speaker.busy
    controller.on_voice()  # they ask as the lead-in invites them to
    controller.poll()
    assert not speaker.busy
    return clock, engine, speaker, recorder, controller, updates


def test_a_clarifying_question_over_a_lead_in_is_answered_then_the_question_said(tmp_path):
    clock, engine, speaker, recorder, controller, updates = over_the_lead_in(tmp_path)
    turn = controller.current_answer
    assert turn.question_id is None and turn.question_text == cut_off_text(PROMPT)
    talk(controller, recorder, "Sorry, what is the latency budget?")
    controller.on_silence(1)
    controller.poll()
    said_in_full(clock, speaker, controller, f"Assume a 200 millisecond budget. {LEAD_IN} {FEED}")
    assert controller.current_answer is turn, "the question is said before they answer, in the same turn"
    assert (turn.question_id, turn.question_text) == ("feed", FEED), "the turn is the question's now"
    assert [(u.answer, u.question_id) for u in updates if isinstance(u, AnswerFiled)] == [(turn.index, "feed")]
    assert [u.text for u in updates if isinstance(u, LineCutOff)] == [PROMPT]
    talk(controller, recorder, "Okay. I would rank the feed with a two stage system, candidate generation then "
                               "a ranking model optimizing engagement.")
    controller.end_answer()
    for _ in range(10):
        step(clock, speaker, controller, 0.5)
    assert speaker.said.count(LEAD_IN) == 0 and not any(s == FEED for s in speaker.said), "not asked again"
    assert turn.question_id == "feed" and turn.transcript is not None
