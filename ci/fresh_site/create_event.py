"""Run by ``ci/fresh_site_check.py`` through ``manage.py shell`` in a fresh site.

Creates, through the ORM, what the tutorial has users create in the admin: an
agenda below the site root, a speaker, and a published event with a one-day
programme. Prints ``CREATED {json}`` for the check to read.
"""

import datetime as dt
import json
import zoneinfo

from wagtail.models import Site

from wagtail_rencontres.models import AgendaPage, EventPage, Speaker

paris = zoneinfo.ZoneInfo("Europe/Paris")
root = Site.objects.get(is_default_site=True).root_page.specific

agenda = root.add_child(instance=AgendaPage(title="Agenda", slug="agenda"))
agenda.save_revision().publish()

speaker = Speaker.objects.create(first_name="Camille", last_name="Durand", job_title="Sociologue")

event = EventPage(
    title="Journée d'étude : habiter les quartiers",
    slug="habiter-les-quartiers",
    start=dt.datetime(2027, 3, 11, 9, 30, tzinfo=paris),
    end=dt.datetime(2027, 3, 11, 17, 0, tzinfo=paris),
    timezone="Europe/Paris",
    registration_mode="internal",
    programme=[
        {
            "type": "day",
            "value": {
                "date": "2027-03-11",
                "title": "",
                "sessions": [
                    {
                        "start_time": "09:30:00",
                        "end_time": "10:30:00",
                        "title": "Ouverture",
                        "format": "talk",
                        "description": "",
                        "speakers": [{"speaker": speaker.pk, "role": ""}],
                        "room": "Salle 1",
                        "remote": False,
                        "restricted_audiences": [],
                        "capacity": None,
                    }
                ],
            },
        }
    ],
)
agenda.add_child(instance=event)
event.full_clean()
event.save_revision().publish()
event.refresh_from_db()
print(
    "CREATED "
    + json.dumps(
        {"id": event.pk, "url": event.url, "speaker": f"{speaker.first_name} {speaker.last_name}"}
    )
)
