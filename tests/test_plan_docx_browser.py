"""The plan page's one .docx for the whole plan, in headless Chromium from file:// with the network
cut: the teacher clicks "Tải giáo án cả kế hoạch (Word)", the file is opened with python-docx and
printed to PDF by LibreOffice Writer (it opens without repair: the zip and the XML are sound).

Reuses the eight-card, four-week library and the plan steps of test_plan_browser.py."""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from test_plan_browser import FOUR_WEEKS, SCREENSHOTS, TITLES, build_four_weeks, open_context, site  # noqa: F401

from conftest import ONLY_FILES, Watcher, docx_texts
from kho_stem.site.plan_docx_data import DOCX_TEXTS, FILE_PREFIX
from kho_stem.site.plan_page import DOCX_BUTTON

PLAN_NAME = 'Lớp Chồi 2 & "Lá" <Tháng 3>'
NOTE = 'Nhờ bố mẹ <gửi> "vỏ hộp" & chai'
BUTTON = "[data-ks-plan-docx]"
# The button's work, timed in the page with the scripts it loaded (what the click runs, less the download).
ASSEMBLE = """() => {
  const K = window.KhoStem, data = window.KhoStemPlanData, docx = data.docx;
  const plan = K.planFromStorage(localStorage.getItem(data.storageKey), data.bounds);
  const loaded = window[docx.cardsGlobal];
  const describe = (item) => ({ title: data.cards[item.k].t, facts: "" });
  const times = [];
  let size = 0;
  for (let run = 0; run < 7; run++) {
    const start = performance.now();
    const files = K.planDocxFiles(window[docx.templateGlobal], K.weekGrid(plan, data.days.length),
      plan.items.map((item) => loaded[item.k]), describe,
      { weeks: data.weeks, days: data.days, name: plan.name, texts: docx.texts, count: "" });
    size = K.storedZip(files).length;
    times.push(performance.now() - start);
  }
  return { times, size };
}"""


def _flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _download(page, tmp_path: Path) -> tuple[Path, str]:
    with page.expect_download() as started:
        page.click(BUTTON)
    download = started.value
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    return target, download.suggested_filename


def test_a_four_week_plan_downloads_one_docx_that_word_and_libreoffice_open(open_context, site: Path,  # noqa: F811
                                                                             tmp_path: Path):
    page = open_context()
    build_four_weeks(page, site)
    page.fill("[data-ks-plan-name]", PLAN_NAME)
    page.locator("[data-ks-plan-items] > li").nth(1).locator("[data-ks-plan-note]").fill(NOTE)
    page.locator("[data-ks-plan-items] > li").nth(1).locator("[data-ks-plan-note]").press("Tab")
    assert page.inner_text(BUTTON) == DOCX_BUTTON
    target, name = _download(page, tmp_path)
    assert name == f"{FILE_PREFIX}lop-choi-2-la-thang-3.docx"
    assert page.inner_text("[data-ks-plan-status]") == DOCX_TEXTS["done"].format(file=name)

    with zipfile.ZipFile(target) as archive:
        assert archive.testzip() is None
    document = docx.Document(str(target))
    assert document.core_properties.title == PLAN_NAME
    texts = docx_texts(document)
    assert all(unicodedata.is_normalized("NFC", text) for text in texts)
    assert [text for text in texts if text][:3] == [DOCX_TEXTS["coverTitle"], PLAN_NAME,
                                                      DOCX_TEXTS["coverCount"].format(count=len(FOUR_WEEKS))]
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert rows[0][1:] == ["Thứ 2", "Thứ 3", "Thứ 4", "Thứ 5", "Thứ 6"]
    assert [row[0] for row in rows[1:]] == ["Tuần 1", "Tuần 2", "Tuần 3", "Tuần 4"]
    for slug, week, day in FOUR_WEEKS:
        cell = rows[week][day]
        assert cell.startswith(TITLES[slug]) and "25 phút" in cell, (slug, cell)
    assert NOTE in rows[1][3], "the note, escaped in the XML, reads back as typed"
    # Each card's giáo án in the plan's order, each with its safety box, after the week table.
    assert [t for t in texts if t.startswith("Đề tài: ")] == [f"Đề tài: {TITLES[slug]}" for slug, _, _ in FOUR_WEEKS]
    assert texts.count("LƯU Ý AN TOÀN") == len(FOUR_WEEKS)
    numbering = zipfile.ZipFile(target).read("word/numbering.xml").decode()
    ids = re.findall(r'<w:num w:numId="(\d+)"', numbering)
    assert len(ids) == len(set(ids))

    soffice = shutil.which("soffice")
    if soffice is None or not (Path(soffice).resolve().parent / "libswlo.so").exists():
        pytest.skip("LibreOffice Writer is not installed (scripts/test.sh installs libreoffice-writer-nogui)")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(target)],
                   check=True, capture_output=True, timeout=180)
    pdf = target.with_suffix(".pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))  # type: ignore[union-attr]
    assert pages >= 1 + len(FOUR_WEEKS), pages  # the cover and the table, then each card on pages of its own
    sheets = [_flat(sheet) for sheet in subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                                                       capture_output=True, text=True).stdout.split("\f")]
    assert _flat(PLAN_NAME) in sheets[0] and DOCX_TEXTS["weekTable"] not in sheets[0], "the cover alone"
    assert DOCX_TEXTS["weekTable"] in sheets[1] and "Tuần 4" in sheets[1]
    starts = [sheet for sheet in sheets if sheet.startswith("GIÁO ÁN HOẠT ĐỘNG STEM")]
    assert len(starts) == len(FOUR_WEEKS), "each card starts a page of its own"
    for sheet, (slug, _, _) in zip(starts, FOUR_WEEKS, strict=True):
        assert _flat(f"Đề tài: {TITLES[slug]}") in sheet and "LƯU Ý AN TOÀN" in sheet

    measured = page.evaluate(ASSEMBLE)
    print(f"assembling an {len(FOUR_WEEKS)}-card plan's .docx: median {statistics.median(measured['times']):.1f} ms"
          f" of {len(measured['times'])} runs ({[round(t, 1) for t in measured['times']]}), {measured['size']} bytes")


