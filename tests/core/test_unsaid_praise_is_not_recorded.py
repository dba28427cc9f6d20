"""Trial18 item 3: N in Approach with nothing said skipped the part; the interviewer said only
"Go ahead and code it up..." (the planned "That sounds reasonable." dropped: praise for
nothing), but the review and the Markdown export showed "That sounds reasonable. Go ahead..."
as a line asked at that time too: the part's start was handed on with the planned words, and
the round stored those as the answer's question. Only what was said is recorded. Fake clock,
fake speaker."""
from interviewer.core.engine import PhaseStarted
from interviewer.core.round_updates import Speaking

from test_round_controller import step
from test_round_turns import _approach_then_code_round, make

CODE_PROMPT = "Go ahead and code it up in the scratchpad."


def test_n_in_approach_with_nothing_said_records_only_the_line_spoken(tmp_path):
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, script=_approach_then_code_round())
    controller.start()
    step(clock, speaker, controller)
    controller.next_part()  # to the approach part
    step(clock, speaker, controller)
    assert controller.status == "listening"
    controller.next_part()  # nothing said in Approach: skipped
    step(clock, speaker, controller)
    assert speaker.said[-1] == CODE_PROMPT
    started = [u for u in updates if isinstance(u, PhaseStarted) and u.phase == "code"]
    assert [u.prompt for u in started] == [CODE_PROMPT]  # what the store files the answer under
    said = [u.text for u in updates if isinstance(u, Speaking)]
    assert CODE_PROMPT in said and not any("sounds reasonable" in s for s in said)
    assert controller.current_answer.question_text == CODE_PROMPT
    assert engine.current_phase.id == "code"
