"""Registers the admin viewsets; nothing else lives here."""

from wagtail.snippets.models import register_snippet

from wagtail_rencontres.viewsets import RencontresViewSetGroup

register_snippet(RencontresViewSetGroup)
