"""The candidate's own questions at the wrap-up ("Do you have questions for me?"). A new-user
trial asked the interviewer two questions there: neither got a reply, and the round's summary
counted both as clarifying questions of the round."""
from dataclasses import replace

import pytest

from engine_scripts import design_round
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.summary import Part, summarize
from interviewer.core.candidate_questions import (
    DEFAULT_REPLIES, asks_the_interviewer, defers_questions, invites_questions, question_phases, wants_to_know,
)
from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, RoundEngine
from interviewer.core.conversation_cues import INVITATION
from interviewer.core.round_controller import RoundController
from interviewer.core.round_records import UtteranceKind
from interviewer.core.round_updates import CandidateTurn
from interviewer.core.scripts.loader import discover_scripts
from interviewer.core.scripts.model import FollowUp, Phase, Question, RoundScript
from interviewer.resources import bundled_scripts_dir

from test_round_controller import FakeRecorder, FakeSpeaker, run_now, step
from test_round_turns import FakeAnswerer, SegmentTranscriber, ask
from analysis.speech import spoken

SCRIPTS = discover_scripts(bundled_scripts_dir(), user_dir=bundled_scripts_dir() / "no-such-folder").scripts


def make(tmp_path, script=None):
    """As the app wires it: clarifying questions are answered about a script question only."""
    clock = FakeClock(1000.0)
    engine = RoundEngine(script or design_round(), clock)
    speaker, recorder, updates = FakeSpeaker(clock), FakeRecorder(), []
    facts = FakeAnswerer()
    controller = RoundController(engine, speaker, recorder, SegmentTranscriber.timed(clock), tmp_path,
                                 on_update=updates.append,
                                 run_in_background=run_now, answerer=lambda qid: facts if qid else None)
    return clock, engine, speaker, recorder, controller, updates, facts


def at_wrap_up(tmp_path, script=None):
    clock, engine, speaker, recorder, controller, updates, facts = make(tmp_path, script)
    controller.start()
    clock.set(1000 + 55 * 60 + 5)
    step(clock, speaker, controller)
    assert engine.current_phase.id == "wrap" and controller.current_answer is not None
    return clock, engine, speaker, recorder, controller, updates, facts


def test_the_wrap_up_questions_get_a_short_human_reply_never_silence(tmp_path):
    clock, engine, speaker, recorder, controller, updates, facts = at_wrap_up(tmp_path)
    ask(controller, recorder, "What does the team work on day to day?")
    assert speaker.said[-1] in DEFAULT_REPLIES and controller.utterances[-1].kind == UtteranceKind.CLARIFICATION
    first = speaker.said[-1]
    ask(controller, recorder, "How do you measure success in the role?")
    assert speaker.said[-1] in DEFAULT_REPLIES and speaker.said[-1] != first
    ask(controller, recorder, "Can I ask one more thing?")
    assert speaker.said[-1] == INVITATION
    assert facts.asked == []  # no fact of the script answers the candidate's own questions
    record = controller.current_answer
    assert controller.takes_candidate_questions(record)
    # Kept as exchanges, so the review shows what the interviewer said; none is about a topic.
    assert [c.topic for c in record.clarifications] == [None, None]


