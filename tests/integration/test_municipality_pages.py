"""Each municipality's part of the public site (issue 18 item 4) through the real stack: the schedule,
the iCalendar and Atom feeds, the press page, the answers and the appeal form under /m/<slug>/…
show the municipality's own meetings and its district's that concern its residents (held in one of
its territories, or district-wide), never another settlement's; an unknown slug answers the
site's Russian 404 page.

One stack with the demo district (Советский район: Зеленоборск, the own municipality, and
Берёзовка), plus a district territory inside Берёзовка with a district meeting there, a
district-wide meeting, announcements and one published answer of each settlement's registry."""

import http.client
import os
import subprocess
import unittest
import xml.etree.ElementTree as ET

from helpers import shown, text_of, wait_for
from stack import ROOT, Response, free_port, module_stack
from staff import options, selected
from test_public_pages import ical_parse

STACK = None
setUpModule, tearDownModule = module_stack(
    globals(), settings={("limits", "appeals_per_minute"): "0",
                         ("appeals", "identification"): "none"})

ATOM = "{http://www.w3.org/2005/Atom}"
OWN, DISTRICT, BEREZOVKA = 1, 2, 3  # the demo's municipalities (sql/demo/zelenoborsk.sql)

# Demo meetings (sql/demo/zelenoborsk.sql): Берёзовка's, Зеленоборск's, the district's.
BEREZOVKA_GATHERING = "Сход граждан села Берёзовка"          # 15, upcoming, territory 6
BEREZOVKA_REPORT = "Отчёт главы сельского поселения Берёзовка"  # 17, upcoming
KEDROVAYA = "Сход граждан деревни Кедровая"                    # 5 held, 24 upcoming, territory 7
STREET_LIGHTS = "Уличное освещение и безопасность на дорогах"  # 9, held, territory 6, announced
HEATING = "Подготовка к отопительному сезону"                   # 12, Зеленоборск, announced
HEAD_MASS = "Встреча главы с жителями: первое полугодие"        # 23, Зеленоборск
DISTRICT_BUDGET = "Публичные слушания по проекту бюджета Советского района"  # 25, territory 1

# Added by setUpModule below.
IN_BEREZOVKA = "Приём граждан главой района в селе Берёзовка"
DISTRICT_WIDE = "Публичные слушания по схеме территориального планирования района"
BEREZOVKA_ANSWER = "Когда отремонтируют мост через ручей в селе Берёзовка?"
ZELENOBORSK_ANSWER = "Когда откроют каток в микрорайоне Лесной?"


def add_fixture():
    """The district's territory inside Берёзовка with a district meeting there, a district-wide
    meeting, both announced with Берёзовка's gathering; an answer published in each settlement's
    registry. Returns the ids of the two new meetings."""
    conn = STACK.db()
    try:
        # A territory of the district (its hospital's grounds) inside Берёзовка's village.
        cur = conn.execute("INSERT INTO territory (parent_id, level, name, municipality_id) "
                           "VALUES (6, 'microdistrict', 'районная больница в селе Берёзовка', ?)",
                           (DISTRICT,))
        territory = cur.lastrowid
        ids = []
        for title, terr, days in ((IN_BEREZOVKA, territory, 12), (DISTRICT_WIDE, 1, 20)):
            cur = conn.execute(
                "INSERT INTO meeting (kind, title, territory_id, venue_id, starts_at, ends_at, "
                "host_id, status, approved_at) VALUES ('public_hearing', ?, ?, 6, "
                "unixepoch('now', ?), unixepoch('now', ?, '+2 hours'), 10, 'approved', "
                "unixepoch())", (title, terr, f"+{days} days", f"+{days} days"))
            ids.append(cur.lastrowid)
        for mid in ids + [15]:
            conn.execute("INSERT INTO announcement (meeting_id, kind, published_at, starts_at, "
                         "ends_at, venue_id, five_days_kept) SELECT id, 'announcement', "
                         "unixepoch() - 3600, starts_at, ends_at, venue_id, 1 FROM meeting "
                         "WHERE id = ?", (mid,))
            conn.execute("UPDATE meeting SET announced_at = unixepoch() - 3600 WHERE id = ?",
                         (mid,))
        conn.commit()
    finally:
        conn.close()
    for body, question in ((BEREZOVKA, BEREZOVKA_ANSWER), (OWN, ZELENOBORSK_ANSWER)):
        r = STACK.post_form("/appeals", {
            "addressee": "head", "surname": "Иванова", "name": "Мария",
            "email": "ivanova@residents.example", "municipality": str(body),
            "text": question})
        assert r.status == 303, (r.status, text_of(r.text)[:800])
        STACK.execute("UPDATE appeal SET public_question = ?, public_answer = 'Работы "
                      "запланированы на лето.', published_at = unixepoch() - 60 "
                      "WHERE id = (SELECT max(id) FROM appeal WHERE municipality_id = ?)",
                      (question, body))
    return ids


