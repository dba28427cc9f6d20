"""Trial 40 item 5: a round's review must not change after the fact. An extra question's part is
made again from the script it came from; the round now keeps that script's text with it too, so
the part (its question and talking points) is there when that file is edited or deleted later."""
import textwrap

from interviewer.core.extra_questions import EXTRAS_KIND, extras_details, round_script, with_extra_part
from interviewer.core.scripts.loader import parse_script
from interviewer.storage.models import Finding

from test_extra_questions import story_round

OTHER = textwrap.dedent('''
    id = "other-stories"
    title = "More stories"
    kind = "behavioral"
    minutes = 45

    [[phases]]
    id = "intro"
    name = "Introductions"
    minutes = 3
    prompt = "Hi."

    [[phases]]
    id = "stories"
    name = "Stories"
    minutes = 37
    prompt = "Let's talk about your work."

    [[phases]]
    id = "wrap"
    name = "Wrap-up"
    minutes = 5
    prompt = "Do you have questions for me?"

    [[questions]]
    id = "conflict"
    phase = "stories"
    text = "Tell me about a disagreement with a colleague."
    expected_points = [{ text = "Says what they did to resolve it", keywords = ["resolve"], area = "conflict" }]
''')


def test_an_extra_part_is_made_again_from_the_text_kept_when_its_file_is_gone():
    own, other = story_round(), parse_script(OTHER)
    assert other.text == OTHER
    ran = with_extra_part(own, other, 1, 12, "wrap")
    details = extras_details(ran, [other.id], texts={other.id: other.text})
    assert details[0]["text"] == OTHER
    stored = Finding(1, None, EXTRAS_KIND, None, None, "", {"extras": details})
    assert round_script(own, [stored], [other]) == ran
    assert round_script(own, [stored], []) == ran  # its file deleted: the same round
    edited = parse_script(OTHER.replace("a disagreement with a colleague", "a deadline you missed"))
    assert round_script(own, [stored], [edited]) == ran  # its file edited: the same round


def test_an_extra_stored_without_its_text_still_comes_from_the_file():
    own, other = story_round(), parse_script(OTHER)
    ran = with_extra_part(own, other, 1, 12, "wrap")
    stored = Finding(1, None, EXTRAS_KIND, None, None, "", {"extras": extras_details(ran, [other.id])})
    assert round_script(own, [stored], [other]) == ran
    assert round_script(own, [stored], []) == own
