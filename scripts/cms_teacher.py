"""A scripted teacher for the web form (bien-tap/, Sveltia CMS) in Chromium through Playwright.

Used by the browser tests (tests/test_cms_browser.py) and by scripts/cms_screenshots.py (the
guide's pictures). The form runs on the CMS's test backend, which keeps the saved files in the
browser's private file storage (OPFS); ``saved_files`` reads them back from there, byte for byte.
"""

from __future__ import annotations

import base64
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TEST_BACKEND_BUTTON = "Làm việc với kho mã nguồn thử nghiệm"  # the CMS's own Vietnamese wording
TEST_BACKEND_FOLDER = "sveltia-cms-test/"  # where the test backend stores the repository


@dataclass(frozen=True)
class Material:
    name: str
    quantity: str
    hazards: tuple[str, ...] = ()  # option labels, as the form shows them


@dataclass(frozen=True)
class NewCard:
    collection: str  # e.g. "the-edp"
    title: str
    description: str
    ages: tuple[str, ...]
    topics: tuple[str, ...]
    stem: tuple[str, ...]
    duration: int
    group: str
    materials: tuple[Material, ...]
    safety: tuple[str, ...]
    objectives: tuple[str, ...]
    author: str
    cover: Path
    closing: str  # a paragraph typed at the end of the pre-filled body


def sample_card(cover: Path) -> NewCard:
    """The card the tests and the guide's pictures write: Vietnamese text, two materials (one with a
    hazard), a safety note for it and a cover image."""
    return NewCard(
        collection="the-edp",
        title="Thuyền giấy nổi hay chìm",
        description=("Trẻ làm thuyền từ vỏ hộp sữa, thả vào chậu nước và thử xem thuyền nào chở được "
                     "nhiều đồ chơi nhất."),
        ages=("Mẫu giáo lớn (5–6 tuổi) (5-6)",),
        topics=("Nước và hiện tượng tự nhiên (nuoc-va-hien-tuong-tu-nhien)",),
        stem=("Khoa học (S)", "Kỹ thuật (E)"),
        duration=30,
        group="Nhóm nhỏ (nhom-nho)",
        materials=(Material("vỏ hộp sữa giấy đã rửa sạch", "2"),
                   Material("chậu nước", "1", hazards=("Chậu nước (chau-nuoc)",))),
        safety=("Luôn có cô ở cạnh chậu nước; không để trẻ một mình gần nước.",),
        objectives=("Trẻ thả thuyền vào nước và nói được thuyền nào nổi, thuyền nào chìm.",),
        author="Cô Nguyễn Thị Hoà",
        cover=cover,
        closing="Cô cùng trẻ kể lại thuyền nào chở được nhiều đồ chơi nhất.",
    )


def open_test_backend(page: Any, editor_url: str) -> None:
    page.goto(editor_url, wait_until="networkidle")
    page.get_by_role("button", name=TEST_BACKEND_BUTTON).click()
    page.wait_for_url(re.compile(r"#/collections"))  # the list of collections on a phone, the first one on a PC


def field_section(page: Any, key_path: str) -> Any:
    """The form's field ``key_path`` (e.g. "materials.1.hazards"), scrolled into view: the CMS
    renders fields as they come into view, so scroll down until it exists."""
    edit = page.locator('[data-mode="edit"]')
    section = edit.locator(f'section[data-key-path="{key_path}"]')
    for _ in range(80):
        if section.count():
            section.first.scroll_into_view_if_needed()
            return section.first
        edit.locator("section[data-key-path]").last.scroll_into_view_if_needed()
        page.mouse.wheel(0, 400)
        time.sleep(0.1)
    raise AssertionError(f"the form has no field {key_path}")


def _pick(page: Any, key_path: str, option: str) -> None:
    section = field_section(page, key_path)
    section.get_by_role("combobox").click()
    page.get_by_role("option", name=option, exact=True).click()
    section.locator("h4").first.click()  # closes the list (Esc would close the whole editor)


def _add_item(page: Any, key_path: str) -> None:
    field_section(page, key_path).locator('button[data-label^="Thêm"]').first.click()


