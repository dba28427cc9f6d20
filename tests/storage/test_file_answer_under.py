"""Trial 16 item 8: an answer begun over a question cut off at once is saved under no question
(the cut-off line); when it turns out to be a real answer it is filed under that question, so
the review and exports show it with the question it answered."""


def test_an_answer_saved_under_no_question_is_filed_under_the_question_it_answered(store):
    sid = store.create_session("sd-feed", "Feed ranking design", "ml_system_design", 45)
    answer_id = store.add_answer(sid, "", "Sketch the main components end to end. [cut off]", asked_at=5.0)
    store.file_answer_under(answer_id, "high_level", "Sketch the high-level architecture.")
    [answer] = store.get_session(sid).answers
    assert (answer.question_id, answer.follow_up_id, answer.question_text) == (
        "high_level", None, "Sketch the high-level architecture.")
