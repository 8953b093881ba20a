from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "example_site.demo"
    label = "demo"
    verbose_name = "Démo"
    default_auto_field = "django.db.models.BigAutoField"
