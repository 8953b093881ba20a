"""Install the built wheel into a brand-new ``wagtail start`` site, as the tutorial says.

For each Wagtail version asked for, in its own throwaway virtualenv:

1. install that Wagtail (and Django 5.2), run ``wagtail start mysite``;
2. install the wheel of this package (built once with ``python -m build``);
3. append to the new site's ``settings/base.py`` and ``urls.py`` exactly the
   snippet sections that the tutorial includes (``docs/snippets/*.py``), after
   checking that both tutorials (English and French) include them;
4. migrate, create an agenda below the site root and a published event with a
   programme and a speaker through the ORM;
5. serve the site with ``runserver`` and fetch the event through the API: the
   typed API (``/api/rencontres/events``) when the wheel ships
   ``wagtail_rencontres.api``, Wagtail API v2 otherwise; and fetch its page.

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

# (snippet file, section, file of the new site it is appended to)
SNIPPETS = [
    ("snippets/settings.py", "settings", f"{PROJECT}/settings/base.py"),
    ("snippets/urls.py", "api-v2", f"{PROJECT}/urls.py"),
]
TYPED_API_SNIPPET = ("snippets/urls.py", "typed-api", f"{PROJECT}/urls.py")


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


def snippet_section(relative_path, section):
    """The lines of a ``--8<-- [start:x]`` … ``[end:x]`` section, as pymdownx.snippets cuts them."""
    lines = (DOCS / relative_path).read_text(encoding="utf-8").splitlines()
    start = re.compile(rf"--8<--\s*\[start:{re.escape(section)}\]")
    end = re.compile(rf"--8<--\s*\[end:{re.escape(section)}\]")
    marker = re.compile(r"--8<--\s*\[(start|end):[\w-]+\]")
    inside, kept = False, []
    for line in lines:
        if start.search(line):
            inside = True
        elif end.search(line):
            return "\n".join(kept) + "\n"
        elif inside and not marker.search(line):
            kept.append(line)
    raise CheckFailed(f"section {section!r} not found in docs/{relative_path}")


def check_tutorials_include(snippets):
    """Fail when a tutorial does not show users a snippet the check applies."""
    for tutorial in TUTORIALS:
        text = tutorial.read_text(encoding="utf-8")
        for relative_path, section, _target in snippets:
            include = f'--8<-- "{relative_path}:{section}"'
            if include not in text:
                raise CheckFailed(
                    f"{tutorial.relative_to(ROOT)} does not include {include}: the tutorial and "
                    "the fresh-site check would drift apart"
                )


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

    has_typed_api = (
        subprocess.run(  # noqa: S603
            [
                bin_dir / "python",
                "-c",
                "import importlib.util, sys; "
                "sys.exit(0 if importlib.util.find_spec('wagtail_rencontres.api') else 1)",
            ],
            cwd=workdir,
            env=env,
            check=False,
        ).returncode
        == 0
    )
    snippets = SNIPPETS + ([TYPED_API_SNIPPET] if has_typed_api else [])
    check_tutorials_include(snippets)
    for relative_path, section, target in snippets:
        with (site / target).open("a", encoding="utf-8") as handle:
            handle.write(f"\n\n# Added as docs/{relative_path} ({section}) says.\n")
            handle.write(snippet_section(relative_path, section))

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
        if has_typed_api:
            api_url = f"{base_url}/api/rencontres/events"
            status, body = step("GET typed API", lambda: fetch(api_url))
            items = json.loads(body)["results"]
        else:
            api_url = f"{base_url}/api/v2/pages/?type=wagtail_rencontres.EventPage&fields=*"
            status, body = step("GET API v2", lambda: fetch(api_url))
            items = json.loads(body)["items"]
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
