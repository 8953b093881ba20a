"""Build the sdist and the wheel and check what they contain.

Both archives must hold every template, static file, translation catalogue
(each ``.po`` with its compiled ``.mo``) and migration of the package, and
neither may hold the tests, the example site, the docs or the CI scripts.

Usage: ``python ci/check_dist.py [--outdir DIR]`` (needs the ``build`` package).
Compile the catalogues first (``msgfmt`` or ``compilemessages``): the archives
ship what the tree has. Prints ``dist: N passed, M failed``.
"""

import argparse
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "wagtail_rencontres"
DATA_DIRS = ("templates", "static", "locale", "migrations")
FORBIDDEN_TOP = ("tests/", "example_site/", "docs/", "ci/", ".ci/", "scripts/")


def expected_files():
    """Package files the archives must carry, relative to the project root."""
    expected = set()
    for name in DATA_DIRS:
        folder = ROOT / PACKAGE / name
        for path in folder.rglob("*") if folder.exists() else []:
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                expected.add(path.relative_to(ROOT).as_posix())
    for po in list(expected):
        if po.endswith(".po"):
            expected.add(po[:-3] + ".mo")  # compiled catalogues are shipped
    return expected


def wheel_names(path):
    with zipfile.ZipFile(path) as archive:
        return {name for name in archive.namelist() if not name.endswith("/")}


def sdist_names(path):
    with tarfile.open(path) as archive:
        names = {member.name for member in archive.getmembers() if member.isfile()}
    # drop the "name-version/" prefix
    return {name.split("/", 1)[1] for name in names if "/" in name}


def check(label, names, expected, failures):
    missing = sorted(expected - names)
    forbidden = sorted(n for n in names if n.startswith(FORBIDDEN_TOP))
    if missing:
        failures.append(f"{label}: missing {missing}")
    if forbidden:
        failures.append(f"{label}: must not contain {forbidden}")
    print(f"[dist] {label}: {len(names)} files, {len(missing)} missing, {len(forbidden)} forbidden")
    for sub in DATA_DIRS:
        count = sum(1 for n in names if n.startswith(f"{PACKAGE}/{sub}/"))
        print(f"[dist]   {PACKAGE}/{sub}/: {count} files")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--outdir", type=Path)
    args = parser.parse_args(argv)
    outdir = args.outdir or Path(tempfile.mkdtemp(prefix="rencontres-dist-"))
    built = subprocess.run(  # noqa: S603 - fixed command
        [sys.executable, "-m", "build", "--outdir", str(outdir), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    if built.returncode != 0:
        print(built.stdout[-3000:], built.stderr[-3000:], sep="\n")
        print("dist: 0 passed, 2 failed")
        return 1
    wheel = next(outdir.glob(f"{PACKAGE}-*.whl"))
    sdist = next(outdir.glob(f"{PACKAGE}-*.tar.gz"))
    expected = expected_files()
    failures = []
    check(wheel.name, wheel_names(wheel), expected, failures)
    sdist_files = sdist_names(sdist)
    check(sdist.name, sdist_files, expected | {"LICENSE", "README.md", "pyproject.toml"}, failures)
    for failure in failures:
        print(f"[dist] FAILED {failure}")
    passed = 2 - len({f.split(":")[0] for f in failures})
    print(f"dist: {passed} passed, {2 - passed} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
