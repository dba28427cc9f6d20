"""Trial 14, a coding round's clarify part: after the interviewer answered a question, the status
line went from "ask whatever you need. Say "That's all my questions"..." to "take your time to
think, then answer out loud", while the part still waited for questions."""
from interviewer.core.round_status import ControllerStatus, status_text


def test_the_clarify_part_says_how_to_finish_asking_before_and_after_a_reply():
    for heard in (True, False):
        text = status_text(ControllerStatus.LISTENING, heard_speech=heard, asking=True)
        assert text.startswith("Listening: ask whatever you need.") and "That's all my questions" in text
    assert "answer out loud" in status_text(ControllerStatus.LISTENING)
