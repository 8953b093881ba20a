"""Install the built wheel into a brand-new ``wagtail start`` site, as the tutorial says.

For each Wagtail version asked for, in its own throwaway virtualenv:

1. install that Wagtail (and Django 5.2), run ``wagtail start mysite``;
2. install the wheel of this package (built once with ``python -m build``);
3. append to the new site's ``settings/base.py`` and ``urls.py`` exactly the
   code blocks that the tutorial shows for them (fenced blocks titled
   ``mysite/settings/base.py`` and ``mysite/urls.py``, in order), after
   checking that both tutorials (English and French) show the same ones;
4. migrate, create an agenda below the site root and a published event with a
   programme and a speaker through the ORM;
5. serve the site with ``runserver``, fetch every ``curl`` URL of the
   tutorial (Wagtail API v2 and the typed API), check that the typed API
   (``/api/rencontres/events``) serves the event, and fetch its page, which
   must extend the site's ``base.html`` and carry the event's JSON-LD and
   calendar ``<link>`` once in its ``<head>``.

Usage::

    python ci/fresh_site_check.py --wagtail "7.4" --wagtail "8.0"

The last line reads ``fresh-site: N passed, M failed``; the exit status is 1
when anything failed. Only the standard library is used.
"""

import argparse
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
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
TUTORIALS = [DOCS / "tutorial" / "index.md", DOCS / "tutorial" / "fr.md"]
CREATE_EVENT = Path(__file__).resolve().parent / "fresh_site" / "create_event.py"
PROJECT = "mysite"
EVENT_TITLE = "Journée d'étude : habiter les quartiers"

# Files of the new site that the tutorial's titled code blocks are appended to.
TARGETS = (f"{PROJECT}/settings/base.py", f"{PROJECT}/urls.py")
TUTORIAL_HOST = "http://127.0.0.1:8000"


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


def check_one(label, wagtail_spec, wheel, workdir, python, timings):
    """Run the whole scenario for one Wagtail version; return the event title served."""
    venv = workdir / "venv"
    bin_dir = venv / "bin"
    site = workdir / PROJECT
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("PYTHONPATH", None)

    def step(name, func):
        began = time.monotonic()
        result = func()
        timings.append((label, name, time.monotonic() - began))
        log(f"{label}: {name} ({time.monotonic() - began:.1f}s)")
        return result

    step("virtualenv", lambda: run([python, "-m", "venv", venv], env=env))
    step(
        "pip install wagtail",
        lambda: run(
            [bin_dir / "pip", "install", "-q", wagtail_spec, "Django>=5.2,<6.0"],
            env=env,
        ),
    )
    installed = run([bin_dir / "python", "-c", "import wagtail; print(wagtail.__version__)"])
    log(f"{label}: Wagtail {installed.strip()}")
    step("wagtail start", lambda: run([bin_dir / "wagtail", "start", PROJECT], cwd=workdir))
    step("pip install wheel", lambda: run([bin_dir / "pip", "install", "-q", wheel], env=env))
    still = run([bin_dir / "python", "-c", "import wagtail; print(wagtail.__version__)"]).strip()
    if still != installed.strip():
        raise CheckFailed(f"installing the wheel changed Wagtail {installed.strip()} to {still}")

    for title, code in tutorial_blocks():
        with (site / title).open("a", encoding="utf-8") as handle:
            handle.write("\n\n# Added as the tutorial says (docs/tutorial/index.md).\n")
            handle.write(code)

    manage = [bin_dir / "python", "manage.py"]
    step("migrate", lambda: run([*manage, "migrate", "--no-input"], cwd=site, env=env))
    step("check", lambda: run([*manage, "check", "--fail-level", "WARNING"], cwd=site, env=env))
    created = step(
        "create event (ORM)",
        lambda: run(
            [*manage, "shell"],
            cwd=site,
            env=env,
            stdin=CREATE_EVENT.read_text(encoding="utf-8"),
        ),
    )
    match = re.search(r"^CREATED (\{.*\})$", created, re.MULTILINE)
    if not match:
        raise CheckFailed(f"create_event.py printed no CREATED line:\n{created}")
    event = json.loads(match.group(1))

    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    server_log = (workdir / "runserver.log").open("w")
    server = subprocess.Popen(  # noqa: S603
        [*map(str, manage), "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=site,
        env=env,
        stdout=server_log,
        stderr=subprocess.STDOUT,
    )
    try:
        step("runserver", lambda: wait_for_server(base_url, server))
        for path in tutorial_urls():
            status, _body = step(f"GET {path}", lambda path=path: fetch(base_url + path))
            if status != 200:
                raise CheckFailed(f"{path}, fetched by the tutorial, answered {status}")
        api_url = f"{base_url}/api/rencontres/events"
        status, body = step("GET typed API", lambda: fetch(api_url))
        items = json.loads(body)["results"]
        log(f"{label}: {api_url} -> {status}")
        titles = [item.get("title") for item in items]
        if status != 200 or titles != [EVENT_TITLE]:
            raise CheckFailed(f"{api_url} answered {status} with titles {titles}:\n{body[:2000]}")
        if [item.get("id") for item in items] != [event["id"]]:
            raise CheckFailed(f"{api_url} did not return event id {event['id']}:\n{body[:2000]}")

        page_url = base_url + event["url"]
        status, html = step("GET event page", lambda: fetch(page_url, accept="text/html"))
        if status != 200 or "habiter les quartiers" not in html or event["speaker"] not in html:
            raise CheckFailed(f"{page_url} answered {status} without the event or speaker")
        # The site's own base template wraps the page (WAGTAILRENCONTRES_BASE_TEMPLATE).
        if f"css/{PROJECT}.css" not in html:
            raise CheckFailed(f"{page_url} does not extend the site's base.html")
        # That base.html has no extra_head block: the metadata comes through extra_css.
        head = html.split("</head>", 1)[0]
        for marker in ('type="application/ld+json"', 'rel="alternate" type="text/calendar"'):
            if head.count(marker) != 1:
                raise CheckFailed(f"{page_url} has {head.count(marker)} {marker} in its <head>")
    finally:
        server.terminate()
        server.wait(timeout=30)
        server_log.close()
    return EVENT_TITLE


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
    args = parser.parse_args(argv)
    versions = args.wagtail or ["7.4", "8.0"]

    passed, failed, timings = [], [], []
    base = Path(tempfile.mkdtemp(prefix="fresh-site-"))
    began = time.monotonic()
    try:
        tutorial_blocks()  # fail at once, before any build, when the tutorials drift apart
        tutorial_urls()
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
            version_began = time.monotonic()
            try:
                check_one(label, spec, wheel.resolve(), workdir, args.python, timings)
            except (CheckFailed, subprocess.TimeoutExpired, OSError, ValueError, KeyError) as exc:
                failed.append(version)
                log(f"{label}: FAILED\n{exc}")
                server_log = workdir / "runserver.log"
                if server_log.exists():
                    log(f"{label}: runserver log:\n{server_log.read_text()[-3000:]}")
            else:
                passed.append(version)
                log(f"{label}: passed in {time.monotonic() - version_began:.0f}s")

        # The versions are independent (own virtualenv, site and port): check them
        # side by side, as most of the time goes to pip and migrate.
        with ThreadPoolExecutor(max_workers=len(versions)) as pool:
            list(pool.map(check_version, versions))
    except CheckFailed as exc:
        log(f"FAILED before any site was made:\n{exc}")
        failed.extend(v for v in versions if v not in passed)
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
