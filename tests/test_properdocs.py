"""ProperDocs, the maintained continuation of MkDocs 1.x, builds the same site as MkDocs.

Material reaches end of life on 2027-05-05 and MkDocs 1.x is unmaintained, so the library must
keep building when a school switches generator. Both generators build a copy of the starter
library in a subprocess: ProperDocs aliases every ``mkdocs.*`` module to its own once its command
line starts, which must not happen inside this test process (other tests use the real MkDocs).

The two outputs must hold the same files, byte for byte, after normalising exactly two things:
- the ``<meta name="generator">`` tag, which names the generator and its version (MkDocs passes
  ``1.6.1``, ProperDocs ``ProperDocs 1.6.7`` to Material's template); each build's tag is first
  checked to be the expected one, so a page built by the wrong generator still fails;
- the ``generated`` key of ``catalog.json``, the build date (the plugin's ``dt.date.today()``),
  which differs when the two builds straddle midnight.
The generators' own build date (sitemap ``lastmod``, the gzip header of ``sitemap.xml.gz``) is not
normalised but pinned: both honour ``SOURCE_DATE_EPOCH``.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest

from conftest import ROOT, VALID_CARD, edit
from kho_stem.cli import main
from kho_stem.outputs.offline import README_NAME
from kho_stem_mkdocs.generator import GENERATOR_VARIABLE

GENERATORS = ("mkdocs", "properdocs")
# 2026-11-01 00:00 UTC: any fixed instant will do, the same for both builds.
SOURCE_DATE_EPOCH = "1793491200"
GENERATOR_TAG = re.compile(r'<meta name="generator" content="([^"]*)">')
# catalog.json's first key: {\n "generated": "2026-11-29",
BUILD_DATE = re.compile(r'^(\{\s*"generated": )"\d{4}-\d{2}-\d{2}"')
BUILD_TIMEOUT = 300


def _environment() -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH, PYTHONUTF8="1")
    # The default site of the starter library: no repository link, not the official copy.
    for name in ("KHO_STEM_REPO_URL", "KHO_STEM_REVIEWED_ONLY"):
        env.pop(name, None)
    return env


def _build(generator: str, config: Path, site: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """``<generator> build --strict`` in a subprocess (``python -m`` of this interpreter)."""
    command = [sys.executable, "-m", generator, "build", "--strict", "-f", str(config), "-d", str(site), *options]
    env = _environment()
    if "--no-directory-urls" in options:
        env["KHO_STEM_EDITOR"] = "0"  # as `build.py offline` builds it: the web form needs GitHub
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=env,
                          timeout=BUILD_TIMEOUT, check=False)


def _expected_generator(generator: str) -> str:
    """What Material writes into its generator tag for each build (``mkdocs-{{ mkdocs_version }}``)."""
    engine = version("mkdocs") if generator == "mkdocs" else f"ProperDocs {version('properdocs')}"
    return f"mkdocs-{engine}, mkdocs-material-{version('mkdocs-material')}"


def _normalised(site: Path, relative: str, generator: str) -> bytes:
    data = (site / relative).read_bytes()
    if relative.endswith(".html"):
        text = data.decode("utf-8")
        tags = set(GENERATOR_TAG.findall(text))
        # Theme pages carry the tag; alias redirect pages are written by the plugin without it.
        assert tags <= {_expected_generator(generator)}, f"{generator}/{relative}: generator tag {tags}"
        return GENERATOR_TAG.sub('<meta name="generator" content="GENERATOR">', text).encode("utf-8")
    if relative == "catalog.json":
        text, count = BUILD_DATE.subn(r'\1"BUILD-DATE"', data.decode("utf-8"), count=1)
        assert count == 1, f"{generator}/catalog.json: no build date"
        return text.encode("utf-8")
    return data


def _files(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def _first_difference(a: bytes, b: bytes, name: str) -> str:
    lines = difflib.unified_diff(a.decode("utf-8", "replace").splitlines(), b.decode("utf-8", "replace").splitlines(),
                                 f"mkdocs/{name}", f"properdocs/{name}", n=1, lineterm="")
    return "\n".join(list(lines)[:20])


def _small_project(folder: Path, card: str = VALID_CARD) -> Path:
    """One card and one page: enough for the plugin's gate, quick to build."""
    (folder / "content" / "pages").mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "taxonomy", folder / "content" / "taxonomy")
    (folder / "content" / "pages" / "index.md").write_text("# Thử nghiệm\n", encoding="utf-8")
    (folder / "activities").mkdir()
    (folder / "activities" / "thuyen-la.md").write_text(card, encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        "site_name: Thử nghiệm\ndocs_dir: content/pages\ntheme:\n  name: material\n  font: false\n"
        "plugins:\n  - kho-stem\n", encoding="utf-8")
    return folder


