"""The reference docs name every setting, management command and template block.

These tests read the Markdown sources in ``docs/``; they fail when code gains a
``WAGTAILRENCONTRES_*`` setting, a management command or a base-template block
that the reference does not document.
"""

import importlib.util
import re
from pathlib import Path

import wagtail_rencontres
from wagtail_rencontres import conf

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PACKAGE = Path(wagtail_rencontres.__file__).resolve().parent
SETTINGS_DOC = DOCS / "reference" / "settings.md"
COMMANDS_DOC = DOCS / "reference" / "management-commands.md"
TEMPLATES_DOC = DOCS / "how-to" / "templates.md"


def load_settings_hook():
    path = DOCS / "hooks" / "settings_reference.py"
    spec = importlib.util.spec_from_file_location("settings_reference_hook", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def h2_headings(markdown):
    return {line[3:].strip() for line in markdown.splitlines() if line.startswith("## ")}


def undocumented(names, markdown):
    """Names without a ``## name`` heading of their own, in order."""
    headings = h2_headings(markdown)
    return [name for name in names if name not in headings]


def package_commands():
    folder = PACKAGE / "management" / "commands"
    return sorted(path.stem for path in folder.glob("*.py") if not path.stem.startswith("_"))


def test_undocumented_reports_a_name_without_heading():
    markdown = "# Settings\n\n## WAGTAILRENCONTRES_A\n\nText about WAGTAILRENCONTRES_B.\n"

    assert undocumented(["WAGTAILRENCONTRES_A", "WAGTAILRENCONTRES_B"], markdown) == [
        "WAGTAILRENCONTRES_B"
    ]


def test_every_setting_has_a_section_in_the_settings_reference():
    markdown = SETTINGS_DOC.read_text(encoding="utf-8")

    assert undocumented(conf.all_settings(), markdown) == []


def value_of(source):
    """Evaluate a default as written in ``conf.py`` or the docs, in conf's namespace."""
    return eval(source, dict(vars(conf)))  # noqa: S307 - our own conf.py and docs


def prefixed_defaults():
    return {f"WAGTAILRENCONTRES_{key}": value for key, value in conf.DEFAULTS.items()}


def test_each_settings_section_states_the_default_of_conf():
    markdown = SETTINGS_DOC.read_text(encoding="utf-8")
    stated = re.findall(r"^## (WAGTAILRENCONTRES_\w+)\n\nDefault: `(.+)`$", markdown, re.MULTILINE)

    assert {name: value_of(source) for name, source in stated} == prefixed_defaults()


def test_settings_table_of_the_docs_hook_lists_every_setting_with_its_default():
    rows = load_settings_hook().read_defaults()

    assert [name for name, _default, _description in rows] == list(prefixed_defaults())
    assert {name: value_of(default) for name, default, _description in rows} == (
        prefixed_defaults()
    )
    assert [name for name, _default, description in rows if not description] == []


def test_settings_table_replaces_the_marker_of_the_settings_page():
    hook = load_settings_hook()
    markdown = SETTINGS_DOC.read_text(encoding="utf-8")

    rendered = hook.on_page_markdown(markdown, page=None, config=None, files=None)

    assert hook.MARKER in markdown
    assert hook.MARKER not in rendered
    assert "| [`WAGTAILRENCONTRES_DEFAULT_TIMEZONE`](#wagtailrencontres_default_timezone) | " in (
        rendered
    )


def test_every_management_command_has_a_section_in_the_commands_reference():
    markdown = COMMANDS_DOC.read_text(encoding="utf-8")

    assert undocumented(package_commands(), markdown) == []


def test_template_blocks_filled_by_page_templates_are_in_the_base_template_contract():
    markdown = TEMPLATES_DOC.read_text(encoding="utf-8")
    section = markdown.split("## The base template contract", 1)[1].split("\n## ", 1)[0]
    contract = set(re.findall(r"^\| `(\w+)` \|", section, re.MULTILINE))
    pages = PACKAGE / "templates" / "wagtail_rencontres" / "pages"
    filled = {
        block
        for template in pages.glob("*.html")
        for block in re.findall(r"{%\s*block\s+(\w+)\s*%}", template.read_text(encoding="utf-8"))
    }

    assert contract == {"content", "extra_css", "extra_head", "title"}
    assert filled - contract == set()


def load_fresh_site_check():
    path = ROOT / "ci" / "fresh_site_check.py"
    spec = importlib.util.spec_from_file_location("fresh_site_check", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_both_tutorials_show_the_code_blocks_the_fresh_site_check_applies():
    check = load_fresh_site_check()

    blocks = check.tutorial_blocks()  # raises CheckFailed when the tutorials drift apart

    assert [title for title, _code in blocks] == [
        "mysite/settings/base.py",
        "mysite/urls.py",
        "mysite/urls.py",
    ]


def test_titled_blocks_reads_the_title_of_a_fence_and_ignores_others():
    check = load_fresh_site_check()
    markdown = (
        "Text\n\n```sh\npip install x\n```\n\n"
        '```python title="mysite/urls.py"\nA = 1\n```\n\n'
        '```python title="other.py"\nB = 2\n```\n'
    )

    assert check.titled_blocks(markdown) == [("mysite/urls.py", "A = 1\n")]


def tutorial_code(title):
    check = load_fresh_site_check()
    return [code for block_title, code in check.tutorial_blocks() if block_title == title]


def test_settings_block_extends_the_installed_apps_of_a_wagtail_start_site():
    namespace = {"INSTALLED_APPS": ["home", "search", "wagtail", "django.contrib.admin"]}

    (source,) = tutorial_code("mysite/settings/base.py")
    exec(source, namespace)  # noqa: S102

    assert namespace["INSTALLED_APPS"][4:] == [
        "wagtail_rencontres",
        "wagtail_rencontres.relations",
        "django_tasks",
        "wagtail.api.v2",
        "rest_framework",
        "ninja",
    ]
    assert namespace["WAGTAILRENCONTRES_BASE_TEMPLATE"] == "base.html"
    assert namespace["TASKS"]["default"]["BACKEND"] == (
        "django_tasks.backends.immediate.ImmediateBackend"
    )


def test_url_blocks_prepend_the_api_and_feeds_to_a_wagtail_start_urlconf():
    """Run the blocks after a urls.py shaped like the one of ``wagtail start``."""
    from django.urls import include, path

    catch_all = path("", lambda request: None, name="wagtail_serve")
    namespace = {"include": include, "path": path, "urlpatterns": [catch_all]}

    for source in tutorial_code("mysite/urls.py"):
        exec(source, namespace)  # noqa: S102

    routes = [str(pattern.pattern) for pattern in namespace["urlpatterns"]]
    assert routes == ["api/rencontres/", "rencontres/", "api/v2/", ""]


def load_own_pages_recipe():
    path = ROOT / "ci" / "fresh_site" / "own_pages.py"
    spec = importlib.util.spec_from_file_location("fresh_site_own_pages", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_own_pages_recipe_settings_swap_the_three_pages_of_a_tutorial_site():
    """The fresh-site check's own-pages site reads the models page's recipe."""
    recipe = load_own_pages_recipe()
    namespace = {"INSTALLED_APPS": ["home", "wagtail", "wagtail_rencontres"]}

    exec(recipe.recipe_settings(), namespace)  # noqa: S102

    assert namespace["INSTALLED_APPS"][:2] == ["images", "events"]
    assert namespace["WAGTAILIMAGES_IMAGE_MODEL"] == "images.CustomImage"
    settings = [f"WAGTAILRENCONTRES_{name.upper()}_MODEL" for name in conf.SWAPPABLE_PAGES]
    swapped = [namespace[setting] for setting in settings]
    assert swapped == ["events.AgendaPage", "events.EventPage", "events.CyclePage"]


def test_own_pages_recipe_models_build_the_three_pages_on_the_project_base_page():
    recipe = load_own_pages_recipe()

    source = recipe.recipe_models("mysite")

    compile(source, "events/models.py", "exec")
    assert "from mysite.pages import BasePage" in source
    for name in ("AgendaPage", "EventPage", "CyclePage"):
        assert f"class {name}({name}Mixin, BasePage):" in source


def test_no_doc_includes_a_snippet_that_github_would_not_render():
    """``--8<--`` includes show as a bare line on GitHub: docs write code inline."""
    includes = [
        str(page.relative_to(DOCS))
        for page in sorted(DOCS.rglob("*.md"))
        if "--8<--" in page.read_text(encoding="utf-8")
    ]

    assert includes == []


def bold_labels(tutorial):
    """Admin labels the tutorial names in bold; ``A → B`` menu paths give each part."""
    text = (DOCS / "tutorial" / tutorial).read_text(encoding="utf-8")
    return {
        " ".join(part.split())
        for label in re.findall(r"\*\*([^*]+)\*\*", text)
        for part in label.split("→")
    }


def test_the_tutorials_name_admin_labels_as_the_admin_shows_them():
    """Every bold label is a string of the package's or Wagtail's catalogues.

    English labels are msgids; French labels are their French translations (the
    admin capitalises the first letter of model names).
    """
    from django.utils import translation
    from django.utils.text import capfirst

    catalogue = dict(translation.trans_real.translation("fr")._catalog.items())
    english = {capfirst(msgid) for msgid in catalogue if isinstance(msgid, str)}
    french = {capfirst(msgstr) for msgstr in catalogue.values() if isinstance(msgstr, str)}

    assert bold_labels("index.md") - english == {"Add speaker", "Add venue"}
    assert bold_labels("fr.md") - french == set()


SIGNALS_DOC = Path(__file__).resolve().parent.parent / "docs" / "reference" / "signals-and-hooks.md"


def documented_rows(heading, columns):
    """Rows of the Markdown table under ``heading``: the first ``columns`` cells, unquoted."""
    markdown = SIGNALS_DOC.read_text(encoding="utf-8")
    section = markdown.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = set()
    for line in section.splitlines():
        cells = [cell.strip().strip("`") for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) > columns and not set(cells[0]) <= {"-", " "}:
            rows.add(tuple(cells[:columns]))
    return rows - {("Hook", "Function"), ("Signal", "Sender", "Receiver")}


def test_the_hooks_reference_lists_every_hook_the_package_registers():
    from wagtail import hooks

    hooks.search_for_hooks()
    registered = {
        (name, fn.__name__)
        for name, entries in hooks._hooks.items()
        for fn, _order in entries
        if fn.__module__.startswith("wagtail_rencontres")
    }
    assert registered == documented_rows("Wagtail hooks registered by the package", 2)


def sender_name(sender_id, signal_name):
    from django.apps import apps
    from wagtail.images import get_image_model
    from wagtail.models import Page

    if sender_id == id(None):
        return "any page" if signal_name.startswith("page_") else "any model"
    if sender_id == id(conf.page_model("EventPage")):
        return "event page"
    if sender_id == id(conf.page_model("CyclePage")):
        return "cycle page"
    if sender_id == id(apps.get_app_config("wagtail_rencontres")):
        return "the package's app"
    if sender_id == id(get_image_model()):
        return "Image"  # the site's image model, whatever its name
    for model in [*apps.get_models(), Page]:
        if id(model) == sender_id:
            return model.__name__
    return f"unknown sender {sender_id}"


def test_the_signals_reference_lists_every_receiver_the_package_connects():
    import weakref

    from django.db.models import signals as model_signals
    from wagtail import signals as wagtail_signals

    signals = {
        "post_save": model_signals.post_save,
        "post_delete": model_signals.post_delete,
        "pre_save": model_signals.pre_save,
        "pre_delete": model_signals.pre_delete,
        "m2m_changed": model_signals.m2m_changed,
        "page_published": wagtail_signals.page_published,
        "page_unpublished": wagtail_signals.page_unpublished,
        "post_page_move": wagtail_signals.post_page_move,
        "pre_migrate": model_signals.pre_migrate,
        "post_migrate": model_signals.post_migrate,
    }
    connected = set()
    for signal_name, signal in signals.items():
        for entry in signal.receivers:
            (_receiver_key, sender_id), reference = entry[0], entry[1]
            receiver = reference() if isinstance(reference, weakref.ReferenceType) else reference
            module = getattr(receiver, "__module__", "") or ""
            if module.startswith("wagtail_rencontres."):
                path = f"{module.removeprefix('wagtail_rencontres.')}.{receiver.__name__}"
                connected.add((signal_name, sender_name(sender_id, signal_name), path))
    assert connected == documented_rows("Signal receivers connected by the package", 3)
