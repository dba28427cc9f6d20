"""Trial 29 leftover: "Can I get a hint?", written "Can I get up in?" by the speech model, was
answered "Sure, go ahead.": granted as if leave to do something had been asked. A short yes/no ask
of small words only, pointing at nothing, is asked to be said again; understood asks keep their
replies."""
import pytest

from interviewer.core import interview_requests as requests
from interviewer.core.clarifying_responder import OWN_PROJECT_REPLY, ClarifyingResponder
from interviewer.core.matching import LexicalEncoder, Matcher
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.scripts.model import ClarifyingTopic, Question


def responder():
    question = Question(id="q", phase="p", text="Design a feed ranking system for a social app.",
                        clarifying_topics=(ClarifyingTopic("latency", ("latency",), "Assume 200 ms."),))
    return ClarifyingResponder(question, Matcher(LexicalEncoder()))


@pytest.mark.parametrize("said", ["Can I get up in?", "Could we go on in?"])
def test_a_short_ask_that_says_nothing_is_asked_again_not_granted(said):
    reply = responder().reply(said)
    assert reply.text != requests.PERMISSION_REPLY
    assert reply == (None, requests.UNCLEAR_REPLY)
    assert reply.text == ControllerSettings().unclear_text  # one wording for "say it again"


@pytest.mark.parametrize("said, reply", [
    ("Can I use Python?", requests.PERMISSION_REPLY),
    ("Can I do that?", requests.PERMISSION_REPLY),
    ("Can I start?", requests.PERMISSION_REPLY),
    ("What is the latency budget?", "Assume 200 ms."),
])
def test_asks_that_are_understood_keep_their_replies(said, reply):
    assert responder().reply(said).text == reply


def test_a_real_hint_request_still_gets_a_hint():
    assert requests.asks_for_hint("Can I get a hint?")
    assert responder().reply("Can I get a hint?").text not in (requests.UNCLEAR_REPLY, requests.PERMISSION_REPLY,
                                                               OWN_PROJECT_REPLY)
