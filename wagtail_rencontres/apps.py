from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailRencontresConfig(AppConfig):
    name = "wagtail_rencontres"
    label = "wagtail_rencontres"
    verbose_name = _("Rencontres")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail_rencontres.search_index import register_signal_handlers

        register_signal_handlers()
