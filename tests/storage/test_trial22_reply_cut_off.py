"""Trial 22 item 3(c): a reply the candidate talked over showed in full in the review and the
exports. The round marks its line and its exchange alike (core.round_updates.ReplyCutOff), so
the review shows the reply once, as heard."""
from storage_helpers import full_round

from interviewer.export.interviewer_lines import lines_to_show

REPLY = "Labels come from chargebacks and from analyst reviews; chargebacks can take up to sixty days."
MARKED = "Labels... [cut off]"


def test_a_reply_cut_off_reads_the_words_heard_once(store):
    round_id = full_round(store, marker="ZEBRA")
    answer_id = store.get_session(round_id).answers[0].id
    store.add_clarification(answer_id, 12.5, "How quickly do we get labels?", "labels", REPLY)
    store.add_interviewer_line(round_id, 12.5, "clarification", REPLY)
    store.mark_line_cut_off(round_id, REPLY, MARKED)
    store.mark_reply_cut_off(answer_id, REPLY, MARKED)
    session = store.get_session(round_id)
    assert [c.reply for c in session.answers[0].clarifications] == [MARKED]
    assert not [line for line in lines_to_show(session) if "Labels" in line.text]