def atom(r):
    """The parsed feed of response R, after checking that it is Atom."""
    assert r.status == 200, r.status
    assert r.header("Content-Type").startswith("application/atom+xml"), r.header("Content-Type")
    return ET.fromstring(r.body)


class MunicipalityPages(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.in_berezovka, cls.district_wide = add_fixture()

    def test_the_fixture_follows_the_territories(self):
        # The district's meeting inside Берёзовка stays the district's (its territory is the
        # district's); Берёзовка's answer is in Берёзовка's registry.
        self.assertEqual(STACK.query("SELECT municipality_id FROM meeting WHERE id IN (?, ?) "
                                     "ORDER BY id", (self.in_berezovka, self.district_wide)),
                         [(DISTRICT,), (DISTRICT,)])
        self.assertEqual(STACK.query("SELECT municipality_id FROM appeal WHERE "
                                     "public_question = ?", (BEREZOVKA_ANSWER,)), [(BEREZOVKA,)])

    def test_a_settlement_schedule_has_its_own_and_the_districts_that_concern_it(self):
        page = shown(self, STACK.get("/m/berezovka/meetings"),
                     "<h1>Расписание встреч с населением</h1>", "Сельское поселение Берёзовка",
                     "встречи района, которые касаются жителей поселения",
                     BEREZOVKA_GATHERING, BEREZOVKA_REPORT, KEDROVAYA, STREET_LIGHTS,
                     IN_BEREZOVKA, DISTRICT_WIDE, DISTRICT_BUDGET,
                     # Demo meetings 5, 9, 15, 17, 24 and 25, and the two added.
                     "Найдено 8 встреч",
                     "<title>Расписание встреч с населением: Сельское поселение Берёзовка — ").text
        self.assertNotIn(HEATING, page)
        self.assertNotIn(HEAD_MASS, page)
        # Its links stay in its part of the site.
        self.assertIn('action="/m/berezovka/meetings"', page)
        self.assertIn('href="/m/berezovka/calendar.ics"', page)
        self.assertIn("webcal://", page)
        self.assertIn("/m/berezovka/calendar.ics", text_of(page))

    def test_the_other_settlement_does_not_see_berezovkas(self):
        page = shown(self, STACK.get("/m/zelenoborsk/meetings"), "Городское поселение Зеленоборск",
                     HEATING, HEAD_MASS, DISTRICT_WIDE, DISTRICT_BUDGET).text
        for title in (BEREZOVKA_GATHERING, BEREZOVKA_REPORT, KEDROVAYA, STREET_LIGHTS,
                      IN_BEREZOVKA):
            self.assertNotIn(title, page)

    def test_the_district_schedule_has_its_own_meetings_only(self):
        page = shown(self, STACK.get("/m/sovetsky-rayon/meetings"),
                     "Советский муниципальный район", IN_BEREZOVKA, DISTRICT_WIDE,
                     DISTRICT_BUDGET, "Найдены 3 встречи").text
        self.assertNotIn(KEDROVAYA, page)
        self.assertNotIn(HEATING, page)
        self.assertNotIn("встречи района, которые касаются жителей поселения", page)

    def test_filters_apply_within_the_municipality(self):
        page = shown(self, STACK.get("/m/berezovka/meetings?kind=gathering"),
                     BEREZOVKA_GATHERING, KEDROVAYA, "Найдены 3 встречи").text
        self.assertNotIn(DISTRICT_WIDE, page)
        self.assertEqual(STACK.get("/m/berezovka/meetings?kind=nonsense").status, 400)
        # The territories offered are those that concern Берёзовка; Зеленоборск's are refused.
        offered = [name.strip() for _, name in options(page, "territory")]
        self.assertEqual(offered, ["Все территории", "Советский район",
                                   "сельское поселение Берёзовка", "деревня Кедровая",
                                   "районная больница в селе Берёзовка"])
        r = shown(self, STACK.get("/m/berezovka/meetings?territory=3"), "такой территории нет",
                  status=400)
        self.assertNotIn(HEATING, r.text)
        # A village: its meetings and those of the areas above it, not the hospital's beside it.
        page = shown(self, STACK.get("/m/berezovka/meetings?territory=7"), KEDROVAYA,
                     BEREZOVKA_GATHERING, DISTRICT_WIDE, "Найдено 7 встреч").text
        self.assertNotIn(IN_BEREZOVKA, page)

    def test_the_site_wide_schedule_is_unchanged(self):
        page = shown(self, STACK.get("/meetings"), "<h1>Расписание встреч с населением</h1>",
                     'action="/meetings"', 'href="/meetings.ics"').text
        self.assertNotIn("/m/", page.split("<h1>", 1)[1].split("</form>", 1)[0])

    def test_the_calendar_has_the_municipalitys_events(self):
        r = STACK.get("/m/berezovka/calendar.ics")
        self.assertEqual(r.status, 200)
        self.assertTrue(r.header("Content-Type").startswith("text/calendar"))
        self.assertIn("meetings-berezovka.ics", r.header("Content-Disposition") or "")
        calendar, events = ical_parse(r.body)
        self.assertEqual(calendar["X-WR-CALNAME"],
                         ["Встречи с населением — Сельское поселение Берёзовка"])
        summaries = {e["SUMMARY"][0] for e in events}
        for title in (BEREZOVKA_GATHERING, BEREZOVKA_REPORT, KEDROVAYA, IN_BEREZOVKA,
                      DISTRICT_WIDE):
            self.assertIn(title, summaries)
        self.assertNotIn(HEATING, summaries)
        self.assertNotIn(HEAD_MASS, summaries)
        uids = {e["UID"][0] for e in events}
        self.assertIn(f"meeting-{self.in_berezovka}@zelenoborsk.example", uids)
        # Zelenoborsk's own calendar has its meetings and not Берёзовка's.
        _, events = ical_parse(STACK.get("/m/zelenoborsk/calendar.ics").body)
        summaries = {e["SUMMARY"][0] for e in events}
        self.assertIn(HEATING, summaries)
        self.assertIn(DISTRICT_WIDE, summaries)
        self.assertNotIn(BEREZOVKA_GATHERING, summaries)
        # The subscription link of the municipality's schedule.
        r = STACK.get("/m/berezovka/calendar/subscribe")
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("Location"),
                         "webcal://zelenoborsk.example/m/berezovka/calendar.ics")

    def test_the_atom_feed_has_the_municipalitys_entries(self):
        root = atom(STACK.get("/m/berezovka/feed.atom"))
        self.assertEqual(root.findtext(ATOM + "id"),
                         "https://zelenoborsk.example/m/berezovka/feed.atom")
        self.assertIn("Сельское поселение Берёзовка", root.findtext(ATOM + "title"))
        self.assertEqual(root.findtext(f"{ATOM}author/{ATOM}name"),
                         "Администрация сельского поселения Берёзовка")
        self.assertEqual(root.findtext(f"{ATOM}author/{ATOM}email"), "adm@berezovka.example")
        links = {l.get("rel"): l.get("href") for l in root.findall(ATOM + "link")}
        self.assertEqual(links["self"], "https://zelenoborsk.example/m/berezovka/feed.atom")
        self.assertEqual(links["alternate"], "https://zelenoborsk.example/m/berezovka/press")
        titles = [e.findtext(ATOM + "title") for e in root.findall(ATOM + "entry")]
        contents = " ".join(e.findtext(ATOM + "content") for e in root.findall(ATOM + "entry"))
        for title in (BEREZOVKA_GATHERING, IN_BEREZOVKA, DISTRICT_WIDE, STREET_LIGHTS):
            self.assertIn(f"Анонс: {title}", titles)
        self.assertIn(BEREZOVKA_ANSWER, contents)
        self.assertNotIn(f"Анонс: {HEATING}", titles)
        self.assertNotIn(ZELENOBORSK_ANSWER, contents)
        # The site's feed still has everything.
        site = atom(STACK.get("/feed.atom"))
        titles = [e.findtext(ATOM + "title") for e in site.findall(ATOM + "entry")]
        self.assertIn(f"Анонс: {HEATING}", titles)
        self.assertIn(f"Анонс: {BEREZOVKA_GATHERING}", titles)
        # Zelenoborsk's feed: its own answer and announcements, not Берёзовка's.
        root = atom(STACK.get("/m/zelenoborsk/feed.atom"))
        titles = [e.findtext(ATOM + "title") for e in root.findall(ATOM + "entry")]
        contents = " ".join(e.findtext(ATOM + "content") for e in root.findall(ATOM + "entry"))
        self.assertIn(f"Анонс: {HEATING}", titles)
        self.assertIn(ZELENOBORSK_ANSWER, contents)
        self.assertNotIn(f"Анонс: {BEREZOVKA_GATHERING}", titles)
        self.assertNotIn(f"Анонс: {IN_BEREZOVKA}", titles)
        self.assertNotIn(BEREZOVKA_ANSWER, contents)

    def test_the_press_page(self):
        page = shown(self, STACK.get("/m/berezovka/press"),
                     "<h1>Для прессы: анонсы встреч с населением</h1>",
                     "Сельское поселение Берёзовка", BEREZOVKA_GATHERING, IN_BEREZOVKA,
                     DISTRICT_WIDE, 'href="/m/berezovka/feed.atom"').text
        self.assertNotIn(HEATING, page)
        page = shown(self, STACK.get("/m/zelenoborsk/press"), HEATING, DISTRICT_WIDE).text
        self.assertNotIn(BEREZOVKA_GATHERING, page)
        self.assertNotIn(IN_BEREZOVKA, page)

    def test_the_answers_of_its_registry(self):
        page = shown(self, STACK.get("/m/berezovka/answers"),
                     "<h1>Ответы на вопросы жителей</h1>", "Сельское поселение Берёзовка",
                     BEREZOVKA_ANSWER, 'href="/m/berezovka/appeal"').text
        self.assertNotIn(ZELENOBORSK_ANSWER, page)
        self.assertRegex(page, r"БРЗ-\d{4}-\d{5}")
        page = shown(self, STACK.get("/m/zelenoborsk/answers"), ZELENOBORSK_ANSWER).text
        self.assertNotIn(BEREZOVKA_ANSWER, page)
        shown(self, STACK.get("/answers"), BEREZOVKA_ANSWER, ZELENOBORSK_ANSWER,
              'href="/appeals/new"')

    def test_the_appeal_form_with_the_body_chosen(self):
        r = STACK.get("/m/berezovka/appeal")
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("Location"), f"/appeals/new?municipality={BEREZOVKA}")
        page = shown(self, STACK.get(r.header("Location")), "Сельское поселение Берёзовка").text
        self.assertEqual(selected(page, "municipality"), str(BEREZOVKA))

    def test_the_card_links_its_pages(self):
        shown(self, STACK.get("/m/berezovka"), "<h1>Сельское поселение Берёзовка</h1>",
              'href="/m/berezovka/meetings"', 'href="/m/berezovka/appeal"',
              'href="/m/berezovka/answers"', 'href="/m/berezovka/press"',
              'href="/m/berezovka/feed.atom"', 'href="/m/berezovka/calendar.ics"',
              IN_BEREZOVKA, DISTRICT_WIDE)

    def test_an_unknown_slug_is_the_russian_404(self):
        for path in ("/m/nowhere/meetings", "/m/nowhere/calendar.ics", "/m/nowhere/feed.atom",
                     "/m/nowhere/press", "/m/nowhere/answers", "/m/nowhere/appeal",
                     "/m/nowhere/calendar/subscribe", "/m/berezovka/nothing"):
            with self.subTest(path=path):
                shown(self, STACK.get(path), "Страница не найдена", status=404)



