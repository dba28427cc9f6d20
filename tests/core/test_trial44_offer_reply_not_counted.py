"""Trial 44 (D8): "No, let's wrap up." (the reply to the offer of an extra question) took the live
word count from 150 to 154: a reply to an offer is no answer and counts in no measure. One place
decides (core.round_records.AnswerRecord.counted); the controller says it on AnswerEnded
(not_counted), which the live counter leaves out, as the review drops the reply. Fake clock."""
from __future__ import annotations

from test_trial37_extra_offer import _round_to_offer, _until

from interviewer.core.round_updates import AnswerEnded


def test_the_reply_to_the_offer_is_ended_as_not_counted(tmp_path):
    clock, speaker, recorder, controller, updates = _round_to_offer(tmp_path)
    offer = controller.current_answer
    first = next(u for u in updates if isinstance(u, AnswerEnded))
    assert not first.not_counted, "the answer to the question counts"
    recorder.speak("No, let's wrap up.")
    controller.end_answer()
    _until(clock, speaker, controller, lambda: any(isinstance(u, AnswerEnded) and u.answer == offer.index
                                                   for u in updates))
    [ended] = [u for u in updates if isinstance(u, AnswerEnded) and u.answer == offer.index]
    assert ended.not_counted and not offer.counted
