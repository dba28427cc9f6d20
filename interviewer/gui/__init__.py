"""The desktop app: a thin PySide6 layer over the core, storage and adapters.

Start: `app.run_app()` (what `interviewer` with no arguments calls). The window
(`main_window.MainWindow`) takes an `services.AppServices`, so tests pass fakes for speech and
the microphone and the real engine, analysis and store.

One module per screen (`home_screen`, `check_screen`, `round_screen`, `review_screen`,
`debrief_screen`, `progress_screen`, `settings_screen`); the window owns a controller for the
actions of Check, Review and Debrief (`check_controller`, `review_controller`,
`debrief_controller`), each given what it uses in its constructor. `app.round_session` wires
engine, controller, store and analysis for one live round without Qt. Nothing slow runs on the GUI thread: `workers` runs work in the thread
pool and posts results and adapter callbacks back to the GUI thread.
"""
