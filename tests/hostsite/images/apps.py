from django.apps import AppConfig


class HostImagesConfig(AppConfig):
    name = "tests.hostsite.images"
    label = "hostimages"
    default_auto_field = "django.db.models.BigAutoField"
