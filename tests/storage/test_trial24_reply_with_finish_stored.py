"""Trial 24 item 6: a reply that went on with the question cut off ("... Let me finish the
question: ...") was talked over. The review shows each interviewer line as the speaker's word
events say it was heard: cut inside the reply, the reply reads the words heard and the finish,
never said, is not shown (the trial's stored round: 75 of the reply's 110 characters heard);
cut inside the finish, the reply is whole and the finish reads the words heard. A guard on the
stored round's shape (it passes on integ: the live screen was what disagreed, see
tests/gui/test_trial22_live_replies.py)."""
from storage_helpers import full_round

from interviewer.core.round_records import cut_off_text
from interviewer.export.interviewer_lines import lines_to_show

REPLY = ("Yes, sessions that touch, where one ends at the second the next one starts, count as "
         "overlapping and get merged.")
FINISH = ("Let me finish the question: You're given a list of user sessions from our logs. Each session "
          "has a start and an end timestamp in seconds.")
SAID = f"{REPLY} {FINISH}"


def stored(store, heard):
    """As RoundSession stores a ReplyCutOff from the controller (_mark_reply_cut_off)."""
    round_id = full_round(store, marker="ZEBRA")
    answer_id = store.get_session(round_id).answers[0].id
    store.add_clarification(answer_id, 12.5, "What about sessions that touch?", "touching", REPLY)
    store.add_interviewer_line(round_id, 12.5, "clarification", SAID)
    marked = cut_off_text(SAID, heard)
    store.mark_line_cut_off(round_id, SAID, marked)
    if heard < len(REPLY):
        store.mark_reply_cut_off(answer_id, REPLY, cut_off_text(REPLY, heard))
    return store.get_session(round_id)


def test_cut_inside_the_reply_the_review_shows_the_words_heard_and_no_finish(store):
    session = stored(store, 75)
    assert [c.reply for c in session.answers[0].clarifications] == [
        "Yes, sessions that touch, where one ends at the second the next one starts... [cut off]"]
    assert not [line for line in lines_to_show(session) if "finish" in line.text or "sessions" in line.text]


def test_cut_inside_the_finish_the_reply_is_whole_and_the_finish_marked(store):
    session = stored(store, len(REPLY) + len(" Let me finish the question: You're given"))
    assert [c.reply for c in session.answers[0].clarifications] == [REPLY]
    assert [line.text for line in lines_to_show(session) if "finish" in line.text] == [
        "Let me finish the question: You're given... [cut off]"]
