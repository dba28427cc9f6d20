-- Rows a version-2 user had: everything version 2 stores.
INSERT INTO sessions (id, folder, script_id, title, kind, planned_minutes, started_at, ended_at, status, scratchpad, owner_pid)
VALUES (1, '20250301-090000-cccccc', 'sd-1', 'System design', 'ml_system_design', 45, 1740819600, 1740822300, 'completed',
        'queue -> features -> model', 4242);
INSERT INTO answers (id, session_id, question_id, follow_up_id, question_text, asked_at, answer_start, answer_end,
                     audio_path, transcript_json, analysis_json)
VALUES (1, 1, 'feed', NULL, 'Design a feed ranker.', 5.0, 7.0, 300.0, 'recordings/20250301-090000-cccccc/answer-1.wav',
        NULL, '{"word_count": 500, "filler_count": 10, "speaking_seconds": 240.0, "clarifying_question_count": 3}');
INSERT INTO phase_timeline (id, session_id, phase_id, name, planned_minutes, started_at, ended_at)
VALUES (1, 1, 'clarify', 'Clarify', 5, 0.0, 420.0);
INSERT INTO debrief_entries (id, session_id, prompt, text, audio_path, self_rating, created_at)
VALUES (1, 1, 'Where did you hesitate?', 'Serving latency', NULL, 2, 1740822400);
INSERT INTO findings (id, session_id, answer_id, kind, start, end, message, details_json)
VALUES (1, 1, 1, 'long_pause', 30.0, 33.5, '3.5 s silence', NULL);
