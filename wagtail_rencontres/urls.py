"""Public URLs of the package: ICS files and feeds.

Include them once in the site's ``urls.py``, outside ``i18n_patterns``::

    path("rencontres/", include("wagtail_rencontres.urls")),

A missing feed is a 404 that no middleware turns into a redirect (see
:mod:`wagtail_rencontres.api.final`): calendar clients do not follow one to an
HTML page.
"""

from django.urls import path

from wagtail_rencontres import views
from wagtail_rencontres.api.final import final

app_name = "wagtail_rencontres"

urlpatterns = [
    path("ics/events.ics", final(views.events_feed), name="events_feed"),
    path("ics/events/<int:event_id>.ics", final(views.event_ics), name="event_ics"),
    path("ics/cycles/<int:cycle_id>.ics", final(views.cycle_feed), name="cycle_feed"),
    path("ics/speakers/<int:speaker_id>.ics", final(views.speaker_feed), name="speaker_feed"),
]
