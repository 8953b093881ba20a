from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailRencontresConfig(AppConfig):
    name = "wagtail_rencontres"
    label = "wagtail_rencontres"
    verbose_name = _("Rencontres")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The receivers module imports models (Wagtail's and ours), which an app
        # module may only do once the app registry is ready.
        from wagtail_rencontres import receivers

        receivers.connect()
