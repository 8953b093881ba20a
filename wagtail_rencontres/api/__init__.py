"""The typed API of wagtail-rencontres (django-ninja routers)."""
