"""Install the built wheel into brand-new ``wagtail start`` sites, as the docs say.

For each Wagtail version asked for, in its own throwaway virtualenv (made once,
shared by both sites of that version):

1. install that Wagtail (and Django 5.2) and the wheel of this package (built
   once with ``python -m build``);
2. make two sites with ``wagtail start mysite`` and append to each one's
   ``settings/base.py`` and ``urls.py`` exactly the code blocks that the
   tutorial shows for them (fenced blocks titled ``mysite/settings/base.py``
   and ``mysite/urls.py``, in order), after checking that both tutorials
   (English and French) show the same ones:

   - **tutorial**: nothing else, the package's own page classes;
   - **own pages**: a custom image model in an app ``images``
     (``WAGTAILIMAGES_IMAGE_MODEL``), an abstract base page of the site's own,
     and an app ``events`` with the agenda, event and cycle classes and the
     settings that docs/reference/models.md shows ("Using your own page
     classes", read from its code blocks: see ``ci/fresh_site/own_pages.py``),
     then ``makemigrations images events`` with no edit of what it writes;

3. migrate, ``check``, create an agenda below the site root and a published
   event with a programme, a speaker, an image of the site's image model and
   internal registration open, through the ORM (``ci/fresh_site/create_event.py``);
4. serve the site with ``runserver``, fetch every ``curl`` URL of the
   tutorial (Wagtail API v2, asking for the site's event type, and the typed
   API), check that the typed API (``/api/rencontres/events``) serves the
   event, and fetch its page, which must extend the site's ``base.html``,
   show the image and carry the event's JSON-LD and calendar ``<link>`` once
   in its ``<head>``;
5. register through the page's form (CSRF cookie and token, as a browser
   does) and check that the registration is stored as confirmed; for the own
   pages, check that the admin offers the site's page types and not the
   shipped ones.

Usage::

    python ci/fresh_site_check.py --wagtail "7.4" --wagtail "8.0"

One line per site says ``passed`` or ``FAILED``; the last line reads
``fresh-site: N passed, M failed``, counting sites (two per Wagtail version);
the exit status is 1 when anything failed. Only the standard library is used.
"""

import argparse
import http.cookiejar
import importlib.util
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
TUTORIALS = [DOCS / "tutorial" / "index.md", DOCS / "tutorial" / "fr.md"]
HERE = Path(__file__).resolve().parent / "fresh_site"
CREATE_EVENT = HERE / "create_event.py"
PROJECT = "mysite"
EVENT_TITLE = "Journée d'étude : habiter les quartiers"

# Files of the new site that the tutorial's titled code blocks are appended to.
TARGETS = (f"{PROJECT}/settings/base.py", f"{PROJECT}/urls.py")
TUTORIAL_HOST = "http://127.0.0.1:8000"


