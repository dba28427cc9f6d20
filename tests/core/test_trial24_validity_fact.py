"""Trial 24 item 2: "Can the end time be smaller than the start time?" got the output-format fact
("Return a new list of start and end pairs, sorted by start time."): that fact was close only by
the problem's own words (start, end, time). Asking whether something can be so asks which inputs
are valid, which the edge-case topic answers ("Every session has start less than or equal to end.")."""
import pytest
from test_bundled_fact_choice import _script, matcher  # noqa: F401  (the module's model fixture)

from interviewer.core.clarifying_responder import ClarifyingResponder, asks_if_possible


def test_whether_an_input_can_be_so_gets_the_edge_case_fact(matcher):  # noqa: F811
    script = _script("coding_intervals")
    responder = ClarifyingResponder(script.questions[0], matcher, script)
    assert responder.reply("Can the end time be smaller than the start time?").topic == "edge cases"
    assert responder.reply("Could a session have its start after its end?").topic == "edge cases"
    # What the output is stays the output-format fact.
    assert responder.reply("What should I return?").topic == "output format"


@pytest.mark.parametrize("text,possible", [
    ("Can the end time be smaller than the start time?", True),
    ("Could a session have its start after its end?", True),
    ("Is it possible that two sessions are identical?", True),
    ("Can I sort the input in place?", False),     # permission
    ("Can we assume it's sorted?", False),         # an assumption checked
    ("What should I return?", False),
])
def test_asking_whether_something_can_be_so(text, possible):
    assert asks_if_possible(text) is possible
