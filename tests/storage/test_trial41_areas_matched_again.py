"""Trial 41: round 1 had three extra questions. Since 589eff2b the review and the exports count
all three ("Topic areas covered: 8 of 13 areas; 2 questions were skipped with Next"), but Home and
Progress kept the areas stored at the round's end, matched with its last extra alone ("7 of 10; 1
question was skipped"): stored areas are matched again only when they were stored under an older
rule (core.weak_spots.POINT_AREAS_RULE), and the rule had not changed. Areas stored under rule 3
(before every extra was made again) are now matched again when Home or Progress next loads."""
from __future__ import annotations

import json

from interviewer.app.round_areas import load_progress
from interviewer.storage import Store
from tests.storage.test_area_history import MONITORED, by_id, store_round


def _stored_areas(store: Store, sid: int) -> dict:
    return {r.area: (r.measured, r.covered) for r in next(a for a in store.area_history() if a.session_id == sid)
            .areas.values() if r.source == "points"}


def test_areas_stored_before_every_extra_was_counted_are_matched_again(tmp_path):
    with Store.open(tmp_path) as store:
        sid = store_round(store, 1_700_000_000, MONITORED)
        load_progress(store, by_id)  # matched and stored, as at a round's end
        right = _stored_areas(store, sid)
        assert right and sid in store.round_area_matchers()
        # What trial 41's round 1 had stored: areas of part of the round's script, under rule 3.
        with store._write("test: areas stored by an older build") as db:
            [(text,)] = db.execute("SELECT areas_json FROM round_areas WHERE session_id = ?", (sid,)).fetchall()
            data = json.loads(text)
            data["areas"], data["rule"] = data["areas"][:1], 3
            db.execute("UPDATE round_areas SET areas_json = ? WHERE session_id = ?", (json.dumps(data), sid))
        assert _stored_areas(store, sid) != right
        assert sid not in store.round_area_matchers()  # stored under an older rule: to be matched again
        load_progress(store, by_id)  # Home or Progress opened
        assert _stored_areas(store, sid) == right
        assert sid in store.round_area_matchers()
