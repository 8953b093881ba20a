"""Public URLs of the package: ICS files and feeds.

Include them once in the site's ``urls.py``, outside ``i18n_patterns``::

    path("rencontres/", include("wagtail_rencontres.urls")),
"""

from django.urls import path

from wagtail_rencontres import views

app_name = "wagtail_rencontres"

urlpatterns = [
    path("ics/events.ics", views.events_feed, name="events_feed"),
    path("ics/events/<int:event_id>.ics", views.event_ics, name="event_ics"),
    path("ics/cycles/<int:cycle_id>.ics", views.cycle_feed, name="cycle_feed"),
    path("ics/speakers/<int:speaker_id>.ics", views.speaker_feed, name="speaker_feed"),
]