class HostName(unittest.TestCase):
    """conf/nginx-municipality-hosts.conf in a server block that answers for two host names: the
    settlement's host serves its pages at the root, the main host the whole site."""

    @classmethod
    def setUpClass(cls):
        cls.port = free_port()
        run = os.path.join(STACK.data, "run")
        with open(os.path.join(run, "extra-hosts.conf"), "w", encoding="utf-8") as f:
            f.write("map $host $portal_host_slug {\n\tdefault \"\";\n"
                    "\tberezovka.example berezovka;\n}\n"
                    f"server {{\n\tlisten 127.0.0.1:{cls.port};\n"
                    "\tserver_name zelenoborsk.example berezovka.example;\n"
                    f"\tinclude {ROOT}/conf/nginx-municipality-hosts.conf;\n"
                    "\tlocation / {\n\t\tfastcgi_pass portal_workers;\n"
                    "\t\tinclude /etc/nginx/fastcgi_params;\n\t}\n}\n")
        subprocess.run(["nginx", "-p", run, "-e", os.path.join(run, "nginx-error.log"), "-c",
                        os.path.join(run, "nginx.conf"), "-s", "reload"], check=True,
                       capture_output=True, timeout=30)
        assert wait_for(lambda: cls.answers(), 10), "the host-name server did not start"

    @classmethod
    def answers(cls):
        try:
            return cls.get("zelenoborsk.example", "/healthz").status == 200
        except OSError:
            return False

    @classmethod
    def get(cls, host, path):
        conn = http.client.HTTPConnection("127.0.0.1", cls.port, timeout=30)
        try:
            conn.request("GET", path, headers={"Host": host})
            r = conn.getresponse()
            return Response(r.status, r.headers, r.read())
        finally:
            conn.close()

    def test_the_settlements_host_serves_its_pages_at_the_root(self):
        shown(self, self.get("berezovka.example", "/"), "<h1>Сельское поселение Берёзовка</h1>")
        page = shown(self, self.get("berezovka.example", "/meetings?kind=gathering"),
                     "Сельское поселение Берёзовка", BEREZOVKA_GATHERING, KEDROVAYA,
                     "Найдены 3 встречи").text
        self.assertNotIn(HEATING, page)
        r = self.get("berezovka.example", "/meetings.ics")
        self.assertEqual(r.status, 200)
        self.assertIn("meetings-berezovka.ics", r.header("Content-Disposition"))
        self.assertEqual(atom(self.get("berezovka.example", "/feed.atom")).findtext(ATOM + "id"),
                         "https://zelenoborsk.example/m/berezovka/feed.atom")
        r = self.get("berezovka.example", "/appeal")
        self.assertEqual((r.status, r.header("Location")),
                         (303, f"/appeals/new?municipality={BEREZOVKA}"))
        # Other paths are the site's, on either host.
        shown(self, self.get("berezovka.example", "/meetings/15"), BEREZOVKA_GATHERING)

    def test_the_main_host_is_the_whole_site(self):
        page = shown(self, self.get("zelenoborsk.example", "/meetings"),
                     "<h1>Расписание встреч с населением</h1>", HEATING, BEREZOVKA_GATHERING).text
        self.assertNotIn("В расписании также встречи района", page)


if __name__ == "__main__":
    unittest.main()
