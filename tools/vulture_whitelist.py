"""Names vulture reports as unused in interviewer/ that are used, by code it does not see.

Checked by tests/test_dead_code.py (`vulture interviewer/ tools/vulture_whitelist.py
--min-confidence 60` must report nothing). Never imported or run: vulture only reads the names.
Before adding a name here, make sure it really has a user; dead code is deleted instead.
"""
# ruff: noqa
# type: ignore
_ = object()

# Qt calls these overrides itself (QWidget.paintEvent), never our code.
_.paintEvent  # gui/charts.py, gui/level_meter.py, gui/timeline_widgets.py

# argparse calls Action.__call__(parser, namespace, values, option_string) with these names.
_.namespace  # cli/__init__.py
_.option_string  # cli/__init__.py

# The speech child process runs serve_stdio through `python -c` (adapters/speaker.py).
_.serve_stdio  # adapters/speaker.py

# sqlite3 reads the connection's row_factory when it builds rows.
_.row_factory  # storage/connection.py

# Dataclass fields that are part of a record: filled in, serialised (Timeline.to_dict) or shown by
# tests, and kept so the record says what happened even where the app does not read them yet.
_.created_at  # storage/models.py: a column of the database, handed out with the record
_.unrepairable_audio  # storage/models.py RecoveredSession: recordings that could not be repaired

# Read only by the tests (and benchmarks/) to observe the app from outside; vulture scans
# interviewer/ alone, so it does not see those readers.
_.FakeClock  # core/clock.py: the deterministic clock the engine tests and headless rounds drive
_.advance  # core/clock.py FakeClock.advance
_.current_answer  # core/round_controller.py (tests, benchmarks/gui_responsiveness.py)
_.seconds_recorded  # adapters/microphone.py (tests/adapters/test_microphone.py)
_.mentions_any  # core/engine.py: exact whole-word keyword test (tests/core, tests/storage); the engine decides through core/matching.py
_.validate_file  # core/scripts/loader.py: problems only, as documented in docs/question-scripts.md (tests); the CLI uses check_file
_.seconds_flushed  # storage/wav_writer.py (tests/storage/headless_round.py)
_.point_count  # gui/charts.py (tests/gui/test_round.py)
_.plain_text  # gui/live_transcript.py (tests/gui/test_round.py, test_round_audio.py)
_.check_screen  # gui/main_window.py: the Check screen, built when first used (tests/gui/test_check.py, test_lazy_screens.py)
_.ready_at  # gui/model_status.py (tests/gui/test_app_paths.py, tests/test_packaging.py: start-up timing)
_.plan_progress  # gui/progress_screen.py (tests/gui/test_round.py)
_.last_export  # gui/review_controller.py (tests/gui/test_app_paths.py)
_.transcribing  # gui/review_controller.py (tests/gui/test_review_backfill.py)

# onnxruntime reads the SessionOptions it is given (adapters/embeddings.py).
_.intra_op_num_threads  # adapters/embeddings.py
_.inter_op_num_threads  # adapters/embeddings.py
_.log_severity_level  # adapters/embeddings.py

# Each depth signal's counter-examples: printed in docs/analysis.md and checked one by one by
# tests/core/analysis/test_depth.py and benchmarks/depth_bench.py.
_.does_not  # core/analysis/depth.py Signal

# Talking-point coverage (core/analysis/coverage.py): the keyword-only baseline,
# used by benchmarks/coverage_bench.py and tests/core/analysis/test_coverage.py.
_.keyword_only  # core/analysis/coverage.py

# gui/theme.py Theme fields read by name (theme.current().color("meter_ok"), getattr in banner.py)
# and contrast_ratio, which tests/gui/test_theme.py uses to check the rendered screens.
_.partial_text  # gui/theme.py: talking points partly covered (coverage_checklist.py, by name)
_.filler_bg  # gui/theme.py
_.filler_text  # gui/theme.py
_.pause_bg  # gui/theme.py: timeline pauses (color("pause_bg"))
_.pause_text  # gui/theme.py
_.disfluency_text  # gui/theme.py
_.meter_track  # gui/theme.py: level meter (color("meter_track"))
_.meter_ok  # gui/theme.py
_.meter_hot  # gui/theme.py
_.contrast_ratio  # gui/theme.py: tests/gui/test_theme.py
_.voiced_frames  # adapters/voice.py: share of frames taken for a voice (benchmarks/barge_in.py, tests/adapters/test_barge_in_devices.py)

# gui/flow_layout.py: QLayout's virtual methods, called by Qt
_.takeAt  # gui/flow_layout.py
_.expandingDirections  # gui/flow_layout.py

# gui/screen_keys.py: bound by name from REVIEW_KEYS (bind_screen_keys, getattr)
_.open_export_menu  # gui/review_screen.py: Ctrl+Shift+E
