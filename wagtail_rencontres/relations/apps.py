from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RelationsConfig(AppConfig):
    name = "wagtail_rencontres.relations"
    label = "wagtail_rencontres_relations"
    verbose_name = _("Rencontres: page relations")
    default_auto_field = "django.db.models.BigAutoField"
