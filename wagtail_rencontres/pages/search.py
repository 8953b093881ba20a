"""What each page type gives the search index: its ``search_fields`` and the text they name.

The text comes from :mod:`wagtail_rencontres.services.search_text`; every
page also gives an accent-folded copy (``search_folded_text``), so that
"egalite" finds "égalité" whatever the backend does with accents.
"""

from django.db import models
from django.utils.html import strip_tags
from wagtail.search import index

from wagtail_rencontres.services import search_text
from wagtail_rencontres.text import fold


class EventSearchMixin(models.Model):
    """Search fields of an event page.

    The title is searched and boosted through ``Page.search_fields``. Text
    built by methods holds only what the public page shows: restricted
    sessions contribute their title, never their description, room or speakers.

    The package indexes event pages itself, once per publication
    (:mod:`wagtail_rencontres.receivers`), instead of Wagtail's task per save.
    """

    search_auto_update = False

    search_fields = [
        index.SearchField("subtitle", boost=1.5),
        index.SearchField("body"),
        index.SearchField("search_programme_text"),
        index.SearchField("search_speaker_text", boost=1.5),
        index.SearchField("search_place_text"),
        index.SearchField("search_partner_text"),
        index.SearchField("search_about_text"),
        index.SearchField("search_taxonomy_text"),
        index.SearchField("search_folded_text"),
        index.SearchField("search_french_words"),
        index.AutocompleteField("search_speaker_names"),
        index.AutocompleteField("search_autocomplete_text"),
        index.FilterField("start"),
        index.FilterField("end"),
        index.FilterField("status"),
        index.FilterField("format"),
        index.FilterField("venue"),
        index.FilterField("themes"),
        index.FilterField("audiences"),
        index.RelatedFields("themes", [index.FilterField("slug")]),
        index.RelatedFields("audiences", [index.FilterField("slug")]),
        index.RelatedFields(
            "venue", [index.FilterField("region"), index.FilterField("department_code")]
        ),
    ]

    def search_programme_text(self):
        return search_text.programme_text(self)

    def search_speaker_text(self):
        return search_text.speaker_text(self)

    def search_speaker_names(self):
        return search_text.speaker_names(self)

    def search_autocomplete_text(self):
        return search_text.autocomplete_text(self)

    def search_place_text(self):
        return search_text.place_text(self)

    def search_partner_text(self):
        return search_text.partner_text(self)

    def search_about_text(self):
        return search_text.about_text(self)

    def search_taxonomy_text(self):
        return search_text.taxonomy_text(self)

    def search_folded_text(self):
        return search_text.folded_event_text(self)

    def search_french_words(self):
        return search_text.french_event_words(self)

    class Meta:
        abstract = True


class CycleSearchMixin(models.Model):
    """Search fields of a cycle page, indexed by the package as events are."""

    search_auto_update = False

    search_fields = [
        index.SearchField("subtitle", boost=1.5),
        index.SearchField("description"),
        index.SearchField("search_partner_text"),
        index.SearchField("search_about_text"),
        index.SearchField("search_taxonomy_text"),
        index.SearchField("search_folded_text"),
        index.SearchField("search_french_words"),
        index.FilterField("themes"),
        index.FilterField("audiences"),
        index.RelatedFields("themes", [index.FilterField("slug")]),
        index.RelatedFields("audiences", [index.FilterField("slug")]),
    ]

    def search_partner_text(self):
        return search_text.partner_text(self)

    def search_about_text(self):
        return search_text.about_text(self)

    def search_taxonomy_text(self):
        return search_text.taxonomy_text(self)

    def search_folded_text(self):
        return search_text.folded_cycle_text(self)

    def search_french_words(self):
        return search_text.french_cycle_words(self)

    class Meta:
        abstract = True


class AgendaSearchMixin(models.Model):
    """Search fields of an agenda page: its title and introduction, folded."""

    search_fields = [index.SearchField("intro"), index.SearchField("search_folded_text")]

    def search_folded_text(self):
        return fold(" ".join([self.title, strip_tags(self.intro or "")]))

    class Meta:
        abstract = True
