"""Trial 25 item 12: the README promised "So, as I was saying:" while the app also says "Let me
finish the question:" (a question cut after its first words): the README quotes every lead-in the
app says before reading a question again, from the settings that say them."""
from pathlib import Path

from interviewer.core.round_settings import ControllerSettings

README = Path(__file__).resolve().parents[2] / "README.md"


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_readme_quotes_the_lead_ins_the_app_says():
    readme, settings = _flat(README.read_text(encoding="utf-8")), ControllerSettings()
    for lead_in in (settings.reask_lead_in, settings.finish_lead_in):
        assert f'"{lead_in}' in readme or f'("... {lead_in}' in readme, lead_in