def test_two_questions_for_the_interviewer_in_one_breath_get_one_reply(tmp_path):
    """trial12, ML depth round in the real app: "What does the team work on day to day? And how
    do you measure success in this role?" got "Good question, and a good one to ask in your real
    interviews. Anything else you'd like to ask?" and straight after it "Thanks for asking; that's
    a thoughtful one. What else would you like to know?": two stock replies to one turn."""
    clock, engine, speaker, recorder, controller, updates, facts = at_wrap_up(tmp_path)
    before = len(speaker.said)
    ask(controller, recorder, "What does the team work on day to day? And how do you measure success in this role?")
    step(clock, speaker, controller)
    replies = speaker.said[before:]
    assert len(replies) == 1 and replies[0] in DEFAULT_REPLIES, replies
    assert len(controller.current_answer.clarifications) == 1
    # Before the hand-over too (a question plainly for the interviewer while the last question
    # is answered), and a clarifying question in the same breath still gets its fact.
    clock, engine, speaker, recorder, controller, updates, facts = last_question_in_the_wrap_up(tmp_path)
    recorder.speak("I would measure latency earlier.")
    before = len(speaker.said)
    ask(controller, recorder, "What is the latency budget again? And what does the team work on day to day? "
                              "How big is the team?")
    step(clock, speaker, controller)
    replies = speaker.said[before:]
    assert replies[0] == "Assume a 200 millisecond budget." and len(replies) == 2, replies
    assert replies[1] in DEFAULT_REPLIES


def test_a_script_gives_its_own_wrap_up_replies(tmp_path):
    script = design_round()
    wrap = replace(script.phases[-1], replies=("We ship every week; the team is six people.",))
    script = replace(script, phases=script.phases[:-1] + (wrap,))
    clock, engine, speaker, recorder, controller, updates, facts = at_wrap_up(tmp_path, script)
    ask(controller, recorder, "How often do you ship?")
    assert speaker.said[-1] == "We ship every week; the team is six people."


def test_after_the_last_question_of_the_wrap_up_the_floor_is_handed_over(tmp_path):
    """"One last question from me, then it's your turn": once it is answered the interviewer
    says so, and the candidate's questions are not taken as clarifying the last question."""
    script = design_round()
    wrap = Phase("wrap", "Wrap-up", 5, "One last question from me, then it's your turn.")
    last = Question("lesson", "What would you do differently?", "wrap")
    script = replace(script, phases=script.phases[:-1] + (wrap,), questions=script.questions + (last,))
    clock, engine, speaker, recorder, controller, updates, facts = at_wrap_up(tmp_path, script)
    assert controller.current_answer.question_id == "lesson"
    recorder.speak("I would measure latency earlier")
    controller.end_answer()
    step(clock, speaker, controller)
    assert speaker.said[-1] == controller.settings.your_turn_text
    assert [u for u in updates if isinstance(u, CandidateTurn)][-1].text == controller.settings.your_turn_text
    record = controller.current_answer
    assert record is not None and record.question_id is None and controller.takes_candidate_questions(record)
    ask(controller, recorder, "What is the latency culture like on the team?")
    assert speaker.said[-1] in DEFAULT_REPLIES and facts.asked == []


def last_question_in_the_wrap_up(tmp_path):
    script = design_round()
    wrap = Phase("wrap", "Wrap-up", 5, "One last question from me, then it's your turn.")
    last = Question("lesson", "What would you do differently?", "wrap")
    script = replace(script, phases=script.phases[:-1] + (wrap,), questions=script.questions + (last,))
    return at_wrap_up(tmp_path, script)


def test_a_question_for_the_interviewer_before_the_hand_over_gets_no_make_an_assumption(tmp_path):
    """A whole-round trial: answering "One last question from me, then it's your turn", the
    candidate went straight on to their own question ("What does the team work on day to
    day?") and got the no-fact reply of a clarifying question, "Make a reasonable assumption"."""
    clock, engine, speaker, recorder, controller, updates, facts = last_question_in_the_wrap_up(tmp_path)
    assert controller.current_answer.question_id == "lesson"
    recorder.speak("I would measure latency earlier.")
    ask(controller, recorder, "What does the team work on day to day?")
    assert speaker.said[-1] in DEFAULT_REPLIES
    ask(controller, recorder, "What do you enjoy most about working here?")
    assert speaker.said[-1] in DEFAULT_REPLIES
    # Not a fact that shares a word with it (the pytest-qt play of a bundled round: "What does
    # the team work on day to day?" got the last question's "Same team, same budget.").
    ask(controller, recorder, "How does the team handle latency day to day?")
    assert speaker.said[-1] in DEFAULT_REPLIES
    # A question about the problem is still answered from the script's facts, as before.
    ask(controller, recorder, "What is the latency budget again?")
    assert speaker.said[-1] == "Assume a 200 millisecond budget."
    ask(controller, recorder, "Should I talk about the modelling side?")
    assert speaker.said[-1] == "Good question. Make a reasonable assumption and state it."


