"""The webhook deliveries in the admin: listed and inspected, never added, edited or deleted.

A plain viewset registered by ``wagtail_hooks``; a site may subclass it and
register its own instead.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from wagtail_rencontres.models import WebhookDelivery

#: The views of :class:`WebhookDeliveryViewSet`: no add, edit, delete, history or usage.
READ_ONLY_VIEWS = ("index", "index_results", "inspect")


class WebhookDeliveryViewSet(ModelViewSet):
    """Each POST of a change notification, with its attempts and the last error."""

    model = WebhookDelivery
    icon = "link-external"
    menu_label = _("Webhook deliveries")
    add_to_settings_menu = True
    inspect_view_enabled = True
    form_fields = []  # no add or edit view: the form is never shown
    list_display = ["notification", "url", "status", "attempts", "response_status", "created_at"]
    list_filter = ["status"]
    inspect_view_fields = [
        "notification",
        "url",
        "status",
        "attempts",
        "response_status",
        "error",
        "delivered_at",
        "created_at",
    ]

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in ("add", "edit", "delete", "copy"):
            view_kwargs[f"{name}_url_name"] = None
        return view_kwargs

    def get_urlpatterns(self):
        return [pattern for pattern in super().get_urlpatterns() if pattern.name in READ_ONLY_VIEWS]
