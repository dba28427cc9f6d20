"""The review's transcript names what the interviewer said before each answer as the live
transcript does: a new user's trial saw 'Follow-up:' and 'New constraint:' live, and '[02:12] Q:'
for both in the review (a phase's opening prompt was 'Q:' too)."""
from __future__ import annotations

import textwrap

from interviewer.core.scripts.loader import parse_script
from interviewer.storage import Store

SCRIPT = textwrap.dedent('''
    id = "labels"
    title = "Labels"
    kind = "coding"
    minutes = 45

    [[phases]]
    id = "solve"
    name = "Solve"
    minutes = 40
    prompt = "Hi, let's start."

    [[phases]]
    id = "scale"
    name = "Scale"
    minutes = 5
    prompt = "Let's change the problem."

    [[questions]]
    id = "merge"
    phase = "solve"
    text = "Merge the overlapping sessions."

    [[questions.follow_ups]]
    id = "complexity"
    text = "What is the complexity?"

    [[questions.follow_ups]]
    id = "distributed"
    at_phase = "scale"
    text = "New constraint: the sessions no longer fit on one machine."
''')


def _stored(store: Store) -> int:
    sid = store.create_session("labels", "Labels", "coding", 45)
    store.add_phase(sid, "solve", "Solve", 40, 0.0)
    asks = [("", None, "Hi, let's start."), ("merge", None, "Merge the overlapping sessions."),
            ("merge", "complexity", "What is the complexity?"),
            ("merge", "distributed", "New constraint: the sessions no longer fit on one machine.")]
    for n, (qid, fid, text) in enumerate(asks):
        store.add_answer(sid, qid, text, follow_up_id=fid, asked_at=60.0 * n, answer_start=60.0 * n + 5,
                         answer_end=60.0 * n + 30, with_audio=False)
    return sid


def test_the_review_names_prompts_questions_follow_ups_and_new_constraints(qapp, isolated_dirs):
    from interviewer.gui.review_screen import ReviewScreen

    script = parse_script(SCRIPT, "labels.toml")
    with Store.open() as store:
        session = store.get_session(_stored(store))
    screen = ReviewScreen()
    screen.show_session(session, script)
    lines = [line for line in screen.transcript.toPlainText().splitlines() if line.startswith("[")]
    assert lines == ["[00:00] Interviewer: Hi, let's start.",
                     "[01:00] Q: Merge the overlapping sessions.",
                     "[02:00] Follow-up: What is the complexity?",
                     "[03:00] New constraint: the sessions no longer fit on one machine."], lines
    # Without the script (deleted since), a follow-up is still named one.
    screen.show_session(session, None)
    lines = [line for line in screen.transcript.toPlainText().splitlines() if line.startswith("[")]
    assert lines[2:] == ["[02:00] Follow-up: What is the complexity?",
                         "[03:00] New constraint: the sessions no longer fit on one machine."], lines


def test_a_constraint_written_as_new_constraint_is_not_labelled_twice_live(qapp):
    """coding_intervals says 'New constraint: the log now holds ten billion sessions...'; the live
    transcript showed 'New constraint: New constraint: the log now holds...'."""
    from interviewer.gui.live_transcript import LiveTranscriptView, label_for

    assert label_for("New constraint: ", "New constraint: the log now holds ten billion sessions.") == ""
    assert label_for("New constraint: ", "Imagine the model must serve a new country.") == "New constraint: "
    assert label_for("Follow-up: ", "What is the complexity?") == "Follow-up: "
    view = LiveTranscriptView()
    view.add_heading("New constraint: the log now holds ten billion sessions.", label="New constraint:")
    view.add_heading("Imagine the model must serve a new country.", label="New constraint:")
    assert view.plain_text().splitlines() == ["New constraint: the log now holds ten billion sessions.",
                                               "New constraint: Imagine the model must serve a new country."]


def test_a_behavioral_rounds_later_follow_up_is_no_new_constraint(qapp, isolated_dirs):
    """A new-user run: "New constraint: Before we move on: thinking back to the conflict you
    described at the start, did you ever get feedback about how you handled it?" in a behavioral
    round, live and in the review; a question about a story told earlier changes no problem."""
    from interviewer.core.clock import FakeClock
    from interviewer.core.engine import AskQuestion, RoundEngine
    from interviewer.gui.review_screen import ReviewScreen

    script = parse_script(SCRIPT.replace('kind = "coding"', 'kind = "behavioral"').replace(
        "New constraint: the sessions no longer fit on one machine.",
        "Thinking back to that story, what feedback did you get?"), "labels.toml")
    engine = RoundEngine(script, FakeClock())
    engine.start()
    asks = [e for e in engine.next_phase() if isinstance(e, AskQuestion)]
    assert [(e.follow_up_id, e.reason) for e in asks] == [("distributed", "follow_up")]
    with Store.open() as store:
        sid = store.create_session("labels", "Labels", "behavioral", 45)
        store.add_answer(sid, "merge", "Thinking back to that story, what feedback did you get?",
                         follow_up_id="distributed", asked_at=60.0, answer_start=65.0, answer_end=90.0,
                         with_audio=False)
        session = store.get_session(sid)
    screen = ReviewScreen()
    screen.show_session(session, script)
    assert "[01:00] Follow-up: Thinking back to that story" in screen.transcript.toPlainText()


def test_a_constraint_the_script_labels_itself_gets_no_second_label(qapp):
    """New-user trial 13: "New constraint: Twist: the test shows clicks up three percent...".
    A follow-up that opens with its own label ("Twist:", "New requirement:") is shown with that
    one label; others, also one that mentions its change on the way, get "New constraint:"."""
    from interviewer.core.scripts.loader import discover_scripts
    from interviewer.gui.live_transcript import label_for
    from interviewer.resources import bundled_scripts_dir

    assert label_for("New constraint: ", "Twist: the test shows clicks up three percent.") == ""
    # Named in a lead-in: that lead-in is its label, shown as one (trial 16); a second label
    # doubled the words (trial 31: "New constraint: Before serving, a new constraint: ...").
    assert label_for("New constraint: ", "Before features, a new constraint: a privacy change.") == ""
    assert label_for("New constraint: ", "Suppose your budget were cut by ten. Twist: what now?") == "New constraint: "
    assert label_for("Follow-up: ", "Twist: what now?") == "Follow-up: "
    changing = [f.text for s in discover_scripts(bundled_scripts_dir(), bundled_scripts_dir() / "none").scripts
                for q in s.questions for f in q.follow_ups if f.changes_the_problem(s.kind)]
    for text in changing:
        shown = (label_for("New constraint: ", text) + text).lower()
        said = sum(shown.split(":", 1)[0].count(o) for o in ("new constraint", "twist", "new requirement",
                                                                 "change of", "new situation"))
        assert said <= 1, shown