def test_a_question_for_the_interviewer_after_anything_to_add_gets_the_candidate_reply(tmp_path):
    """A round without a wrap-up: after "Anything you'd like to add?" the floor is the
    candidate's, though the recording adds to the last answer."""
    from test_round_nothing_left_in_last_part import OFFER, ONE_PART, _answer
    from test_round_turns import make as make_turns

    clock, engine, speaker, recorder, controller, updates = make_turns(
        tmp_path, script=ONE_PART, speech_seconds=2, answerer=FakeAnswerer())
    controller.start()
    _answer(clock, speaker, recorder, controller, "High bias underfits; regularization trades one for the other.")
    assert speaker.said[-1] == OFFER
    while controller.current_answer is None:
        step(clock, speaker, controller, 0.5)
    ask(controller, recorder, "Yes, what are the next steps in the process?")
    step(clock, speaker, controller, 3)
    assert speaker.said[-1] in DEFAULT_REPLIES


def test_after_the_summary_the_prompt_asked_for_the_interviewer_takes_the_questions(tmp_path):
    """Playing a bundled system-design round to its end (pytest-qt, fake clock): "Summarize your
    design in a minute, and then I'll take your questions." - the candidate summarized, and the
    round sat silent, waiting, for the rest of the part."""
    script = design_round()
    wrap = Phase("wrap", "Wrap-up", 5, "Summarize your design in a minute, and then I'll take your questions.")
    script = replace(script, phases=script.phases[:-1] + (wrap,))
    clock, engine, speaker, recorder, controller, updates, facts = at_wrap_up(tmp_path, script)
    recorder.speak("A two-stage ranker over a feature store; the biggest risk is stale features.")
    controller.end_answer()
    step(clock, speaker, controller)
    assert speaker.said[-1] == controller.settings.your_turn_text and controller.status == "listening"
    record = controller.current_answer
    assert record.question_id is None and controller.takes_candidate_questions(record)
    ask(controller, recorder, "What does the team work on day to day?")
    assert speaker.said[-1] in DEFAULT_REPLIES
    recorder.speak("No, that's all from me, thank you.")
    controller.end_answer()
    step(clock, speaker, controller)
    assert speaker.said[-1] == controller.settings.early_closing_text and speaker.said.count(
        controller.settings.your_turn_text) == 1


def test_a_summary_that_asked_its_questions_already_is_not_handed_the_floor_again(tmp_path):
    script = design_round()
    wrap = Phase("wrap", "Wrap-up", 5, "Summarize your design in a minute, and then I'll take your questions.")
    script = replace(script, phases=script.phases[:-1] + (wrap,))
    clock, engine, speaker, recorder, controller, updates, facts = at_wrap_up(tmp_path, script)
    recorder.speak("A two-stage ranker, risky on freshness.")
    ask(controller, recorder, "And what are the next steps in the process?")
    controller.end_answer()
    step(clock, speaker, controller)
    assert controller.settings.your_turn_text not in speaker.said


