"""survey_bench.py — `make bench`, the survey results measurement of issue 20: a survey of three
questions (a 1–5 scale, a single and a multiple choice) with 10,000 responses generated into the
bench stack's database (one INSERT … WITH RECURSIVE per table, through personal links, after the
wrk runs), then the time its public page with the results (tables and SVG charts) and the CSV
take, each against a 200 ms target.

Usage: survey_bench.py BASE_URL DATA_DIR. Exit status non-zero when a page does not answer 200
or its figures are not the generated counts (missing the target does not fail it)."""

import os
import sqlite3
import sys
import time

from bench_common import connect, fail, median_of, target_line

SURVEY = 90002
COUNT = 10_000
TARGET_SECONDS = 0.2
RUNS = 5

# A closed survey (its results public), its questions and options, one link per respondent, and
# the answers: the scale value 1 + i % 5, the single choice 1 + i % 3, the multiple choice
# options 1 and, for even i, 2.
GENERATE = [
    "INSERT INTO survey (id, title, audience, opens_on, closes_on, results, created_at) "
    "VALUES (?1, 'Замер: итоги опроса', 'groups', date('now', '-40 days'), "
    "date('now', '-10 days'), 'closed', unixepoch())",
    "INSERT INTO survey_question (id, survey_id, position, kind, text, required) VALUES "
    "(?1 * 10 + 1, ?1, 1, 'scale', 'Оцените открытость', 1), "
    "(?1 * 10 + 2, ?1, 2, 'single', 'Откуда вы узнаёте новости?', 1), "
    "(?1 * 10 + 3, ?1, 3, 'multiple', 'Что улучшить?', 0)",
    "INSERT INTO survey_option (question_id, position, label) VALUES "
    "(?1 * 10 + 2, 1, 'сайт'), (?1 * 10 + 2, 2, 'газета'), (?1 * 10 + 2, 3, 'соседи'), "
    "(?1 * 10 + 3, 1, 'дороги'), (?1 * 10 + 3, 2, 'освещение'), (?1 * 10 + 3, 3, 'парки')",
    "INSERT INTO participant_link (kind, target_id, email, name, token, created_at) "
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?2) "
    "SELECT 'survey', ?1, 'results' || i || '@bench.example', 'Участник ' || i, "
    "printf('r%063d', i), unixepoch() FROM n",
    "INSERT INTO survey_response (survey_id, link_id, created_at, updated_at, window_start) "
    "SELECT ?1, id, unixepoch(), unixepoch(), unixepoch() FROM participant_link WHERE kind = 'survey' "
    "AND target_id = ?1",
    "INSERT INTO survey_answer (response_id, question_id, choice) "
    "SELECT id, ?1 * 10 + 1, 1 + id % 5 FROM survey_response WHERE survey_id = ?1 "
    "UNION ALL SELECT id, ?1 * 10 + 2, 1 + id % 3 FROM survey_response WHERE survey_id = ?1 "
    "UNION ALL SELECT id, ?1 * 10 + 3, 1 FROM survey_response WHERE survey_id = ?1 "
    "UNION ALL SELECT id, ?1 * 10 + 3, 2 FROM survey_response WHERE survey_id = ?1 "
    "AND id % 2 = 0",
]


def main():
    base, data = sys.argv[1], sys.argv[2]
    started = time.monotonic()
    db = sqlite3.connect(os.path.join(data, "portal.db"), timeout=30)
    with db:
        for sql in GENERATE:
            db.execute(sql, (SURVEY, COUNT) if "?2" in sql else (SURVEY,))
    db.close()
    print(f"bench: survey: {COUNT} responses generated in {time.monotonic() - started:.1f} s")

    conn = connect(base)

    def measure(path):
        """The median seconds of RUNS renders of PATH, its fastest and the last body."""
        return median_of(conn, path, RUNS, "survey")

    results = []
    path = f"/surveys/{SURVEY}"
    median, fastest, body = measure(path)
    page = body.decode()
    if f"{COUNT} ответов" not in page or "<svg" not in page or \
            f'<th scope="row">освещение</th><td>{COUNT // 2}</td>' not in page:
        fail("survey", f"{path} does not show the results of {COUNT} responses")
    results.append(("survey results over 10,000 responses", path, median, fastest, len(body)))
    path += ".csv"
    median, fastest, body = measure(path)
    if f"\r\nдороги;{COUNT};" not in body.decode("utf-8-sig"):
        fail("survey", f"{path} has not the counts of {COUNT} responses")
    results.append(("the same as CSV", path, median, fastest, len(body)))

    for name, path, median, fastest, size in results:
        print(f"bench: survey: {path} over {COUNT} responses: median {median * 1000:.0f} ms of "
              f"{RUNS} renders (min {fastest * 1000:.0f} ms, {size} B)")
    print("targets of issue 20:")
    for name, path, median, fastest, size in results:
        target_line(name + " < 200 ms", median, median < TARGET_SECONDS)


if __name__ == "__main__":
    main()
