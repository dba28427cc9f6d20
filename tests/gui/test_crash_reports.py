"""Errors nothing else handles reach the log and, in the window, the banner: from worker threads
through a queued signal, without blocking the thread that failed."""
from __future__ import annotations

import logging
import sys
import threading

import pytest

from interviewer import startup
from interviewer.gui.app import show_crash_reports
from interviewer.gui.banner import Banner
from interviewer.gui.workers import gui_poster, run_in_background


@pytest.fixture
def banner(qtbot):
    banner = Banner()
    qtbot.addWidget(banner)
    stop = show_crash_reports(banner)
    yield banner
    stop()


@pytest.fixture
def hooks(monkeypatch):
    """startup's exception hooks for this test only (monkeypatch puts Python's/pytest's back)."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    startup.install_exception_hooks()


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_an_uncaught_exception_in_a_thread_shows_in_the_banner_and_the_log(qtbot, banner, hooks, caplog):
    def work():
        raise RuntimeError("decoder state lost")

    thread = threading.Thread(target=work, name="live-decoder")
    with caplog.at_level(logging.ERROR, logger="interviewer.startup"):
        thread.start()
        thread.join(5)  # the thread ended: reporting did not wait for the GUI thread
        assert not thread.is_alive()
        qtbot.waitUntil(lambda: "decoder state lost" in banner.text, timeout=3000)
    assert banner.level == "error"
    assert "RuntimeError" in banner.text
    record = next(r for r in caplog.records if "live-decoder" in r.getMessage())
    assert record.exc_info and record.exc_info[0] is RuntimeError


def test_a_failing_handler_on_the_gui_thread_is_reported_and_the_loop_goes_on(qtbot, banner, caplog):
    ran = []
    with caplog.at_level(logging.ERROR, logger="interviewer.startup"):
        gui_poster().post(lambda: 1 / 0)
        gui_poster().post(lambda: ran.append("next handler"))
        qtbot.waitUntil(lambda: ran == ["next handler"], timeout=3000)
        qtbot.waitUntil(lambda: "ZeroDivisionError" in banner.text, timeout=3000)
    assert any("a handler on the GUI thread failed" in r.getMessage() and r.exc_info for r in caplog.records)


def test_background_work_without_an_error_handler_is_reported(qtbot, banner, caplog):
    def fail():
        raise OSError("disk went away")

    with caplog.at_level(logging.ERROR, logger="interviewer.startup"):
        task = run_in_background(fail)
        assert task.finished.wait(5)
        qtbot.waitUntil(lambda: "disk went away" in banner.text, timeout=3000)
    assert any("background work failed" in r.getMessage() for r in caplog.records)


def test_a_burst_of_errors_shows_once_and_is_logged_every_time(qtbot, banner, caplog):
    with caplog.at_level(logging.ERROR, logger="interviewer.startup"):
        for n in range(5):
            startup.report_exception(ValueError(f"tick {n}"), "a timer handler failed")
        qtbot.waitUntil(lambda: "tick 0" in banner.text, timeout=3000)
        qtbot.wait(100)
    assert [text for _, text in banner.history if "tick" in text] == [banner.text]  # only the first
    assert len([r for r in caplog.records if "a timer handler failed" in r.getMessage()]) == 5


def test_a_stopped_report_no_longer_reaches_the_banner(qtbot):
    banner = Banner()
    qtbot.addWidget(banner)
    stop = show_crash_reports(banner)
    stop()
    startup.report_exception(ValueError("after the window closed"), "late")
    qtbot.wait(50)
    assert banner.history == []
