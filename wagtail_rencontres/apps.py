from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailRencontresConfig(AppConfig):
    name = "wagtail_rencontres"
    label = "wagtail_rencontres"
    verbose_name = _("Rencontres")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The receivers and checks modules import models (Wagtail's and ours), which
        # an app module may only do once the app registry is ready; importing checks
        # registers the system checks.
        from wagtail_rencontres import checks, receivers  # noqa: F401

        receivers.connect()
