"""Load the example site's demo content from ``data/demo.yaml``, whose header documents it.

The data file holds the content; this module only turns it into snippets, pages and
English translations. Running the loader again updates the same records.
"""

import datetime as dt
import io
import uuid
from pathlib import Path

import yaml
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from example_site.demo.models import HomePage
from wagtail_rencontres import conf
from wagtail_rencontres.enums import OrganisationKind, PartnerRole, SessionFormat
from wagtail_rencontres.models import Audience, EventFormat, Organisation, Speaker, Theme, Venue
from wagtail_rencontres.services.dates import make_local

DATA_FILE = Path(__file__).resolve().parent / "data" / "demo.yaml"
# Where scripts/run-example-site.sh serves the demo (the README's address).
DEMO_HOSTNAME = "127.0.0.1"
DEMO_PORT = 8000
NAMESPACE = uuid.UUID("5b0f3f0e-8d3c-4c44-9a57-2f7b1b1f0c11")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def load_data(path=DATA_FILE):
    with open(path, encoding="utf-8") as file:
        return yaml.safe_load(file)


def stable_id(*parts):
    """Block ids that stay the same from one run to the next."""
    return str(uuid.uuid5(NAMESPACE, "/".join(str(part) for part in parts)))


def resolve_date(spec, today, event_day=None):
    """A date of the data file: an ISO date, or one relative to the load day or the event's day."""
    if isinstance(spec, dt.date):
        return spec
    if "days_before" in spec:
        return event_day - dt.timedelta(days=spec["days_before"])
    day = today + dt.timedelta(days=spec.get("in_days", 0), weeks=spec.get("in_weeks", 0))
    if "weekday" in spec:
        day += dt.timedelta(days=(WEEKDAYS.index(spec["weekday"]) - day.weekday()) % 7)
    return day


def hhmm(value):
    """A time of the data file, kept as its "HH:MM" text (unquoted, YAML may read 10:00 as 600)."""
    if not isinstance(value, str):
        raise ValueError(f'Write times as quoted "HH:MM" strings in {DATA_FILE.name}: {value!r}')
    dt.time.fromisoformat(value)
    return value


def minimal_pdf(text):
    """A one-page PDF showing ``text`` (ASCII), for the demo's documents."""
    stream = f"BT /F1 18 Tf 60 760 Td ({text}) Tj ET"
    return (
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R"
        "/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
        f"4 0 obj<</Length {len(stream)}>>stream\n{stream}\nendstream endobj\n"
        "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
        "trailer<</Root 1 0 R>>\n%%EOF\n"
    ).encode("ascii")


