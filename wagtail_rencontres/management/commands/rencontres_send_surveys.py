"""Mail the satisfaction survey to the present registrants of events that ended.

Run it from cron, for example hourly: ``manage.py rencontres_send_surveys``.
Each registrant is mailed once per event, however often it runs.
"""

from django.core.management.base import BaseCommand

from wagtail_rencontres.services import survey


class Command(BaseCommand):
    help = (
        "Send the satisfaction survey of each event that ended (and has survey questions) "
        "to the registrants checked in at it; each of them once."
    )

    def handle(self, *args, **options):
        per_event = survey.send_due()
        self.stdout.write(
            f"Sent {sum(per_event.values())} survey mail(s) for {len(per_event)} event(s)."
        )
