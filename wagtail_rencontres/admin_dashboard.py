"""The admin dashboard's "Coming events" panel: dates, status, registered / places, waiting."""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from wagtail_rencontres.enums import RegistrationMode
from wagtail_rencontres.services import formatting, queries
from wagtail_rencontres.services.seats import seats_expression, waiting_expression

#: Events the panel lists, the soonest first.
PANEL_SIZE = 8


def coming_events(limit=PANEL_SIZE):
    """Events not over yet, drafts included (editors prepare them), soonest first,
    with their seats taken and waiting list (one query, whatever the number of events)."""
    model = queries.event_model()
    return list(
        model.objects.filter(end__gte=timezone.now())
        .select_related("locale")
        .annotate(seats_taken=seats_expression(), waiting=waiting_expression())
        .order_by("start", "pk")[:limit]
    )


class ComingEventsPanel(Component):
    """Lists the coming events with a link to their registrations."""

    name = "rencontres_coming_events"
    order = 110
    template_name = "wagtail_rencontres/admin/coming_events_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        events = coming_events()
        return {
            "events": [
                {
                    "page": event,
                    "when": formatting.event_when(event),
                    "registers": event.registration_mode == RegistrationMode.INTERNAL,
                }
                for event in events
            ],
            "can_manage_registrations": self.user.has_perm(
                "wagtail_rencontres.manage_registrations"
            ),
        }
