"""test_public_changes.py — a change of place or time made by staff after a meeting was
published is shown to residents on the meeting's public page (issue 3: "the change is published
as a change"), with the information group that holds the meeting; staff names never appear."""

import re
import unittest

from helpers import day, epoch, local_input, main_of, ru_datetime, text_of, unique
from staff import staff_module

USERS = {}
setUpModule, tearDownModule = staff_module(globals(), USERS, with_token=True)


def meeting_fields(title, d, venue, group="1"):
    """The staff form as a browser sends it for a field meeting of group 1 at VENUE on day D."""
    return {"kind": "group_field", "title": title, "territory": "4", "venue": venue,
            "group": group, "starts_at": local_input(d, "18:00"), "ends_at": local_input(d, "19:00"),
            "host": "", "organising_unit": "", "expected_attendance": "", "description": "",
            "theses": "", "analytical_note": "", "reference_materials": "", "exception_reason": ""}


class PublishedChanges(unittest.TestCase):
    def create_approved(self, title, d, venue):
        organizer = USERS["organizer"]
        r = organizer.post("/admin/meetings", meeting_fields(title, d, venue))
        self.assertEqual(r.status, 303, r.text[-800:])
        mid = int(r.headers["Location"].rsplit("/", 1)[1])
        self.assertEqual(organizer.post(f"/admin/meetings/{mid}/approve", {}).status, 303)
        return mid

    def public_text(self, mid):
        r = STACK.get(f"/meetings/{mid}")
        self.assertEqual(r.status, 200)
        return text_of(main_of(r.text))

    def test_a_new_place_and_a_new_time_are_listed_as_changes(self):
        title = unique("Проверка")
        d = day(8)
        mid = self.create_approved(title, d, venue="3")
        page = self.public_text(mid)
        self.assertNotIn("Изменения", page)
        self.assertIn("Информационная группа № 1", page)

        organizer = USERS["organizer"]
        r = organizer.post(f"/admin/meetings/{mid}", meeting_fields(title, d, venue="1"))
        self.assertEqual(r.status, 303)
        page = self.public_text(mid)
        self.assertIn("Изменения", page)
        self.assertIn("место изменено: было «Средняя общеобразовательная школа № 2», стало "
                      "«Дом культуры «Современник»»", page)

        later = day(10)
        r = organizer.post(f"/admin/meetings/{mid}", meeting_fields(title, later, venue="1"))
        self.assertEqual(r.status, 303)
        page = self.public_text(mid)
        self.assertIn(f"время перенесено с {ru_datetime(epoch(d, '18:00'))} на "
                      f"{ru_datetime(epoch(later, '18:00'))}", page)
        self.assertIn("Перенесена", page)
        # Who made the change is for the audit log, not for residents.
        self.assertNotIn("organizer", page)

    def test_a_later_move_does_not_repeat_an_earlier_reason(self):
        # Regression: moving a postponed meeting again through the edit form kept the first
        # postponement's reason, so residents read an old reason under the new time.
        organizer = USERS["organizer"]
        title = unique("Причина")
        mid = self.create_approved(title, day(8), venue="3")
        r = organizer.post(f"/admin/meetings/{mid}/postpone", {
            "new_starts_at": local_input(day(9), "18:00"), "new_ends_at": local_input(day(9), "19:00"),
            "postpone_reason": "болезнь ведущего", "exception_reason": ""})
        self.assertEqual(r.status, 303)
        self.assertIn("болезнь ведущего", self.public_text(mid))
        r = organizer.post(f"/admin/meetings/{mid}", meeting_fields(title, day(12), venue="3"))
        self.assertEqual(r.status, 303)
        page = self.public_text(mid)
        self.assertNotIn("болезнь ведущего", page)
        self.assertIn(f"время перенесено с {ru_datetime(epoch(day(9), '18:00'))} на "
                      f"{ru_datetime(epoch(day(12), '18:00'))}", page)

    def test_a_draft_edited_before_approval_shows_no_changes(self):
        organizer = USERS["organizer"]
        title = unique("Черновик")
        d = day(9)
        r = organizer.post("/admin/meetings", meeting_fields(title, d, venue="3"))
        mid = int(r.headers["Location"].rsplit("/", 1)[1])
        self.assertEqual(organizer.post(f"/admin/meetings/{mid}",
                                        meeting_fields(title, day(11), venue="1")).status, 303)
        self.assertEqual(organizer.post(f"/admin/meetings/{mid}/approve", {}).status, 303)
        page = self.public_text(mid)
        self.assertIn(title, page)
        self.assertIn("Дом культуры «Современник»", page)
        self.assertNotIn("Изменения", page)
        self.assertNotIn("Перенесена", page)
        self.assertIsNone(re.search(r"место изменено", page))


if __name__ == "__main__":
    unittest.main()
