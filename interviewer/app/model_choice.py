"""Which speech model a start (or a reload) loads: the one in the settings when it is on this
machine, else the default, with a sentence saying why. A settings file naming a model that was
never downloaded (or a folder since deleted) left the app without transcripts at every start."""
from __future__ import annotations

from dataclasses import replace

from interviewer.adapters import models
from interviewer.app.settings import AppSettings


def model_to_load(settings: AppSettings) -> tuple[AppSettings, str]:
    """The settings to load the model with, and "" or why the default is loaded instead."""
    reason = models.unavailable(settings.model)
    if not reason:
        return settings, ""
    return replace(settings, model=""), (
        f"The speech model chosen in Settings cannot be loaded: {reason}. Using {models.DEFAULT_MODEL_NAME}, "
        "the default, until it is there: download it in Settings (Speech model), or choose another.")