def fill_card(page: Any, editor_url: str, card: NewCard) -> None:
    page.goto(f"{editor_url}#/collections/{card.collection}/new")
    page.mouse.move(300, 500)
    field_section(page, "title").locator("input").fill(card.title)
    field_section(page, "description").locator("textarea").fill(card.description)
    for age in card.ages:
        field_section(page, "ages").get_by_role("checkbox", name=age, exact=True).click()
    for topic in card.topics:
        _pick(page, "topics", topic)
    for stem in card.stem:
        field_section(page, "stem").get_by_role("checkbox", name=stem, exact=True).click()
    field_section(page, "duration").locator("input").fill(str(card.duration))
    field_section(page, "group").get_by_role("radio", name=card.group, exact=True).click()
    for index, material in enumerate(card.materials):
        _add_item(page, "materials")
        field_section(page, f"materials.{index}.name").locator("input").fill(material.name)
        field_section(page, f"materials.{index}.quantity").locator("input").fill(material.quantity)
        for hazard in material.hazards:
            _pick(page, f"materials.{index}.hazards", hazard)
    for key, texts in (("safety", card.safety), ("objectives", card.objectives)):
        for index, text in enumerate(texts):
            _add_item(page, key)
            field_section(page, f"{key}.{index}").locator("textarea").fill(text)
    field_section(page, "author.name").locator("input").fill(card.author)
    field_section(page, "cover").locator("input[type=file]").first.set_input_files(str(card.cover))
    # After the last pre-filled step heading, once the editor shows them all.
    last_heading = field_section(page, "body").locator('[contenteditable="true"] h2').last
    last_heading.wait_for()
    last_heading.click()
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.keyboard.type(card.closing)


def save(page: Any) -> None:
    page.get_by_role("button", name="Lưu", exact=True).click()


_READ_OPFS = """async () => {
  const files = {};
  async function walk(folder, prefix) {
    for await (const [name, handle] of folder.entries()) {
      if (handle.kind === "directory") { await walk(handle, prefix + name + "/"); continue; }
      const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
      let text = "";
      for (const byte of bytes) text += String.fromCharCode(byte);
      files[prefix + name] = btoa(text);
    }
  }
  await walk(await navigator.storage.getDirectory(), "");
  return files;
}"""


_WRITE_OPFS = """async (files) => {
  const root = await navigator.storage.getDirectory();
  for (const [path, data] of Object.entries(files)) {
    const parts = path.split("/");
    let folder = root;
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, { create: true });
    const writable = await (await folder.getFileHandle(parts[parts.length - 1], { create: true })).createWritable();
    await writable.write(Uint8Array.from(atob(data), (c) => c.charCodeAt(0)));
    await writable.close();
  }
}"""


def seed_files(page: Any, editor_url: str, files: dict[str, bytes]) -> None:
    """Put files into the test backend's repository (path in the repository -> bytes) before signing in,
    as if the school's repository already held them."""
    page.goto(editor_url, wait_until="networkidle")
    page.evaluate(_WRITE_OPFS, {TEST_BACKEND_FOLDER + name: base64.b64encode(data).decode("ascii")
                                for name, data in files.items()})


def open_entry(page: Any, editor_url: str, collection: str, title: str) -> None:
    page.goto(f"{editor_url}#/collections/{collection}")
    page.get_by_text(title, exact=True).first.click()
    page.mouse.move(300, 500)


def saved_files(page: Any, *wait_for: str, timeout: float = 20.0) -> dict[str, bytes]:
    """Every file the test backend has saved (path in the repository -> bytes), once all of ``wait_for``
    are among them (or after ``timeout`` seconds)."""
    from playwright.sync_api import Error as PlaywrightError

    deadline = time.monotonic() + timeout
    while True:
        try:
            stored = page.evaluate(_READ_OPFS)
        except PlaywrightError:  # a file replaced while it was read: the backend is still saving
            stored = {}
        files = {name.removeprefix(TEST_BACKEND_FOLDER): base64.b64decode(data) for name, data in stored.items()
                 if name.startswith(TEST_BACKEND_FOLDER)}
        if all(name in files for name in wait_for) or time.monotonic() > deadline:
            return files
        time.sleep(0.3)