def _load(name):
    """A module of ``ci/fresh_site/``, loaded by path (``ci`` is not a package)."""
    spec = importlib.util.spec_from_file_location(f"fresh_site_{name}", HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


own_pages = _load("own_pages")


class CheckFailed(Exception):
    pass


def log(message):
    print(f"[fresh-site] {message}", flush=True)


def run(cmd, *, cwd=None, env=None, stdin=None, timeout=900):
    """Run a command; raise CheckFailed with its output when it fails."""
    result = subprocess.run(  # noqa: S603 - fixed argument lists built here
        [str(part) for part in cmd],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        raise CheckFailed(
            f"{' '.join(map(str, cmd))} exited {result.returncode}\n"
            f"--- stdout\n{result.stdout[-4000:]}\n--- stderr\n{result.stderr[-4000:]}"
        )
    return result.stdout


FENCE = re.compile(
    r"^```(?P<lang>\w+)(?P<info>[^\n]*)\n(?P<code>.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL
)
TITLE = re.compile(r'\btitle="(?P<title>[^"]+)"')


def titled_blocks(markdown, titles=TARGETS):
    """``(title, code)`` of the fenced blocks titled as one of ``titles``, in order.

    The tutorial shows what to append to a file in a fenced block whose info
    string is ``python title="mysite/urls.py"``: MkDocs Material prints the
    title above the code and GitHub ignores it, so both show the code itself.
    """
    blocks = []
    for match in FENCE.finditer(markdown):
        title = TITLE.search(match.group("info"))
        if title and title.group("title") in titles:
            blocks.append((title.group("title"), match.group("code")))
    return blocks


def tutorial_blocks():
    """The code blocks the tutorials tell users to append; both tutorials must agree."""
    found = {
        tutorial: titled_blocks(tutorial.read_text(encoding="utf-8")) for tutorial in TUTORIALS
    }
    english = found[TUTORIALS[0]]
    if {title for title, _code in english} != set(TARGETS):
        raise CheckFailed(
            f"{TUTORIALS[0].relative_to(ROOT)} shows no code block titled one of {TARGETS}"
        )
    for tutorial, blocks in found.items():
        if blocks != english:
            raise CheckFailed(
                f"{tutorial.relative_to(ROOT)} and {TUTORIALS[0].relative_to(ROOT)} show "
                "different settings or URL code: the tutorials would drift apart"
            )
    return english


def tutorial_urls():
    """The local URLs that the tutorial's ``curl`` commands fetch, without the host."""
    text = TUTORIALS[0].read_text(encoding="utf-8")
    urls = re.findall(rf'curl "{re.escape(TUTORIAL_HOST)}(/[^"]*)"', text)
    if not urls:
        raise CheckFailed(f"{TUTORIALS[0].relative_to(ROOT)} has no curl command")
    return urls


def build_wheel(python, outdir):
    """Build the wheel once, in an isolated environment, with the ``build`` frontend."""
    run([python, "-m", "build", "--wheel", "--outdir", outdir, ROOT], cwd=ROOT, timeout=1200)
    wheels = sorted(Path(outdir).glob("wagtail_rencontres-*.whl"))
    if len(wheels) != 1:
        raise CheckFailed(f"expected one wheel in {outdir}, found {wheels}")
    return wheels[0]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url, *, accept="application/json"):
    request = urllib.request.Request(url, headers={"Accept": accept})  # noqa: S310 - loopback
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
        return response.status, response.read().decode("utf-8")


def wait_for_server(base_url, server, deadline=60):
    started = time.monotonic()
    while time.monotonic() - started < deadline:
        if server.poll() is not None:
            raise CheckFailed(f"runserver exited with {server.returncode}")
        try:
            fetch(base_url + "/admin/login/", accept="text/html")
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    raise CheckFailed(f"runserver did not answer on {base_url} within {deadline}s")


class Context:
    """One site of one Wagtail version: where it is, how to run its commands."""

    def __init__(self, label, workdir, bin_dir, env, timings):
        self.label = label
        self.workdir = workdir
        self.site = workdir / PROJECT
        self.bin_dir = bin_dir
        self.env = env
        self.timings = timings

    def step(self, name, func):
        began = time.monotonic()
        result = func()
        elapsed = time.monotonic() - began
        self.timings.append((self.label, name, elapsed))
        log(f"{self.label}: {name} ({elapsed:.1f}s)")
        return result

    def manage(self, *args, stdin=None):
        cmd = [self.bin_dir / "python", "manage.py", *args]
        return run(cmd, cwd=self.site, env=self.env, stdin=stdin)


def make_venv(label, wagtail_spec, wheel, workdir, python, timings):
    """The version's virtualenv with Wagtail and the wheel; shared by its sites."""
    venv = workdir / "venv"
    bin_dir = venv / "bin"
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("PYTHONPATH", None)
    ctx = Context(label, workdir, bin_dir, env, timings)
    pip = [bin_dir / "pip", "install", "-q"]
    ctx.step("virtualenv", lambda: run([python, "-m", "venv", venv], env=env))
    ctx.step(
        "pip install wagtail",
        lambda: run([*pip, wagtail_spec, "Django>=5.2,<6.0"], env=env),
    )
    version = [bin_dir / "python", "-c", "import wagtail; print(wagtail.__version__)"]
    installed = run(version).strip()
    log(f"{label}: Wagtail {installed}")
    ctx.step("pip install wheel", lambda: run([*pip, wheel], env=env))
    still = run(version).strip()
    if still != installed:
        raise CheckFailed(f"installing the wheel changed Wagtail {installed} to {still}")
    return bin_dir, env


def start_site(ctx):
    """``wagtail start``, then the tutorial's settings and URL blocks appended."""
    ctx.workdir.mkdir(parents=True, exist_ok=True)
    wagtail = [ctx.bin_dir / "wagtail", "start", PROJECT]
    ctx.step("wagtail start", lambda: run(wagtail, cwd=ctx.workdir, env=ctx.env))
    for title, code in tutorial_blocks():
        with (ctx.site / title).open("a", encoding="utf-8") as handle:
            handle.write("\n\n# Added as the tutorial says (docs/tutorial/index.md).\n")
            handle.write(code)


def make_tutorial_site(ctx):
    """The tutorial's site: the package's own page classes."""
    start_site(ctx)
    ctx.step("migrate", lambda: ctx.manage("migrate", "--no-input"))


def make_own_pages_site(ctx):
    """A site with a custom image model and its own page classes, as the docs say."""
    start_site(ctx)
    # django-admin, not manage.py: it makes the app without loading the whole site.
    for app in own_pages.APPS:
        startapp = [ctx.bin_dir / "django-admin", "startapp", app]
        ctx.step(f"startapp {app}", lambda cmd=startapp: run(cmd, cwd=ctx.site, env=ctx.env))
    own_pages.write_site_files(ctx.site, PROJECT)
    made = ctx.step(
        "makemigrations", lambda: ctx.manage("makemigrations", *own_pages.APPS, "--no-input")
    )
    files = re.findall(r"^\s*(\S+/migrations/\S+\.py)$", made, re.MULTILINE)
    log(f"{ctx.label}: makemigrations wrote {', '.join(files)}")
    ctx.step("migrate", lambda: ctx.manage("migrate", "--no-input"))


def check_page_types(event, own, shipped):
    """The admin offers the ``own`` page types, and not the ``shipped`` ones."""
    offered = event["page_models"]
    missing = [label for label in own if label not in offered]
    swapped = [label for label in shipped if label in offered]
    if missing or swapped:
        raise CheckFailed(
            f"the admin offers {offered}: missing {missing}, swapped out but offered {swapped}"
        )


#: ``(name, make the site, page types offered, not offered, image model)`` of each
#: site made per version.
SCENARIOS = (
    ("tutorial", make_tutorial_site, own_pages.SHIPPED_PAGE_MODELS, (), "wagtailimages.Image"),
    (
        "own pages",
        make_own_pages_site,
        own_pages.PAGE_MODELS,
        own_pages.SHIPPED_PAGE_MODELS,
        own_pages.IMAGE_MODEL,
    ),
)


def check_site(ctx, make_site, page_types, swapped_types, image_model):
    """Make one site, create its event, serve it and register through the event page."""
    make_site(ctx)
    ctx.step("check", lambda: ctx.manage("check", "--fail-level", "WARNING"))
    created = ctx.step(
        "create event (ORM)",
        lambda: ctx.manage("shell", stdin=CREATE_EVENT.read_text(encoding="utf-8")),
    )
    match = re.search(r"^CREATED (\{.*\})$", created, re.MULTILINE)
    if not match:
        raise CheckFailed(f"create_event.py printed no CREATED line:\n{created}")
    event = json.loads(match.group(1))
    check_page_types(event, page_types, swapped_types)
    page_model = page_types[1]  # the event page
    if (event["page_model"], event["image_model"]) != (page_model, image_model):
        raise CheckFailed(
            f"the event is a {event['page_model']} with a {event['image_model']}, "
            f"not a {page_model} with a {image_model}"
        )
    log(f"{ctx.label}: event page {page_model}, image {image_model}")
    log(f"{ctx.label}: the admin offers {event['page_models']}")
    if not event["registration_open"]:
        raise CheckFailed("the event's registration is not open")

    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    server_log = (ctx.workdir / "runserver.log").open("w")
    server = subprocess.Popen(
        [str(ctx.bin_dir / "python"), "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ctx.site,
        env=ctx.env,
        stdout=server_log,
        stderr=subprocess.STDOUT,
    )
    try:
        ctx.step("runserver", lambda: wait_for_server(base_url, server))
        check_apis(ctx, base_url, event)
        check_event_page(ctx, base_url + event["url"])
        check_registration(ctx, base_url + event["url"], event["id"])
    finally:
        server.terminate()
        server.wait(timeout=30)
        server_log.close()


def check_apis(ctx, base_url, event):
    """The tutorial's ``curl`` URLs (asking for the site's event type) and the typed API."""
    for path in tutorial_urls():
        path = path.replace("type=wagtail_rencontres.EventPage", f"type={event['page_model']}")
        status, body = ctx.step(f"GET {path}", lambda path=path: fetch(base_url + path))
        if status != 200:
            raise CheckFailed(f"{path}, fetched by the tutorial, answered {status}")
        if "type=" in path and [item["id"] for item in json.loads(body)["items"]] != [event["id"]]:
            raise CheckFailed(f"{path} does not list event id {event['id']}:\n{body[:2000]}")
    api_url = f"{base_url}/api/rencontres/events"
    status, body = ctx.step("GET typed API", lambda: fetch(api_url))
    items = json.loads(body)["results"]
    log(f"{ctx.label}: {api_url} -> {status}")
    titles = [item.get("title") for item in items]
    if status != 200 or titles != [EVENT_TITLE]:
        raise CheckFailed(f"{api_url} answered {status} with titles {titles}:\n{body[:2000]}")
    if [item.get("id") for item in items] != [event["id"]]:
        raise CheckFailed(f"{api_url} did not return event id {event['id']}:\n{body[:2000]}")


def check_event_page(ctx, page_url):
    status, html = ctx.step("GET event page", lambda: fetch(page_url, accept="text/html"))
    if status != 200 or "habiter les quartiers" not in html or "Camille Durand" not in html:
        raise CheckFailed(f"{page_url} answered {status} without the event or speaker")
    # The site's own base template wraps the page (WAGTAILRENCONTRES_BASE_TEMPLATE).
    if f"css/{PROJECT}.css" not in html:
        raise CheckFailed(f"{page_url} does not extend the site's base.html")
    # A rendition of the event's image, from the site's image model.
    if "affiche.width-960" not in html:
        raise CheckFailed(f"{page_url} does not show the event's image")
    # That base.html has no extra_head block: the metadata comes through extra_css.
    head = html.split("</head>", 1)[0]
    for marker in ('type="application/ld+json"', 'rel="alternate" type="text/calendar"'):
        if head.count(marker) != 1:
            raise CheckFailed(f"{page_url} has {head.count(marker)} {marker} in its <head>")


REGISTRANT = {
    "first_name": "Alex",
    "last_name": "Martin",
    "email": "alex.martin@example.org",
    "organisation": "Centre de ressources politique de la ville",
    "function": "Chargée de mission",
    "consent": "on",
}


def check_registration(ctx, page_url, event_id):
    """Register through the event page's form, as a browser does, and find it confirmed."""
    cookies = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cookies))

    def get_form():
        with browser.open(page_url, timeout=30) as response:
            return response.read().decode("utf-8")

    html = get_form()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    form = re.search(r'<form[^>]*class="[^"]*\brencontres-registration-form\b', html)
    if not form or not token:
        raise CheckFailed(f"{page_url} shows no registration form with a CSRF token")
    if "csrftoken" not in {cookie.name for cookie in cookies}:
        raise CheckFailed(f"{page_url} set no CSRF cookie")
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token.group(1), **REGISTRANT})

    def post():
        # The answer redirects (POST/redirect/GET) to the page with the outcome.
        request = urllib.request.Request(page_url, data=data.encode(), method="POST")  # noqa: S310
        try:
            with browser.open(request, timeout=30) as response:
                return response.status, response.url
        except urllib.error.HTTPError as exc:
            body = exc.read().decode("utf-8", "replace")
            errors = re.findall(r'class="[^"]*error[^"]*"[^>]*>(.*?)<', body, re.DOTALL)
            raise CheckFailed(f"POST {page_url} answered {exc.code}: {errors}") from exc

    status, landed = ctx.step("POST registration", post)
    if status != 200 or "registration=confirmed" not in landed:
        raise CheckFailed(f"POST {page_url} ended on {landed} ({status}), not confirmed")
    stored = ctx.manage(
        "shell",
        "-c",
        "import json; from wagtail_rencontres.models import Registration; "
        f"rows = Registration.objects.filter(page_id={event_id}).values_list('email', 'status'); "
        "print('REGISTRATIONS ' + json.dumps(list(rows)))",
    )
    match = re.search(r"^REGISTRATIONS (\[.*\])$", stored, re.MULTILINE)
    rows = json.loads(match.group(1)) if match else None
    log(f"{ctx.label}: registrations stored {rows}")
    if rows != [[REGISTRANT["email"], "confirmed"]]:
        raise CheckFailed(f"the registration was not stored as confirmed: {stored[-2000:]}")