class DemoLoader:
    """Creates or updates the demo site from the data file. Safe to run any number of times."""

    def __init__(
        self, today=None, stdout=None, hostname=DEMO_HOSTNAME, port=DEMO_PORT, data_file=DATA_FILE
    ):
        self.today = today or timezone.localdate()
        self.stdout = stdout
        # The default Site answers where the demo is served, so the absolute
        # links of mails, ICS files and the API lead back to it.
        self.hostname = hostname
        self.port = port
        self.data = load_data(data_file)
        self.locale = Locale.get_default()

    @transaction.atomic
    def run(self):
        data = self.data
        self.themes = self.terms(Theme, data["themes"])
        self.audiences = self.terms(Audience, data["audiences"])
        self.formats = self.terms(EventFormat, data["formats"])
        self.organisations = {org["name"]: self.organisation(org) for org in data["organisations"]}
        self.venues = {
            key: self.record(Venue, spec, "name", "city") for key, spec in data["venues"].items()
        }
        self.speakers = {key: self.speaker(spec) for key, spec in data["speakers"].items()}
        self.documents = {key: self.document(spec) for key, spec in data["documents"].items()}
        self.home = self.home_page(data["home"])
        self.agenda = self.child_page(self.home, "AgendaPage", data["agenda"])
        self.events = {}
        for spec in data["events"]:
            event = self.event(spec)
            self.events[event.slug] = event
        self.cycles = [self.cycle(spec) for spec in data["cycles"]]
        self.translations = self.translate_to_english(data["english"])
        if self.stdout is not None:
            self.stdout.write(
                f"Demo ready: {len(self.events)} events, {len(self.cycles)} cycles, "
                f"{len(self.translations)} records translated to English."
            )
        return self

    # Records

    def record(self, model, spec, *lookup):
        """Create or update the ``model`` record found by the ``lookup`` fields of ``spec``."""
        fields = dict(spec)
        keys = {name: fields.pop(name) for name in lookup}
        obj, _ = model.objects.update_or_create(**keys, locale=self.locale, defaults=fields)
        return obj

    def terms(self, model, names):
        return {name: self.record(model, {"name": name}, "name") for name in names}

    def organisation(self, spec):
        obj = self.record(Organisation, {**spec, "kind": OrganisationKind(spec["kind"])}, "name")
        if obj.logo_id is None:
            obj.logo = self.logo_image(obj.acronym or obj.name)
            obj.save(update_fields=["logo"])
        return obj

    def logo_image(self, label):
        title = f"Logo {label}"
        image_model = get_image_model()
        existing = image_model.objects.filter(title=title).first()
        if existing:
            return existing
        canvas = PILImage.new("RGB", (240, 120), (11, 83, 148))
        ImageDraw.Draw(canvas).text((12, 50), label[:30], fill=(255, 255, 255))
        buffer = io.BytesIO()
        canvas.save(buffer, format="PNG")
        slug = stable_id("logo", label)[:8]
        return image_model.objects.create(
            title=title, file=ContentFile(buffer.getvalue(), name=f"logo-{slug}.png")
        )

    def speaker(self, spec):
        if "organisation" in spec:
            spec = {**spec, "organisation": self.organisations[spec["organisation"]]}
        return self.record(Speaker, spec, "first_name", "last_name")

    def document(self, spec):
        document_model = get_document_model()
        existing = document_model.objects.filter(title=spec["title"]).first()
        if existing:
            return existing
        return document_model.objects.create(
            title=spec["title"], file=ContentFile(minimal_pdf(spec["text"]), name=spec["file"])
        )

    # Pages

    def home_page(self, spec):
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(depth=2, locale=self.locale).first()
        if home is None:
            home = HomePage(
                title=spec["title"], slug=spec["slug"], locale=self.locale, intro=spec["intro"]
            )
            root.add_child(instance=home)
            home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        old_root = site.root_page if site.pk and site.root_page_id != home.pk else None
        site.hostname, site.port = self.hostname, self.port
        site.root_page, site.site_name = home, spec["site_name"]
        site.save()
        if old_root is not None and old_root.specific_class is Page and old_root.depth == 2:
            old_root.delete()
        return home

    def child_page(self, parent, model_name, spec, day=None, tz=None):
        """Create or update, validate and publish ``parent``'s child page ``spec["slug"]``."""
        model = conf.page_model(model_name)
        fields = self.fields(model, spec, day, tz)
        slug = fields.pop("slug")
        page = model.objects.child_of(parent).filter(slug=slug).first()
        created = page is None
        if created:
            page = model(slug=slug, locale=parent.locale)
        for name, value in fields.items():
            setattr(page, name, value)
        if created:
            parent.add_child(instance=page)
        page.full_clean()
        page.save_revision().publish()
        return model.objects.get(pk=page.pk)

    def fields(self, model, spec, day=None, tz=None):
        """Page fields from the data file, with the names it uses turned into records."""

        def related(name):
            return model._meta.get_field(name).related_model

        resolve = {
            "format": lambda name: self.formats[name],
            "venue": lambda key: self.venues[key],
            "themes": lambda names: [self.themes[name] for name in names],
            "audiences": lambda names: [self.audiences[name] for name in names],
            "partners": lambda specs: [
                related("partners")(
                    organisation=self.organisations[each["organisation"]],
                    role=PartnerRole(each["role"]),
                    sort_order=index,
                )
                for index, each in enumerate(specs)
            ],
            "sessions": lambda specs: [
                related("sessions")(
                    event=self.events[each["event"]], label=each["label"], sort_order=index
                )
                for index, each in enumerate(specs)
            ],
            "registration_closes_at": lambda moment: self.at(
                resolve_date(moment["date"], self.today, day), moment["time"], tz
            ),
            "programme": lambda programme: self.programme(programme, day),
        }
        fields = {
            name: resolve.get(name, lambda value: value)(value) for name, value in spec.items()
        }
        for name, value in fields.items():
            if isinstance(value, list) and all(isinstance(b, dict) and "type" in b for b in value):
                fields[name] = [self.block(block) for block in value]
        return fields

    def block(self, block):
        """A StreamField block as written; a ``document`` names one of ``documents``."""
        value = block.get("value")
        if isinstance(value, dict) and isinstance(value.get("document"), str):
            return {**block, "value": {**value, "document": self.documents[value["document"]].pk}}
        return block

    def event(self, spec):
        spec = {**self.data["event_defaults"], **spec}
        tz = spec["timezone"]
        day = resolve_date(spec.pop("date"), self.today)
        end_day = resolve_date(spec.pop("end_date", day), self.today, day)
        spec["start"] = self.at(day, spec["start"], tz)
        spec["end"] = self.at(end_day, spec["end"], tz)
        return self.child_page(self.agenda, "EventPage", spec, day, tz)

    def programme(self, spec, event_day):
        """Programme days (on the event's day unless given) of sessions with stable ids."""
        key = spec["key"]
        days = []
        for day_spec in spec["days"]:
            day = resolve_date(day_spec.get("date", event_day), self.today, event_day)
            sessions = [self.session(key, session) for session in day_spec["sessions"]]
            value = {"date": day.isoformat(), "title": day_spec.get("title", "")}
            days.append(
                {"type": "day", "id": stable_id(key, day), "value": {**value, "sessions": sessions}}
            )
        return days

    def session(self, key, spec):
        start, title = hhmm(spec["start"]), spec["title"]
        refs = [
            ref if isinstance(ref, dict) else {"speaker": ref} for ref in spec.get("speakers", [])
        ]
        speakers = [
            {
                "type": "item",
                "id": stable_id(key, title, ref["speaker"]),
                "value": {
                    "speaker": self.speakers[ref["speaker"]].pk,
                    "role": ref.get("role", ""),
                    "remote": ref.get("remote", False),
                },
            }
            for ref in refs
        ]
        restricted = [
            {"type": "item", "id": stable_id(key, title, name), "value": self.audiences[name].pk}
            for name in spec.get("restricted_to", [])
        ]
        value = {
            "start_time": start,
            "end_time": hhmm(spec["end"]) if "end" in spec else None,
            "title": title,
            "format": SessionFormat(spec["format"]),
            "description": spec.get("description", ""),
            "speakers": speakers,
            "room": spec.get("room", ""),
            "remote": spec.get("remote", False),
            "restricted_audiences": restricted,
            "capacity": spec.get("capacity"),
        }
        return {"type": "item", "id": stable_id(key, start, title), "value": value}

    def at(self, day, time, tz):
        return make_local(day, dt.time.fromisoformat(hhmm(time)), tz)

    def cycle(self, spec):
        return self.child_page(self.agenda, "CyclePage", spec)

    # English, through wagtail-localize

    def translate_to_english(self, spec):
        """Translate the home page, the agenda, the listed events and the records they use."""
        self.english, _ = Locale.objects.get_or_create(language_code="en")
        self.english_slugs = spec["slugs"]
        self.english_strings = {pair["fr"]: pair["en"] for pair in spec["strings"]}
        events = [self.events[slug] for slug in spec["events"]]
        records = [
            *self.themes.values(),
            *self.audiences.values(),
            *self.formats.values(),
            *{event.venue for event in events if event.venue_id},
            *{
                ref["speaker"]
                for event in events
                for day in event.programme
                for session in day.value["sessions"]
                for ref in session["speakers"]
            },
        ]
        pages = [self.home, self.agenda, *events]
        return [self.translate(instance) for instance in [*records, *pages]]

    def translate(self, instance):
        """Create or update ``instance``'s English translation, and publish it.

        Strings without an English entry keep their French text (wagtail-localize's
        fallback); synchronised fields (dates, venue, speakers…) are copied.
        """
        source, _ = TranslationSource.update_or_create_from_instance(instance)
        translation, _ = Translation.objects.get_or_create(
            source=source, target_locale=self.english
        )
        segments = StringSegment.objects.filter(source=source).select_related("string", "context")
        for segment in segments:
            if segment.context.path == "slug":
                english = self.english_slugs.get(segment.string.data)
            else:
                english = self.english_strings.get(segment.string.data)
            if english is not None:
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=self.english,
                    context=segment.context,
                    defaults={"data": english},
                )
        is_page = isinstance(instance, Page)
        # Pages are saved as a draft revision and published here, rather than by
        # wagtail-localize once the transaction commits, so that the loader's result
        # is live inside its own transaction too.
        source.create_or_update_translation(
            self.english, publish=not is_page, fallback=True, copy_parent_pages=False
        )
        target = instance.get_translation(self.english)
        if is_page:
            target.get_latest_revision().publish()
            target = target.specific_class.objects.get(pk=target.pk)
        return target
