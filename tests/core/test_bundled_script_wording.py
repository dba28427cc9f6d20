"""Bundled scripts use the app's words: the box the candidate writes code in is the round
screen's scratchpad (new-user trial 13: a phone screen said "code it in the shared editor")."""
from __future__ import annotations

import re

from interviewer.resources import bundled_scripts_dir


def test_bundled_scripts_call_the_code_box_the_scratchpad():
    offending = []
    for path in sorted(bundled_scripts_dir().glob("*.toml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\beditor\b", line, re.IGNORECASE):
                offending.append(f"{path.name}:{number}: {line.strip()}")
    assert not offending, "\n".join(offending)
