"""Trial 20 item 2: the live transcript showed a question the candidate talked over as asked in
full; its heading is marked cut off (LineCutOff), as the review and exports show it."""
from interviewer.core.round_records import cut_off_text
from interviewer.gui.live_transcript import LiveTranscriptView

QUESTION = "Tell me about a time you joined a team that didn't trust you yet. How did you earn it?"


def test_a_question_talked_over_is_marked_cut_off_in_the_live_transcript(qtbot):
    view = LiveTranscriptView()
    qtbot.addWidget(view)
    view.add_heading("That sounds reasonable.", prompt=True)
    view.add_heading(QUESTION)
    view.mark_cut_off(cut_off_text(QUESTION))
    lines = [line for line in view.plain_text().splitlines() if line.strip()]
    assert lines[-1] == f"Q: {cut_off_text(QUESTION)}"
    assert lines[0] == "Interviewer: That sounds reasonable." and len(lines) == 2
    # The next question comes below it as usual.
    view.add_heading("What did you do first?")
    assert [line for line in view.plain_text().splitlines() if line.strip()][-1] == "Q: What did you do first?"
