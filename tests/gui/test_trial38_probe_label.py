"""Trial 38: two probes of the interviewer's own ("How would you train and validate it so the
offline numbers hold up live?") were labelled "Follow-up:" on the round screen and in the review,
as if the script asked them. A probe (core.probes, a follow-up id "probe-...") is labelled
"Probe:" wherever a follow-up's label is shown: one decision, core.ask_labels.line_label."""
from types import SimpleNamespace

from interviewer.core.ask_labels import FOLLOW_UP_LABEL, PROBE_LABEL, is_probe, line_label
from interviewer.core.probes import TRADEOFF_ID
from interviewer.core.round_records import UtteranceKind
from interviewer.core.round_updates import Speaking
from interviewer.export.report import answer_label


def follow_up_label(follow_up_id):
    return line_label("follow_up", follow_up_id)


def test_a_probe_is_labelled_probe_and_a_scripted_follow_up_follow_up():
    assert follow_up_label("probe-4") == PROBE_LABEL == "Probe:"
    assert follow_up_label("probe-1-again") == PROBE_LABEL
    assert follow_up_label(TRADEOFF_ID) == PROBE_LABEL
    assert follow_up_label("label_delay") == FOLLOW_UP_LABEL == "Follow-up:"
    assert not is_probe("probes_scripted") and not is_probe(None)


def test_the_exports_name_a_probe_a_probe():
    answer = SimpleNamespace(follow_up_id="probe-2", question_id="data_features", asked_at=150.0, answer_start=155.0)
    assert answer_label(answer, "ml_system_design").startswith("Probe, asked at")
    scripted = SimpleNamespace(follow_up_id="bad_taps", question_id="data_features", asked_at=150.0, answer_start=155.0)
    assert answer_label(scripted, "ml_system_design").startswith("Follow-up, asked at")


def test_the_round_screen_and_the_review_label_a_probe_probe():
    from interviewer.gui.review_screen import ReviewScreen
    from interviewer.gui.round_screen import _question_label

    probe = Speaking("How would you know it works?", UtteranceKind.FOLLOW_UP, 10.0, "model_loss", follow_up_id="probe-2")
    scripted = Speaking("Why that loss?", UtteranceKind.FOLLOW_UP, 10.0, "model_loss", follow_up_id="why_loss")
    assert _question_label(probe, "").strip() == "Probe:"
    assert _question_label(scripted, "").strip() == "Follow-up:"
    review = SimpleNamespace(_script=None, session=SimpleNamespace(kind="ml_system_design"))
    answer = SimpleNamespace(follow_up_id="probe-2", question_id="model_loss", question_text="How would you know it works?")
    assert ReviewScreen._ask_label(review, answer) == "Probe:"
