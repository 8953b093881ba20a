"""Factories for the test suite."""

import datetime as dt

import factory
import wagtail_factories
from wagtail.models import Locale

from wagtail_rencontres import conf, models
from wagtail_rencontres.services.dates import make_local


def paris(day, hour=9, minute=0):
    return make_local(day, dt.time(hour, minute), "Europe/Paris")


class LocaleMixin(factory.django.DjangoModelFactory):
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        abstract = True


class ThemeFactory(LocaleMixin):
    name = factory.Sequence(lambda n: f"Thème {n}")

    class Meta:
        model = models.Theme


class AudienceFactory(LocaleMixin):
    name = factory.Sequence(lambda n: f"Public {n}")

    class Meta:
        model = models.Audience


class EventFormatFactory(LocaleMixin):
    name = factory.Sequence(lambda n: f"Format {n}")

    class Meta:
        model = models.EventFormat


class OrganisationFactory(LocaleMixin):
    name = factory.Sequence(lambda n: f"Organisation {n}")

    class Meta:
        model = models.Organisation


class VenueFactory(LocaleMixin):
    name = "Maison Diocésaine"
    street_address = "9 bis, boulevard Voltaire"
    postcode = "21000"
    city = "Dijon"
    department = "Côte-d'Or"
    department_code = "21"
    region = "Bourgogne-Franche-Comté"

    class Meta:
        model = models.Venue


class SpeakerFactory(LocaleMixin):
    first_name = factory.Sequence(lambda n: f"Prénom{n}")
    last_name = factory.Sequence(lambda n: f"Nom{n}")
    job_title = "Sociologue"

    class Meta:
        model = models.Speaker


class AgendaPageFactory(wagtail_factories.PageFactory):
    title = "Agenda"
    slug = factory.Sequence(lambda n: f"agenda-{n}")

    class Meta:
        model = conf.page_model_string("AgendaPage")  # the site's own class on tests.hostsite


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Rencontre {n}")
    slug = factory.Sequence(lambda n: f"rencontre-{n}")
    start = factory.LazyFunction(lambda: paris(dt.date(2024, 11, 28), 9))
    end = factory.LazyFunction(lambda: paris(dt.date(2024, 11, 28), 15, 30))
    timezone = "Europe/Paris"

    class Meta:
        model = conf.page_model_string("EventPage")  # the site's own class on tests.hostsite


class CyclePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Cycle {n}")
    slug = factory.Sequence(lambda n: f"cycle-{n}")

    class Meta:
        model = conf.page_model_string("CyclePage")  # the site's own class on tests.hostsite
