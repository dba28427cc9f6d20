-- Rows a version-12 user had: everything version 11 stores, and why each pause of a round was
-- ('' the candidate paused it, 'end_question' the End question stood open).
INSERT INTO sessions (id, folder, script_id, title, kind, planned_minutes, started_at, ended_at, status, scratchpad, owner_pid,
                      round_audio_path, script_text, analysis_version, audio_setup)
VALUES (1, '20260301-090000-dddddd', 'sd-1', 'System design', 'ml_system_design', 45, 1772355600, 1772358300, 'completed',
        'queue -> features -> model', 4242, 'recordings/20260301-090000-dddddd/round.wav', NULL, 1, 'headphones');
INSERT INTO answers (id, session_id, question_id, follow_up_id, question_text, asked_at, answer_start, answer_end,
                     audio_path, transcript_json, analysis_json, round_offset_start, round_offset_end, phase_id)
VALUES (1, 1, 'feed', NULL, 'Design a feed ranker.', 5.0, 7.0, 300.0, 'recordings/20260301-090000-dddddd/answer-1.wav',
        NULL, '{"word_count": 500, "filler_count": 10, "speaking_seconds": 240.0, "clarifying_question_count": 3}',
        6.4, 299.8, 'clarify');
INSERT INTO phase_timeline (id, session_id, phase_id, name, planned_minutes, started_at, ended_at)
VALUES (1, 1, 'clarify', 'Clarify', 5, 0.0, 420.0);
INSERT INTO debrief_entries (id, session_id, prompt, text, audio_path, self_rating, created_at)
VALUES (1, 1, 'Where did you hesitate?', 'Serving latency', NULL, 2, 1772358400);
INSERT INTO findings (id, session_id, answer_id, kind, start, end, message, details_json)
VALUES (1, 1, 1, 'long_pause', 30.0, 33.5, '3.5 s silence', NULL);
INSERT INTO pauses (id, session_id, at, seconds, why) VALUES (1, 1, 120.0, 45.5, '');
INSERT INTO pauses (id, session_id, at, seconds, why) VALUES (2, 1, 420.0, 12.0, 'end_question');
INSERT INTO clarifications (id, answer_id, asked_at, question, topic, reply)
VALUES (1, 1, 20.5, 'What is the latency budget?', 'latency', 'Assume 200 milliseconds.');
INSERT INTO round_areas (session_id, matcher, areas_json, computed_at)
VALUES (1, 'all-MiniLM-L6-v2-int8', '[{"area": "monitoring and rollback", "measured": 2, "covered": 1.5, "source": "points"}]',
        1772358500);
INSERT INTO interviewer_lines (id, session_id, said_at, kind, text)
VALUES (1, 1, 0.0, 'prompt', 'Let''s start. Ask me anything you need before designing.');
INSERT INTO interviewer_lines (id, session_id, said_at, kind, text)
VALUES (2, 1, 5.0, 'question', 'Design a feed ranker.');
