"""Anonymise registrations N days after their event ends (GDPR retention).

Run it daily, for example from cron: ``manage.py rencontres_anonymise_registrations``.
"""

from django.core.management.base import BaseCommand

from wagtail_rencontres import conf
from wagtail_rencontres.services import registration as service


class Command(BaseCommand):
    help = (
        "Erase the personal data of registrations to events that ended more than "
        "WAGTAILRENCONTRES_REGISTRATION_RETENTION_DAYS days ago. Counts by status are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Override the retention period, in days.",
        )

    def handle(self, *args, days=None, **options):
        days = conf.get_setting("REGISTRATION_RETENTION_DAYS") if days is None else days
        if days < 0:
            self.stderr.write("--days must be zero or more.")
            return
        per_event = service.anonymise_expired(days=days)
        total = sum(per_event.values())
        self.stdout.write(
            f"Anonymised {total} registration(s) of {len(per_event)} event(s) "
            f"ended more than {days} day(s) ago."
        )