@pytest.mark.parametrize("width", [360, 1366])
def test_the_button_sits_with_the_print_buttons_on_a_phone_and_a_pc(open_context, site: Path,  # noqa: F811
                                                                     width: int):
    page = open_context(width)
    build_four_weeks(page, site)
    button = page.locator(BUTTON)
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width and box["height"] >= 24
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"giao-an-ke-hoach-{width}.png"))


def test_a_card_whose_giao_an_cannot_load_is_left_out_and_named(browser, site: Path, tmp_path: Path):  # noqa: F811
    """A copy that lost a card's giao-an.js still downloads the others, and says which card is missing."""
    lost_slug = "nam-cham-hut-gi"
    lost = site / "hoat-dong" / lost_slug / "giao-an.js"
    kept = tmp_path / "giao-an.js"
    shutil.move(lost, kept)
    watcher = Watcher(browser, ONLY_FILES)
    try:
        page = watcher.page(viewport={"width": 1366, "height": 900})
        build_four_weeks(page, site)
        target, name = _download(page, tmp_path)
        assert page.inner_text("[data-ks-plan-status]") == " ".join(
            [DOCX_TEXTS["done"].format(file=name), DOCX_TEXTS["cardMissing"].format(title=TITLES[lost_slug])])
        texts = docx_texts(docx.Document(str(target)))
        assert [t for t in texts if t.startswith("Đề tài: ")] == [
            f"Đề tài: {TITLES[slug]}" for slug, _, _ in FOUR_WEEKS if slug != lost_slug]
        assert TITLES[lost_slug] not in texts, "nor in the week table"
        # The browser's console reports the file it could not load: that, and nothing else, went wrong.
        assert watcher.problems == ["Failed to load resource: net::ERR_FILE_NOT_FOUND"]
    finally:
        for context in watcher.contexts:
            context.close()
        shutil.move(kept, lost)


def test_without_the_template_the_page_says_so_and_downloads_nothing(browser, site: Path, tmp_path: Path):  # noqa: F811
    lost = site / "assets" / "kho-stem" / "giao-an-mau.js"
    kept = tmp_path / "giao-an-mau.js"
    shutil.move(lost, kept)
    watcher = Watcher(browser, ONLY_FILES)
    try:
        page = watcher.page(viewport={"width": 1366, "height": 900})
        build_four_weeks(page, site)
        downloads: list[object] = []
        page.on("download", lambda download: downloads.append(download))
        page.click(BUTTON)
        page.wait_for_function("(text) => document.querySelector('[data-ks-plan-status]').textContent === text",
                               arg=DOCX_TEXTS["templateMissing"])
        assert downloads == [] and page.locator(BUTTON).is_enabled(), "nothing half made; the teacher can try again"
        assert watcher.problems == ["Failed to load resource: net::ERR_FILE_NOT_FOUND"]
    finally:
        for context in watcher.contexts:
            context.close()
        shutil.move(kept, lost)
