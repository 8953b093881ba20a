"""Add-to-calendar and map links, built from an event's representation."""

from urllib.parse import parse_qs, urlsplit

from wagtail_rencontres.services import links

EVENT = {
    "title": "Rencontre régionale",
    "url": "https://example.org/agenda/rencontre/",
    "start": "2024-11-28T09:00:00+01:00",
    "end": "2024-11-28T15:30:00+01:00",
    "timezone": "Europe/Paris",
    "all_day": False,
    "online_url": None,
    "venue": {
        "name": "Maison Diocésaine",
        "address_lines": ["9 bis, boulevard Voltaire", "21000 Dijon"],
    },
}


def query(url):
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def test_google_link_gives_utc_times_and_the_place():
    google = query(links.calendar_links(EVENT)["google"])
    assert google["dates"] == "20241128T080000Z/20241128T143000Z"
    assert google["text"] == "Rencontre régionale"
    assert google["location"] == "Maison Diocésaine, 9 bis, boulevard Voltaire, 21000 Dijon"
    assert google["ctz"] == "Europe/Paris"


def test_outlook_link_keeps_the_offset():
    outlook = query(links.calendar_links(EVENT)["outlook"])
    assert outlook["startdt"] == "2024-11-28T09:00:00+01:00"
    assert outlook["allday"] == "false"


def test_all_day_google_link_ends_the_day_after():
    event = {**EVENT, "all_day": True, "end": "2024-11-29T23:59:00+01:00"}
    assert query(links.calendar_links(event)["google"])["dates"] == "20241128/20241130"


def test_map_url_at_coordinates_or_by_address():
    venue = {"latitude": 47.32, "longitude": 5.04, "address_lines": ["21000 Dijon"]}
    assert links.map_url(venue) == (
        "https://www.openstreetmap.org/?mlat=47.32&mlon=5.04#map=17/47.32/5.04"
    )
    venue = {"latitude": None, "longitude": None, "address_lines": ["21000 Dijon"]}
    assert links.map_url(venue) == "https://www.openstreetmap.org/search?query=21000+Dijon"
    assert links.map_url({"address_lines": []}) == ""
