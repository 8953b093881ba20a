from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailRencontresConfig(AppConfig):
    name = "wagtail_rencontres"
    label = "wagtail_rencontres"
    verbose_name = _("Rencontres")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import PageViewRestriction
        from wagtail.signals import page_published, page_unpublished

        from wagtail_rencontres import conf
        from wagtail_rencontres.services import sync

        event_page = conf.page_model("EventPage")
        post_save.connect(sync.on_page_saved, sender=event_page, dispatch_uid="rencontres_speakers")
        post_delete.connect(
            sync.on_page_deleted, sender=event_page, dispatch_uid="rencontres_tombstone_delete"
        )
        page_published.connect(
            sync.on_page_published, sender=event_page, dispatch_uid="rencontres_published"
        )
        page_unpublished.connect(
            sync.on_page_unpublished, sender=event_page, dispatch_uid="rencontres_unpublished"
        )
        post_save.connect(
            sync.on_view_restriction_saved,
            sender=PageViewRestriction,
            dispatch_uid="rencontres_tombstone_restriction",
        )
        post_delete.connect(
            sync.on_view_restriction_deleted,
            sender=PageViewRestriction,
            dispatch_uid="rencontres_restriction_removed",
        )

        from wagtail_rencontres.search_index import register_signal_handlers

        register_signal_handlers()