def test_a_question_said_as_a_statement_on_the_candidates_floor_gets_a_reply(tmp_path):
    """"Do you have questions for me?" - "Yes, I'd love to hear a bit about the team." and the end
    key, or a wait: the round sat silent, waiting, to the end of the part."""
    from interviewer.core.trailing_questions import STATED_QUESTION_WAIT_S

    clock, engine, speaker, recorder, controller, updates, facts = at_wrap_up(tmp_path)
    recorder.speak("Yes, I'd love to hear a bit about the team.")
    controller.end_answer()
    step(clock, speaker, controller)
    assert speaker.said[-1] in DEFAULT_REPLIES and controller.status == "listening"
    first = speaker.said[-1]
    ask(controller, recorder, "I was also curious about the next steps in the process.", pause=STATED_QUESTION_WAIT_S + 0.5)
    assert speaker.said[-1] in DEFAULT_REPLIES and speaker.said[-1] != first
    # Said about the team, asking nothing: no reply.
    ask(controller, recorder, "I really enjoyed talking about the team.", pause=STATED_QUESTION_WAIT_S + 0.5)
    assert len([s for s in speaker.said if s in DEFAULT_REPLIES]) == 2
    assert facts.asked == []


@pytest.mark.parametrize("sentence,wants", [
    ("Yes, I'd love to hear a bit about the team.", True), ("Tell me about the on-call rotation.", True),
    ("I'm curious what the next steps are.", True), ("I'd be interested in the culture of the team.", True),
    ("I really enjoyed talking about the team.", False), ("I would like to add one thing about my design.", False),
    ("Tell me if the latency budget changes.", False),
])
def test_a_wish_to_know_about_the_job_is_told_from_other_statements(sentence, wants):
    assert wants_to_know(sentence) is wants


def test_the_bundled_prompts_that_ask_for_something_first_are_told_apart():
    deferring = {s.id for s in SCRIPTS if defers_questions(s.phases[-1].prompt)}
    assert {s.id for s in SCRIPTS if s.kind == "ml_system_design"} <= deferring
    assert not defers_questions("We have a few minutes left. What would you like to ask me?")
    assert not defers_questions("That's everything from me. What would you like to ask?")
    assert defers_questions("Summarize your design in a minute and tell me what you'd build first; then your questions.")


@pytest.mark.parametrize("question", [
    "What does the team work on day to day?", "What do you enjoy most about your job?",
    "What are the next steps in the process?", "How long have you been on the team?",
    "What does success look like in the first six months?", "What's your favorite part of working here?",
    "How is the on-call for the team?", "What tech stack do you use?", "What is the culture like?",
    "How does the interview process work from here?", "Is the role remote-first?",
])
def test_questions_for_the_interviewer_are_told_by_their_words(question):
    assert asks_the_interviewer(question)


@pytest.mark.parametrize("question", [
    "Would you like me to code it?", "What do you mean by active users?", "How many users are there?",
    "Can I assume the list fits in memory?", "Do you want me to handle duplicates?",
    "What is the latency budget?", "Is the data labelled by a team of annotators?",
    "Should I talk about my team's project or my own part?", "What would you expect the output to be?",
])
def test_clarifying_questions_are_not_taken_for_the_interviewers(question):
    assert not asks_the_interviewer(question)


def test_a_last_phase_named_wrap_up_takes_the_questions_whatever_its_prompt_says():
    script = design_round()
    for name in ("Wrap-up", "Q&A", "Your questions"):
        wrap = Phase("end", name, 5, "Thanks, that's all from me.")
        assert question_phases(replace(script, phases=script.phases[:-1] + (wrap,))) == {"end"}, name
    # Not a phase before the last one, nor a last phase of work.
    middle = Phase("questions", "Questions", 5, "Let's go through some quick questions.")
    assert question_phases(replace(script, phases=(middle,) + script.phases[1:])) == {"wrap"}
    work = Phase("deep", "Deep dive", 5, "Let's go deeper.")
    assert question_phases(replace(script, phases=script.phases[:-1] + (work,))) == set()


