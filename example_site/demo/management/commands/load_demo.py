from django.core.management.base import BaseCommand

from example_site.demo.demo_content import DEMO_HOSTNAME, DEMO_PORT, DemoLoader


class Command(BaseCommand):
    help = "Create or update the example site's demo content (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin",
            action="store_true",
            help="Also create a superuser admin / admin, for local use only.",
        )
        parser.add_argument(
            "--hostname",
            default=DEMO_HOSTNAME,
            help=f"Host name of the default Site, where the demo is served ({DEMO_HOSTNAME}).",
        )
        parser.add_argument(
            "--port",
            type=int,
            default=DEMO_PORT,
            help=f"Port of the default Site (default {DEMO_PORT}).",
        )

    def handle(self, *args, admin=False, hostname=DEMO_HOSTNAME, port=DEMO_PORT, **options):
        DemoLoader(stdout=self.stdout, hostname=hostname, port=port).run()
        if admin:
            from django.contrib.auth import get_user_model

            user_model = get_user_model()
            if not user_model.objects.filter(username="admin").exists():
                user_model.objects.create_superuser("admin", "admin@example.org", "admin")
                self.stdout.write("Superuser created: admin / admin (local use only).")
