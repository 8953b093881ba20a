"""Steps of the admin journey: log in, fill Wagtail's stream and chooser UI, watch the console."""

import os
from contextlib import contextmanager
from pathlib import Path

from django.contrib.auth import get_user_model

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "mot-de-passe-de-test-42"  # noqa: S105 (a test user's)
#: Generous for a loaded 2-core machine, but a stuck step fails in seconds, not minutes.
TIMEOUT_MS = 15_000


def screenshot(page, name):
    """Save ``<name>.png`` in $RENCONTRES_SCREENSHOTS (relative to the project) when it is set."""
    folder = os.environ.get("RENCONTRES_SCREENSHOTS")
    if folder:
        path = ROOT / folder / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=path, animations="disabled")


class Console:
    """Console errors and uncaught exceptions of a page, except the allowed ones."""

    def __init__(self, page, allowed=()):
        self.allowed = allowed
        self.errors = []
        page.on("console", self._message)
        page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))

    def _message(self, message):
        text = f"{message.text} ({message.location.get('url')})"
        if message.type == "error" and not any(allowed in text for allowed in self.allowed):
            self.errors.append(text)


@contextmanager
def admin_page(chromium, tmp_path, allowed_console_errors=()):
    """A French admin tab and its console; on failure, a full-page screenshot in ``tmp_path``."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    console = Console(page, allowed=allowed_console_errors)
    try:
        yield page, console
    except Exception:
        page.screenshot(path=tmp_path / "failure.png", full_page=True)
        print(f"Screenshot of the failure: {tmp_path / 'failure.png'}")  # noqa: T201
        raise
    finally:
        context.close()


def log_in(page, url, username):
    page.goto(f"{url}/admin/login/")
    page.get_by_label("Nom d’utilisateur").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="S'identifier").click()
    page.wait_for_url(f"{url}/admin/")


def save_draft(page):
    """Click "Save draft" and wait for the edit page it leads to, with its success message."""
    submit(page, page.get_by_role("button", name="Enregistrer le brouillon"))


def submit(page, button):
    with page.expect_navigation():
        button.click()
    page.locator(".messages .success").wait_for()


def fill_date(page, selector, value):
    """Type into a Wagtail date or time input, then close its picker."""
    field = page.locator(selector)
    field.fill(value)
    field.press("Escape")


def last_add_button(page, prefix):
    """The last "Add" button of the ListBlock named ``prefix``."""
    container = page.locator(f"[name='{prefix}-count'] + [data-streamfield-list-container]")
    return container.locator(":scope > [data-streamfield-list-add]").last


def add_list_item(page, prefix):
    """Click the last "Add" of the ListBlock named ``prefix``; return the new item's prefix."""
    count = page.locator(f"input[name='{prefix}-count']")
    index = int(count.input_value())
    last_add_button(page, prefix).click()
    page.wait_for_selector(f"[name='{prefix}-{index}-deleted']", state="attached")
    return f"{prefix}-{index}-value"


def quiet_admin_user(settings, username):
    """An admin user for a browser journey, with no update check, Gravatar or autosave.

    The live server's threads share one in-memory SQLite connection: an autosave
    overlapping "Save draft" fails with "cannot start a transaction within a
    transaction". Autosave's own case is tests/editor/test_inline_rows.py.
    """
    settings.WAGTAIL_ENABLE_UPDATE_CHECK = False
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = None
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    get_user_model().objects.create_superuser(username, f"{username}@example.org", PASSWORD)
    return username


def open_block_settings(page, field_name):
    """Open the "Settings" area of the block holding the field named ``field_name``."""
    settings = page.locator(f"[name='{field_name}']").locator(
        "xpath=ancestor::*[@data-block-settings][1]"
    )
    toggle = page.locator(f"[aria-controls='{settings.get_attribute('id')}']")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    page.locator(f"[name='{field_name}']").wait_for(state="visible")


def choose(page, chooser_prefix, text):
    """Open the snippet chooser of ``chooser_prefix`` and pick the row showing ``text``."""
    open_chooser(page, chooser_prefix)
    modal = page.locator(".modal.fade.in, .modal[open], .modal.show").last
    modal.locator("a[data-chooser-modal-choice]", has_text=text).first.click()
    modal.wait_for(state="hidden")


def open_chooser(page, chooser_prefix):
    chooser = page.locator(f"input[name='{chooser_prefix}']").locator("xpath=..")
    chooser.locator("[data-chooser-action-choose]").first.click()
    page.locator(".modal-body").last.wait_for()


def create_in_chooser(page, chooser_prefix, fields, shot=None):
    """Open the chooser, fill its "Create" tab (``{field name: value}``), create the record."""
    open_chooser(page, chooser_prefix)
    modal = page.locator(".modal-dialog").last
    modal.get_by_role("tab", name="Créer").click()
    for name, value in fields.items():
        modal.locator(f"[name='{name}']").fill(value)
    if shot:
        screenshot(page, shot)
    modal.get_by_role("button", name="Créer").click()
    modal.wait_for(state="hidden")