CHECK_ERRORS = (
    CheckFailed,
    own_pages.RecipeError,
    subprocess.TimeoutExpired,
    OSError,
    ValueError,
    KeyError,
)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--wagtail",
        action="append",
        metavar="X.Y",
        help='Wagtail minor version to test, repeatable (default: "7.4" and "8.0")',
    )
    parser.add_argument("--wheel", type=Path, help="use this wheel instead of building one")
    parser.add_argument("--python", default=sys.executable, help="interpreter for the venvs")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directories")
    parser.add_argument(
        "--site",
        action="append",
        choices=[name for name, *_rest in SCENARIOS],
        help="site to make for each version, repeatable (default: every one)",
    )
    args = parser.parse_args(argv)
    versions = args.wagtail or ["7.4", "8.0"]
    sites = args.site or [name for name, *_rest in SCENARIOS]

    passed, failed, timings = [], [], []
    base = Path(tempfile.mkdtemp(prefix="fresh-site-"))
    began = time.monotonic()
    try:
        # Fail at once, before any build, when the tutorials drift apart or the
        # models page's recipe is no longer in the shape the own-pages site reads.
        tutorial_blocks()
        tutorial_urls()
        try:
            own_pages.recipe_settings()
            own_pages.recipe_models(PROJECT)
        except own_pages.RecipeError as exc:
            raise CheckFailed(f"docs/reference/models.md: {exc}") from exc
        wheel = args.wheel
        if wheel is None:
            build_began = time.monotonic()
            wheel = build_wheel(args.python, base / "dist")
            timings.append(("all", "build wheel", time.monotonic() - build_began))
        log(f"wheel: {wheel.name}")

        def check_version(version):
            major, minor = (int(part) for part in version.split("."))
            spec = f"wagtail>={major}.{minor},<{major}.{minor + 1}"
            label = f"wagtail {version}"
            workdir = base / f"wagtail-{version}"
            workdir.mkdir()
            try:
                bin_dir, env = make_venv(
                    label, spec, wheel.resolve(), workdir, args.python, timings
                )
            except CHECK_ERRORS as exc:
                log(f"{label}: FAILED to install\n{exc}")
                failed.extend(f"{label}, {name}" for name in sites)
                return
            # The sites of a version share its virtualenv and run one after the other.
            for name, make_site, *expected in SCENARIOS:
                if name not in sites:
                    continue
                site_label = f"{label}, {name}"
                ctx = Context(site_label, workdir / name.replace(" ", "-"), bin_dir, env, timings)
                site_began = time.monotonic()
                try:
                    check_site(ctx, make_site, *expected)
                except CHECK_ERRORS as exc:
                    failed.append(site_label)
                    log(f"{site_label}: FAILED\n{exc}")
                    server_log = ctx.workdir / "runserver.log"
                    if server_log.exists():
                        log(f"{site_label}: runserver log:\n{server_log.read_text()[-3000:]}")
                else:
                    passed.append(site_label)
                    log(f"{site_label}: passed in {time.monotonic() - site_began:.0f}s")

        # The versions are independent (own virtualenv, sites and ports): check them
        # side by side, as most of the time goes to pip and migrate.
        with ThreadPoolExecutor(max_workers=len(versions)) as pool:
            list(pool.map(check_version, versions))
    except CheckFailed as exc:
        log(f"FAILED before any site was made:\n{exc}")
        failed.extend(f"wagtail {v}, {name}" for v in versions for name in sites)
    finally:
        if args.keep:
            log(f"kept {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)
    log(f"total {time.monotonic() - began:.0f}s")
    print(f"fresh-site: {len(passed)} passed, {len(failed)} failed", flush=True)
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
