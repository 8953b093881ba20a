"""The second site of ``ci/fresh_site_check.py``: a site's own page classes.

A ``wagtail start`` site as real sites are: a custom image model in an app of
its own (``images``), an abstract base page of the project's own
(``mysite/pages.py``, one extra field) and an app ``events`` whose agenda,
event and cycle classes are the ones docs/reference/models.md shows, in
"Using your own page classes". The settings and ``events/models.py`` are read
from that page's code blocks, so the check follows the docs as written; the
only change is the project's name (``myproject`` there, ``mysite`` here).

Only the standard library is used.
"""

import re
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
MODELS_DOC = ROOT / "docs" / "reference" / "models.md"
SECTION = "### Using your own page classes"
DOC_PROJECT = "myproject"

#: App labels made with ``startapp``, in the order of INSTALLED_APPS.
APPS = ("images", "events")
IMAGE_MODEL = "images.CustomImage"
#: The site's page types, and the package's that they swap out (agenda, event, cycle).
PAGE_MODELS = ("events.AgendaPage", "events.EventPage", "events.CyclePage")
SHIPPED_PAGE_MODELS = (
    "wagtail_rencontres.AgendaPage",
    "wagtail_rencontres.EventPage",
    "wagtail_rencontres.CyclePage",
)

# Wagtail's documented custom image model, with one field of the site's own.
IMAGES_MODELS = '''\
"""The site's image model (WAGTAILIMAGES_IMAGE_MODEL)."""

from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    credit = models.CharField(max_length=255, blank=True)

    admin_form_fields = Image.admin_form_fields + ("credit",)


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
'''

# The base page every page of the site shares: abstract, with a field of its own.
BASE_PAGE = '''\
"""The site's base page."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class BasePage(Page):
    teaser = models.CharField(max_length=255, blank=True)

    promote_panels = Page.promote_panels + [FieldPanel("teaser")]

    class Meta:
        abstract = True
'''


class RecipeError(Exception):
    """The docs' recipe is not there or not in the shape this check reads."""


FENCE = re.compile(r"^ *```python\n(?P<code>.*?)^ *```[ \t]*$", re.MULTILINE | re.DOTALL)


def recipe_blocks(markdown=None):
    """The settings and models code blocks of "Using your own page classes"."""
    if markdown is None:
        markdown = MODELS_DOC.read_text(encoding="utf-8")
    if SECTION not in markdown:
        raise RecipeError(f"{MODELS_DOC.name} has no section {SECTION!r}")
    section = re.split(r"^#{1,4} ", markdown.split(SECTION, 1)[1], maxsplit=1, flags=re.M)[0]
    blocks = [textwrap.dedent(match.group("code")) for match in FENCE.finditer(section)]
    if len(blocks) != 2:
        raise RecipeError(f"{SECTION!r} shows {len(blocks)} python blocks, not 2")
    return blocks


def recipe_settings(markdown=None):
    """The lines of the docs' settings block that a site adds to its settings."""
    settings, _models = recipe_blocks(markdown)
    apps = re.search(r"INSTALLED_APPS = \[(.*?)\]", settings, re.DOTALL)
    listed = re.findall(r'^\s*"([\w.]+)",', apps.group(1), re.MULTILINE) if apps else []
    if listed != ["events", "wagtail_rencontres", "wagtail_rencontres.relations"]:
        raise RecipeError(f"the docs' INSTALLED_APPS lists {listed}")
    swapped = re.findall(r"^WAGTAILRENCONTRES_\w+_MODEL = .*$", settings, re.MULTILINE)
    if len(swapped) != len(PAGE_MODELS) or not all(
        f'"{label}"' in line for label, line in zip(PAGE_MODELS, swapped, strict=True)
    ):
        raise RecipeError(f"the docs' settings name {swapped}, not {PAGE_MODELS}")
    # The tutorial's block has already added the package's two apps; the site's
    # own apps come first, the image app before the pages (see the docs).
    return "\n".join(
        [
            f"INSTALLED_APPS = {list(APPS)!r} + INSTALLED_APPS",
            f'WAGTAILIMAGES_IMAGE_MODEL = "{IMAGE_MODEL}"',
            *swapped,
            "",
        ]
    )


def recipe_models(project, markdown=None):
    """``events/models.py`` as the docs show it, importing the project's base page."""
    _settings, models = recipe_blocks(markdown)
    if f"from {DOC_PROJECT}.pages import BasePage" not in models:
        raise RecipeError(f"the docs' models no longer import {DOC_PROJECT}.pages.BasePage")
    return models.replace(f"{DOC_PROJECT}.pages", f"{project}.pages")


def write_site_files(site, project):
    """Write the image model, the base page, the pages and the settings into ``site``.

    ``startapp images`` and ``startapp events`` must have made the apps.
    """
    (site / "images" / "models.py").write_text(IMAGES_MODELS, encoding="utf-8")
    (site / project / "pages.py").write_text(BASE_PAGE, encoding="utf-8")
    (site / "events" / "models.py").write_text(recipe_models(project), encoding="utf-8")
    with (site / project / "settings" / "base.py").open("a", encoding="utf-8") as handle:
        handle.write("\n\n# The site's own pages (docs/reference/models.md).\n")
        handle.write(recipe_settings())
