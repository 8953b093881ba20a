from django.core.management.base import BaseCommand

from example_site.demo.demo_content import DemoLoader


class Command(BaseCommand):
    help = "Create or update the example site's demo content (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin",
            action="store_true",
            help="Also create a superuser admin / admin, for local use only.",
        )

    def handle(self, *args, admin=False, **options):
        DemoLoader(stdout=self.stdout).run()
        if admin:
            from django.contrib.auth import get_user_model

            user_model = get_user_model()
            if not user_model.objects.filter(username="admin").exists():
                user_model.objects.create_superuser("admin", "admin@example.org", "admin")
                self.stdout.write("Superuser created: admin / admin (local use only).")
