"""Trial 26: Home and Progress said "Topic areas ... 3 of 7" for an ML depth round, the review
and its Markdown/HTML/PDF exports "5 of 7". Home read the round's areas while the meaning
matcher was still loading (matched by keywords, stored as such) and never matched them again
once it had loaded; the review and exports matched with it. Once loaded, Home and Progress now
match again, so every view gives the export's verdict for the same stored round."""
from __future__ import annotations

from interviewer.app.round_areas import load_progress
from interviewer.core.clock import FakeClock
from interviewer.core.weak_spots import AREAS_HEADING, content_text, round_content
from interviewer.export.report import build_report
from interviewer.gui.workers import wait_for_background_work
from interviewer.storage import Store

from test_round import make_window
from test_topic_area_one_verdict import SCRIPT, SCRIPT_TOML, _store_round


class _AllAlike:
    """A meaning model for which every sentence means the same: every talking point is covered,
    where the keyword fallback misses the one about results."""

    name = "all-alike"

    def encode(self, texts):
        return [[1.0, 1.0] for _ in texts]


def test_home_and_progress_match_again_with_the_matcher_the_exports_use(qtbot, isolated_dirs, script_dirs, tmp_path):
    bundled, _ = script_dirs
    (bundled / "stories.toml").write_text(SCRIPT_TOML)
    data = tmp_path / "data"
    encoder = _AllAlike()
    with Store.open(data) as store:
        sid = _store_round(store)
        by_keywords = content_text(round_content(load_progress(store, lambda i: SCRIPT).areas[0]), heading=False)
        report = build_report(store.get_session(sid), script=SCRIPT, text_encoder=encoder)
    exported = report.facts[AREAS_HEADING]
    assert not exported.startswith(by_keywords.split(".")[0])  # the two matchers disagree on this round

    window, _, _ = make_window(qtbot, script_dirs, data, FakeClock())
    qtbot.waitUntil(lambda: window.home.recent_list.count() and AREAS_HEADING in window.home.recent_list.item(0).text(),
                    timeout=5000)
    wait_for_background_work()
    assert by_keywords.split(".")[0] in window.home.recent_list.item(0).text()  # no model yet: by keywords
    window.services.load_text_encoder = lambda: encoder
    window.prepare_text_encoder()
    qtbot.waitUntil(lambda: exported.split(".")[0] in window.home.recent_list.item(0).text(), timeout=5000)
    wait_for_background_work()
    # Progress's weak spots: the same round, the same verdict per area.
    table = window.progress_screen.area_table
    missed = {table.item(r, 0).text() for r in range(table.rowCount()) if table.item(r, 2).text().startswith("0 of")}
    export_missed = exported.split("Missed: ")[1] if "Missed: " in exported else ""
    assert all(name in export_missed for name in missed)
    window.shutdown()
