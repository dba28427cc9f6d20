"""Trial 26, a coding round: the interviewer asked "Follow-up: What's the time complexity...",
the candidate pressed N. The review and the Markdown showed it as a plain interviewer line (and
the findings as "not asked"); and the answers to the hand-over prompts ("Let's move to your
approach", "Go ahead and write it") were headed by the problem's text plus a "[cut off]" that
belonged to its first reading only. A stored round (real SQLite), through the export and the
review's line labels."""
from __future__ import annotations

from interviewer.core.analysis.report import analyze_answer
from interviewer.core.round_records import CUT_OFF_MARK
from interviewer.core.scripts.loader import parse_script
from interviewer.export.interviewer_lines import label_of, place_lines
from interviewer.export.markdown import render_markdown
from interviewer.export.report import build_report
from interviewer.storage import SessionStatus, Store
from tests.core.analysis.speech import spoken

SCRIPT = parse_script('''
id = "tok"
title = "Coding: tokenizer"
kind = "coding"
minutes = 45

[[phases]]
id = "clarify"
name = "Clarify"
minutes = 5
prompt = "Ask me anything first."

[[phases]]
id = "approach"
name = "Approach"
minutes = 7
prompt = "Let's move from clarifying to your approach."

[[phases]]
id = "code"
name = "Code"
minutes = 33
prompt = "Go ahead and write it."

[[questions]]
id = "tokenize"
phase = "clarify"
text = "Write a function that splits a word into the longest vocabulary pieces."
expected_points = [{ text = "Greedy longest match", keywords = ["longest"], area = "algorithm design" }]

  [[questions.follow_ups]]
  id = "complexity"
  text = "What's the time complexity?"

  [[questions.follow_ups]]
  id = "greedy_fails"
  text = "Can greedy longest-match ever fail?"
''', "tok.toml")
PROBLEM = SCRIPT.question("tokenize").text
APPROACH, CODE = "Let's move from clarifying to your approach.", "Go ahead and write it."


def _store(store: Store) -> int:
    sid = store.create_session(SCRIPT.id, SCRIPT.title, SCRIPT.kind, SCRIPT.minutes, started_at=1_700_000_000.0)
    store.add_phase(sid, "clarify", "Clarify", 5, 0.0)
    said = [(10.0, "question", PROBLEM[:30] + "..." + CUT_OFF_MARK), (40.0, "prompt", APPROACH),
            (80.0, "follow_up", "What's the time complexity?"), (90.0, "prompt", CODE),
            (150.0, "follow_up", "Can greedy longest-match ever fail?")]
    for at, kind, text in said:
        store.add_interviewer_line(sid, at, kind, text)
    answers = [("tokenize", None, PROBLEM[:30] + "..." + CUT_OFF_MARK, 10.0, "clarify", "Is the vocabulary a set?"),
               ("", None, APPROACH, 40.0, "approach", "I take the longest piece that matches at each position."),
               ("", None, CODE, 90.0, "code", "I loop from the longest length down and break on a match."),
               ("tokenize", "greedy_fails", "Can greedy longest-match ever fail?", 150.0, "code", "Yes, it can.")]
    for qid, fid, text, at, phase, words in answers:
        if phase != "clarify" and qid == "":
            store.add_phase(sid, phase, phase.title(), 7, at - 1)
        aid = store.add_answer(sid, qid, text, follow_up_id=fid, asked_at=at, answer_start=at + 2,
                               answer_end=at + 20, with_audio=False, phase_id=phase)
        transcript = spoken(words)
        store.attach_transcript(aid, transcript)
        store.attach_analysis(aid, analyze_answer(transcript, round_kind="coding", question_findings=False).to_dict())
    store.finish_session(sid, SessionStatus.COMPLETED, ended_at=1_700_000_000.0 + 200)
    return sid


def test_a_follow_up_left_with_next_keeps_its_label_marked_skipped(tmp_path):
    with Store.open(tmp_path) as store:
        session = store.get_session(_store(store))
    labels = {line.text: label_of(line) for lines in place_lines(session).before.values() for line in lines}
    assert labels["What's the time complexity?"] == "Follow-up (skipped with Next):"  # the review's label
    markdown = render_markdown(build_report(session, script=SCRIPT))
    assert "Follow-up (skipped with Next): What's the time complexity?" in markdown
    # The follow-up answered is a heading of its own, not marked.
    assert "Follow-up (skipped with Next): Can greedy" not in markdown and "### 4. Can greedy" in markdown


def test_answers_to_hand_over_prompts_are_headed_by_the_question_without_its_cut_off_mark(tmp_path):
    with Store.open(tmp_path) as store:
        session = store.get_session(_store(store))
    report = build_report(session, script=SCRIPT)
    headings = [a.title for a in report.answers]
    # The question worked on, in full, not "[cut off]", led by its part: three answers on one
    # question read the same without it (trial 33).
    assert headings[1:3] == [f"Approach · {PROBLEM}", f"Code · {PROBLEM}"]
    assert headings[0].endswith(CUT_OFF_MARK)  # its own first reading was cut off
    # Without the script, the stored text without the mark.
    assert all(not a.title.endswith(CUT_OFF_MARK) for a in build_report(session).answers[1:3])
