"""Trial 37: the offer of another question showed as "Follow-up: We have over half an hour left.
Shall we do one more question...?" with "The question: <the question before>" under it, as if it
were part of that question. It shows as an offer now, alone, and the status line says what is
expected (core.extra_questions.offer_status). N on the script's last question part gets the
offer too (trial 37 item 9: no offer and no word why)."""
from __future__ import annotations

from PySide6.QtCore import Qt

from interviewer.core.clock import FakeClock
from interviewer.core.extra_questions import EXTRA_OFFER_ID

from test_round import make_window


def test_the_offer_shows_alone_as_an_offer(qtbot, isolated_dirs, script_dirs, tmp_path, monkeypatch):
    # The fixture's scripts are designs, which take no extra (core.extra_questions.EXTRA_KINDS);
    # how the screen shows an offer is what is tested.
    monkeypatch.setattr("interviewer.core.extra_questions.EXTRA_KINDS", frozenset({"ml_system_design"}), raising=False)
    monkeypatch.setattr("interviewer.core.engine.EXTRA_KINDS", frozenset({"ml_system_design"}), raising=False)
    # The extra comes from another script whose question is not one asked already (an extra that
    # only repeats the round's own question is passed over): the fixture's own copy of the design
    # asks the same question, so the user's script here asks another.
    _bundled, user = script_dirs
    (user / "mine.toml").write_text((user / "mine.toml").read_text().replace(
        "Design a system that ranks posts in a news feed.", "Design a system that recommends the next video to watch."))
    clock = FakeClock()
    window, _speaker, _ = make_window(qtbot, script_dirs, tmp_path / "data", clock)
    window.home.select_script("test-design")
    window.home.start_button.click()
    screen = window.round_screen
    controller = screen.session.controller
    qtbot.waitUntil(lambda: controller.status == "listening", timeout=3000)
    clock.advance(60.0)
    screen._tick()
    qtbot.keyClick(screen, Qt.Key.Key_N)
    engine = screen.session.engine
    qtbot.waitUntil(lambda: engine.current_phase.id == "design" and controller.status == "listening", timeout=3000)
    clock.advance(30.0)
    screen._tick()
    qtbot.keyClick(screen, Qt.Key.Key_N)  # N on the last question part: the offer
    qtbot.waitUntil(lambda: controller.current_answer is not None
                    and controller.current_answer.follow_up_id == EXTRA_OFFER_ID, timeout=5000)
    text = screen.question.text()
    assert text.startswith("Offer: We have "), text
    assert "Follow-up" not in text and "The question" not in text and "The problem" not in text, text
    screen._tick()
    assert "Say yes for another question or no to wrap up" in screen.status.text()
    screen.stop_button.click()
    qtbot.waitUntil(lambda: window.last_session_id is not None, timeout=10000)
