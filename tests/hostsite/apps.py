from django.apps import AppConfig


class HostSiteConfig(AppConfig):
    name = "tests.hostsite"
    label = "hostsite"
    default_auto_field = "django.db.models.BigAutoField"
