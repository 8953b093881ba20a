"""Run by ``ci/fresh_site_check.py`` through ``manage.py shell`` in a fresh site.

Creates, through the ORM, what the tutorial has users create in the admin: an
agenda below the site root, a speaker, and a published event with a one-day
programme, an image and internal registration open (a capacity, a deadline
before the event). The page and image classes are the site's: the shipped
pages or the site's own (``WAGTAILRENCONTRES_*PAGE_MODEL``), Wagtail's image
model or a custom one (``WAGTAILIMAGES_IMAGE_MODEL``). The event is three
months ahead, so that it stays upcoming. Prints ``CREATED {json}`` for the
check to read, with the page types the admin offers.
"""

import datetime as dt
import io
import json
import zoneinfo

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Site, get_page_models

from wagtail_rencontres.conf import page_model
from wagtail_rencontres.models import Speaker

AgendaPage = page_model("AgendaPage")
EventPage = page_model("EventPage")

paris = zoneinfo.ZoneInfo("Europe/Paris")
root = Site.objects.get(is_default_site=True).root_page.specific

agenda = root.add_child(instance=AgendaPage(title="Agenda", slug="agenda"))
agenda.save_revision().publish()

speaker = Speaker.objects.create(first_name="Camille", last_name="Durand", job_title="Sociologue")

buffer = io.BytesIO()
PILImage.new("RGB", (320, 180), (200, 80, 40)).save(buffer, "PNG")
image = get_image_model().objects.create(
    title="Affiche de la journée", file=ImageFile(buffer, name="affiche.png")
)

day = timezone.localdate() + dt.timedelta(days=90)
start = dt.datetime.combine(day, dt.time(9, 30), tzinfo=paris)
event = EventPage(
    title="Journée d'étude : habiter les quartiers",
    slug="habiter-les-quartiers",
    image=image,
    start=start,
    end=dt.datetime.combine(day, dt.time(17, 0), tzinfo=paris),
    timezone="Europe/Paris",
    registration_mode="internal",
    registration_capacity=50,
    registration_closes_at=start - dt.timedelta(days=1),
    programme=[
        {
            "type": "day",
            "value": {
                "date": day.isoformat(),
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
        {
            "id": event.pk,
            "url": event.url,
            "speaker": f"{speaker.first_name} {speaker.last_name}",
            "page_model": event._meta.label,
            "image_model": type(event.image)._meta.label,
            "registration_open": event.registration_state()["is_open"],
            # The page types the admin offers.
            "page_models": [model._meta.label for model in get_page_models()],
        }
    )
)