def _cli(project: Path, *args: str, generator: str | None, prelude: str = "") -> subprocess.CompletedProcess[str]:
    """``build.py <args>`` on ``project`` in a subprocess, with ``KHO_STEM_GENERATOR=generator``."""
    env = _environment()
    env.pop(GENERATOR_VARIABLE, None)
    if generator is not None:
        env[GENERATOR_VARIABLE] = generator
    code = f"{prelude}import sys\nfrom pathlib import Path\nfrom kho_stem.cli import main\n" \
           "sys.exit(main(sys.argv[2:], root=Path(sys.argv[1])))\n"
    return subprocess.run([sys.executable, "-c", code, str(project), *args], cwd=ROOT / "plugins", env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=BUILD_TIMEOUT, check=False)


@pytest.fixture(scope="module")
def starter_project(tmp_path_factory) -> Path:
    """A copy of the starter library's inputs, so no build writes into the worktree."""
    project = tmp_path_factory.mktemp("starter")
    for name in ("activities", "content"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    # The web form's script comes from npm (scripts/test.sh runs `npm ci`): both generators build it.
    (project / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return project


@pytest.fixture(scope="module")
def starter_site(starter_project: Path):
    """``starter_site(generator, urls)``: the starter library built once per generator and URL style."""
    sites: dict[tuple[str, str], Path] = {}

    def build(generator: str, urls: str) -> Path:
        if (generator, urls) not in sites:
            site = starter_project / f"site-{generator}-{urls}"
            options = ("--no-directory-urls",) if urls == "file-urls" else ()
            run = _build(generator, starter_project / "mkdocs.yml", site, *options)
            assert run.returncode == 0, f"{generator} build failed:\n{run.stderr[-4000:]}"
            # The kho-stem plugin ran (it validates the cards first and says how many it found).
            assert "kho_stem_mkdocs:" in run.stderr and "thẻ hoạt động hợp lệ" in run.stderr, run.stderr[-2000:]
            sites[generator, urls] = site
        return sites[generator, urls]

    return build


@pytest.fixture(scope="module", params=["directory-urls", "file-urls"])
def builds(request, starter_site) -> dict[str, Path]:
    """Each generator's build: as published (directory URLs), and as the offline copy lays it out."""
    return {generator: starter_site(generator, request.param) for generator in GENERATORS}


@pytest.mark.slow
def test_both_generators_write_the_same_files(builds: dict[str, Path]):
    mkdocs_files, properdocs_files = _files(builds["mkdocs"]), _files(builds["properdocs"])
    assert sorted(mkdocs_files - properdocs_files) == []
    assert sorted(properdocs_files - mkdocs_files) == []
    cards = ROOT / "activities"
    card_count = len([*cards.glob("*.md"), *cards.glob("*/index.md")])
    card_pages = [name for name in mkdocs_files if name.startswith("hoat-dong/") and name.endswith(".html")]
    assert len(card_pages) > card_count, "every card has a page, plus the list of all activities"


@pytest.mark.slow
def test_every_file_is_the_same_after_normalising(builds: dict[str, Path]):
    names = sorted(_files(builds["mkdocs"]) & _files(builds["properdocs"]))
    different, first = [], ""
    for name in names:
        ours = _normalised(builds["mkdocs"], name, "mkdocs")
        theirs = _normalised(builds["properdocs"], name, "properdocs")
        if ours != theirs:
            different.append(name)
            first = first or _first_difference(ours, theirs, name)
    assert different == [], f"{len(different)} of {len(names)} files differ; first:\n{first}"


@pytest.mark.slow
def test_each_page_names_its_generator(builds: dict[str, Path]):
    """The normalisation above hides the generator tag; check it is really there, once per theme page."""
    for generator, site in builds.items():
        html = (site / "index.html").read_text(encoding="utf-8")
        assert GENERATOR_TAG.findall(html) == [_expected_generator(generator)]


def test_properdocs_stops_on_a_broken_card_with_the_located_message(tmp_path: Path):
    """The plugin's PluginError (imported from ``mkdocs.exceptions``) is ProperDocs' own class under it."""
    project = _small_project(tmp_path, edit(VALID_CARD, "ages: [4-5, 5-6]", 'ages: ["6-7"]'))
    run = _build("properdocs", project / "mkdocs.yml", project / "site")
    assert run.returncode == 1
    assert 'thuyen-la.md:4: ages: "6-7" không phải độ tuổi hợp lệ' in run.stderr
    assert "Traceback" not in run.stderr
    assert not (project / "site" / "index.html").exists()


@pytest.mark.slow
def test_build_py_builds_with_properdocs_when_asked(starter_site, starter_project: Path):
    """``KHO_STEM_GENERATOR=properdocs python build.py build`` gives what ``properdocs build`` gives."""
    expected = starter_site("properdocs", "directory-urls")
    run = _cli(starter_project, "build", "--strict", generator="properdocs")
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    site = starter_project / "site"
    assert _files(site) == _files(expected)
    for name in sorted(_files(site)):
        assert _normalised(site, name, "properdocs") == _normalised(expected, name, "properdocs"), name


@pytest.mark.slow
def test_build_py_offline_copy_with_properdocs(starter_site, starter_project: Path, tmp_path: Path):
    """The offline zip built on ProperDocs holds the pages of ``properdocs build --no-directory-urls``."""
    expected = starter_site("properdocs", "file-urls")
    run = _cli(starter_project, "offline", "--output", str(tmp_path / "ban-sao.zip"), generator="properdocs")
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(tmp_path / "ban-sao.zip") as copy:
        copy.extractall(unpacked)
    (folder,) = unpacked.iterdir()
    packed = _files(folder) - {README_NAME}
    assert packed <= _files(expected)
    # Every page is packed but 404.html, which links from a server root a folder does not have.
    assert {name for name in _files(expected) if name.endswith(".html")} - packed == {"404.html"}
    for name in sorted(packed):
        assert _normalised(folder, name, "properdocs") == _normalised(expected, name, "properdocs"), name


@pytest.mark.parametrize(("language", "expected"), [
    ("vi", 'biến môi trường KHO_STEM_GENERATOR="hugo" không phải trình dựng trang được hỗ trợ '
           "(hợp lệ: mkdocs, properdocs)"),
    ("en", 'environment variable KHO_STEM_GENERATOR="hugo" is not a supported site generator '
           "(valid: mkdocs, properdocs)"),
])
def test_unknown_generator_is_a_usage_error(tmp_path: Path, monkeypatch, capsys, language: str, expected: str):
    # In this process: an unknown name is refused before anything is imported.
    project = _small_project(tmp_path)
    monkeypatch.setenv(GENERATOR_VARIABLE, "hugo")
    assert main(["build", "--lang", language], root=project) == 2
    assert expected in capsys.readouterr().err
    assert not (project / "site").exists()


def test_missing_properdocs_says_how_to_install_it(tmp_path: Path):
    # A subprocess where importing properdocs fails, as on a machine without it.
    project = _small_project(tmp_path)
    run = _cli(project, "build", generator="properdocs", prelude="import sys\nsys.modules['properdocs'] = None\n")
    assert run.returncode == 2, run.stderr
    assert "KHO_STEM_GENERATOR=properdocs nhưng properdocs chưa được cài; hãy chạy" in run.stderr
    assert "-m pip install properdocs" in run.stderr and "Traceback" not in run.stderr
    assert not (project / "site").exists()


def test_properdocs_cannot_be_selected_after_mkdocs_is_imported():
    code = ("import mkdocs.config\nfrom kho_stem_mkdocs.generator import select_generator\n"
            "select_generator('properdocs')\n")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT / "plugins", capture_output=True, text=True,
                         env=_environment(), timeout=BUILD_TIMEOUT, check=False)
    assert run.returncode == 1
    assert "RuntimeError: MkDocs is already imported" in run.stderr


def test_the_core_never_imports_properdocs():
    """Only the adapter may switch generators; the core stays free of both."""
    code = ("import importlib, pkgutil, sys, kho_stem\n"
            "for m in pkgutil.walk_packages(kho_stem.__path__, 'kho_stem.'):\n"
            "    importlib.import_module(m.name)\n"
            "print(sorted(n for n in sys.modules if n.split('.')[0] in ('mkdocs', 'properdocs')))\n")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT / "plugins", capture_output=True, text=True,
                         env=_environment(), timeout=BUILD_TIMEOUT, check=True)
    assert run.stdout.strip() == "[]"
    core = ROOT / "plugins" / "kho_stem"
    importing = re.compile(r"^\s*(?:from|import)\s+properdocs\b", re.MULTILINE)
    assert [p.name for p in core.rglob("*.py") if importing.search(p.read_text(encoding="utf-8"))] == []