def test_the_wrap_up_does_not_go_back_to_the_last_questions_follow_ups():
    """A phase without questions of its own goes on with the last question's follow-ups; not one
    whose floor is the candidate's: "Do you have questions for me?", then a follow-up on serving."""
    script = design_round()
    serving = replace(script.question("serving"), follow_ups=(FollowUp("serving-cache", "Would you cache?"),))
    script = replace(script, questions=tuple(serving if q.id == "serving" else q for q in script.questions))
    clock = FakeClock()
    engine = RoundEngine(script, clock)
    engine.start()
    clock.set(40 * 60 + 5)
    engine.poll()
    while not any(isinstance(e, AskQuestion) and e.question_id == "serving" for e in engine.answer_finished("ok")):
        pass
    assert engine.current_phase.id == "deep"
    engine.next_phase()  # Next before the follow-up is asked
    assert engine.current_phase.id == "wrap"
    assert engine.answer_finished("What does the team work on?") == []


def test_every_bundled_script_takes_the_candidates_questions_in_its_last_phase_only():
    for script in SCRIPTS:
        assert question_phases(script) == {script.phases[-1].id}, (script.id, script.phases[-1].prompt)
    # The wording alone would take an opening that invites clarifying questions ("Ask me anything
    # before you start."): only the last phase is read by it.
    assert invites_questions("Ask me anything before you start.")
    assert question_phases(design_round()) == {"wrap"}
    assert question_phases(replace(design_round(), phases=design_round().phases[:-1])) == set()


def test_questions_for_the_interviewer_are_no_clarifying_questions_in_the_analysis():
    said = spoken("Yes, what does the team work on day to day? [1.5] And how big is the team?")
    counted = analyze_answer(said)
    assert len(counted.clarifying.questions) == 2  # what an answer about a problem would count
    analysis = analyze_answer(said, questions_for_interviewer=True).to_dict()
    assert analysis["clarifying_questions"] == [] and len(analysis["questions_for_interviewer"]) == 2
    assert not [f for f in analysis["findings"] if "clarifying" in f["kind"]]


def test_the_summary_does_not_count_a_stored_wrap_ups_questions_as_clarifying():
    """A round stored before the analysis told them apart: its wrap-up part lists them as
    clarifying questions; the part's phase says they were not."""
    asked = {"clarifying_questions": [{"text": "What is the latency?", "start": 1.0, "end": 2.0, "topics": []}]}
    wrap_asked = {"clarifying_questions": [{"text": "What does the team do?", "start": 1.0, "end": 2.0,
                                            "topics": []}] * 2}
    parts = [Part(1, "feed", None, "Design a news feed ranking system.", 300.0, 305.0, 600.0, asked,
                  phase_id="clarify"),
             Part(2, "", None, "Let's wrap up. Do you have questions for me?", None, 3305.0, 3500.0, wrap_asked,
                  phase_id="wrap")]
    numbers = summarize(parts, [0.0, 300.0, 900.0, 2400.0, 3300.0], script=design_round())
    assert numbers.clarifying_asked == 1 and [a.clarifying_asked for a in numbers.answers] == [1, 0]
    assert summarize(parts, question_phases={"wrap"}).clarifying_asked == 1
    # Without the phase (a round stored before it was kept, with no timeline) nothing is known.
    unknown = [replace(p, phase_id=None) for p in parts]
    assert summarize(unknown, script=design_round()).clarifying_asked == 3


def test_a_script_writes_its_replies_and_a_wrong_type_is_named():
    from interviewer.core.scripts.loader import ScriptError, parse_script
    from test_scripts_loader import VALID

    text = VALID.replace('prompt = "One last change, then your questions."',
                         'prompt = "One last change, then your questions."\n'
                         'replies = ["We ship weekly. Anything else?", "Good one. What else?"]')
    script = parse_script(text, "round.toml")
    assert script.phase("wrap_up").replies == ("We ship weekly. Anything else?", "Good one. What else?")
    assert question_phases(script) == {"wrap_up"}
    with pytest.raises(ScriptError) as bad:
        parse_script(text.replace('replies = ["We ship weekly. Anything else?", "Good one. What else?"]',
                                  'replies = "We ship weekly."'), "round.toml")
    assert any("phases[3].replies: must be a list of strings" in p for p in bad.value.problems)
