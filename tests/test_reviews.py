"""Reviews live outside the cards, are the board's, and are bound to the reviewed content by its hash."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, VALID_CARD, edit, record_review
from kho_stem.cards.reviews import content_hash, load_reviews
from kho_stem.validation.library import check_library, find_card_files


def _project(tmp_path: Path) -> Path:
    (tmp_path / "content").mkdir()
    shutil.copytree(ROOT / "content" / "taxonomy", tmp_path / "content" / "taxonomy")
    (tmp_path / "activities").mkdir()
    (tmp_path / "activities" / "thuyen-la.md").write_text(VALID_CARD, encoding="utf-8")
    shutil.copy(ROOT / "build.py", tmp_path / "build.py")  # the command works on the project it sits in
    return tmp_path


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(root / "build.py"), *args], cwd=root, capture_output=True,
                          text=True, encoding="utf-8", check=False)


def _state(root: Path, taxonomy):
    result = check_library(find_card_files([root / "activities"]), taxonomy,
                           reviews=load_reviews(root / "content" / "reviews.yml"))
    return result, {card.slug: card.review for card in result.cards}


def test_the_board_records_a_review_and_an_edit_undoes_it(tmp_path: Path, taxonomy):
    root = _project(tmp_path)
    recorded = run(root, "review", "activities/thuyen-la.md", "--by", "Cô Nguyễn Thị Hoa", "--date", "2026-11-20")
    assert recorded.returncode == 0, recorded.stdout + recorded.stderr
    assert "activities/thuyen-la.md được Cô Nguyễn Thị Hoa duyệt ngày 2026-11-20" in recorded.stdout
    text = (root / "content" / "reviews.yml").read_text(encoding="utf-8")
    assert f"sha256: {content_hash(root / 'activities' / 'thuyen-la.md')}" in text
    _, reviews = _state(root, taxonomy)
    assert reviews["thuyen-la"].by == "Cô Nguyễn Thị Hoa" and reviews["thuyen-la"].date == "2026-11-20"

    card = root / "activities" / "thuyen-la.md"
    card.write_text(edit(VALID_CARD, "duration: 25", "duration: 20"), encoding="utf-8")
    result, reviews = _state(root, taxonomy)
    assert reviews["thuyen-la"] is None
    assert [p.render() for p in result.warnings] == [
        f"{card.as_posix()}:1: cảnh báo: thẻ đã được sửa sau khi Cô Nguyễn Thị Hoa duyệt ngày 2026-11-20, nên hiện là "
        "\"chưa duyệt\"; tổ duyệt cần đọc lại và chạy `python build.py review` cho thẻ này"]


def test_line_ends_and_unicode_form_do_not_undo_a_review(tmp_path: Path, taxonomy):
    import unicodedata

    root = _project(tmp_path)
    card = root / "activities" / "thuyen-la.md"
    record_review(root / "content" / "reviews.yml", card)
    card.write_bytes(unicodedata.normalize("NFD", VALID_CARD).replace("\n", "\r\n").encode("utf-8-sig"))
    assert _state(root, taxonomy)[1]["thuyen-la"] is not None


def test_changing_an_image_of_a_bundle_undoes_its_review(tmp_path: Path, taxonomy):
    from PIL import Image

    root = _project(tmp_path)
    bundle = root / "activities" / "cau-giay"
    bundle.mkdir()
    Image.new("RGB", (20, 20), "teal").save(bundle / "bia.png")
    (bundle / "index.md").write_text(
        edit(edit(VALID_CARD, "title: Thuyền lá nổi hay chìm", "title: Cầu giấy"), "cost: 10000",
             "cover: bia.png\ncost: 10000"), encoding="utf-8")
    record_review(root / "content" / "reviews.yml", bundle / "index.md")
    assert _state(root, taxonomy)[1]["cau-giay"] is not None
    Image.new("RGB", (20, 20), "red").save(bundle / "bia.png")
    assert _state(root, taxonomy)[1]["cau-giay"] is None


def test_a_reviewed_key_written_in_the_card_is_not_a_review(tmp_path: Path, taxonomy):
    root = _project(tmp_path)
    (root / "activities" / "thuyen-la.md").write_text(
        edit(VALID_CARD, "cost: 10000", "reviewed: {by: Cô Hoa, date: 2026-10-01}\ncost: 10000"), encoding="utf-8")
    result, reviews = _state(root, taxonomy)
    assert reviews["thuyen-la"] is None
    assert [p.code for p in result.warnings] == ["deprecated_key"]


BROKEN_REVIEWS = {
    "bad-hash": ("reviews:\n  - card: thuyen-la\n    sha256: abc\n    by: Cô Lan\n    date: 2026-11-01\n",
                 "content/reviews.yml:3: reviews[1].sha256: sha256 phải là 64 chữ số hệ mười sáu; đừng sửa tay, "
                 "hãy chạy `python build.py review`"),
    "missing-by": ("reviews:\n  - card: thuyen-la\n    sha256: " + "a" * 64 + "\n    date: 2026-11-01\n",
                   "content/reviews.yml:2: reviews[1]: thiếu `by`"),
    "bad-date": ("reviews:\n  - card: thuyen-la\n    sha256: " + "a" * 64 + "\n    by: Cô Lan\n    date: 01/11/2026\n",
                 'content/reviews.yml:5: reviews[1].date: "01/11/2026" không phải ngày hợp lệ; viết dạng YYYY-MM-DD, '
                 "ví dụ 2026-09-05"),
    "not-a-list": ("reviews: thuyen-la\n",
                   "content/reviews.yml:1: reviews: tệp duyệt phải có dạng `reviews:` rồi mỗi mục gồm card, sha256, "
                   "by, date"),
    "yaml-syntax": ("reviews: [\n", "content/reviews.yml:2: lỗi cú pháp YAML"),
    "unknown-card": ("reviews:\n  - card: khong-co\n    sha256: " + "a" * 64
                     + "\n    by: Cô Lan\n    date: 2026-11-01\n",
                     'content/reviews.yml:2: cảnh báo: card: không có thẻ nào tên "khong-co" (thẻ đã đổi tên hoặc bị '
                     "xoá?); xoá lượt duyệt này"),
    "duplicate": ("reviews:\n" + ("  - card: thuyen-la\n    sha256: " + "a" * 64
                                 + "\n    by: Cô Lan\n    date: 2026-11-01\n") * 2,
                  'content/reviews.yml:6: reviews[2]: thẻ "thuyen-la" đã có một lượt duyệt ở dòng 2; '
                  "giữ lại một lượt"),
}


@pytest.mark.parametrize("name", sorted(BROKEN_REVIEWS))
def test_a_broken_reviews_file_gets_a_located_message(tmp_path: Path, name: str):
    root = _project(tmp_path)
    text, expected = BROKEN_REVIEWS[name]
    (root / "content" / "reviews.yml").write_text(text, encoding="utf-8")
    result = run(root, "check")
    assert "Traceback" not in result.stdout + result.stderr
    assert any(line.startswith(expected) for line in result.stdout.splitlines()), result.stdout
    assert result.returncode == (0 if name == "unknown-card" else 1)


@pytest.mark.parametrize(("args", "expected"), [
    (["activities/thuyen-la.md"], "the following arguments are required: --by"),
    (["activities/thuyen-la.md", "--by", " "], "--by cần họ tên người duyệt"),
    (["activities/thuyen-la.md", "--by", "Cô Lan", "--date", "20/11/2026"], '"20/11/2026" không phải ngày hợp lệ'),
    (["activities/khong-co.md", "--by", "Cô Lan"], "activities/khong-co.md"),
])
def test_review_command_usage_errors(tmp_path: Path, args: list[str], expected: str):
    root = _project(tmp_path)
    result = run(root, "review", *args)
    assert result.returncode == 2 and expected in result.stderr and "Traceback" not in result.stderr
    assert not (root / "content" / "reviews.yml").exists()


def test_a_card_with_errors_cannot_be_approved(tmp_path: Path):
    root = _project(tmp_path)
    (root / "activities" / "thuyen-la.md").write_text(edit(VALID_CARD, "duration: 25", "duration: 1000"),
                                                      encoding="utf-8")
    result = run(root, "review", "activities/thuyen-la.md", "--by", "Cô Lan")
    assert result.returncode == 1 and "duration" in result.stdout
    assert not (root / "content" / "reviews.yml").exists()


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=folder, check=True,
                   capture_output=True)


@pytest.mark.parametrize(("author", "owners", "allowed"), [
    ("co-hoa", "@co-hoa @co-lan", True),
    ("CO-LAN", "@co-hoa @co-lan", True),
    ("nguoi-viet", "@co-hoa", False),
    ("nguoi-viet", "", False),  # no board configured yet: nobody changes reviews
])
def test_only_the_board_of_the_base_branch_may_change_reviews(tmp_path: Path, author: str, owners: str, allowed: bool):
    _git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "CODEOWNERS").write_text(f"/content/reviews.yml {owners}\n", encoding="utf-8")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "reviews.yml").write_text("reviews: []\n", encoding="utf-8")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "base")
    _git(tmp_path, "checkout", "-qb", "pr")
    # The pull request names its author as an owner: that must not count (the base branch decides).
    (tmp_path / ".github" / "CODEOWNERS").write_text(f"/content/reviews.yml @{author}\n", encoding="utf-8")
    (tmp_path / "content" / "reviews.yml").write_text("reviews: []\n# đổi\n", encoding="utf-8")
    _git(tmp_path, "commit", "-qam", "pr")
    script = ROOT / "scripts" / "check_review_authority.sh"
    result = subprocess.run(["bash", str(script), "main", author], cwd=tmp_path, capture_output=True, text=True,
                            check=False)
    assert (result.returncode == 0) is allowed, result.stdout + result.stderr
    if not allowed:
        assert result.stdout.startswith("::error file=content/reviews.yml,line=1")


def test_a_pull_request_that_leaves_reviews_alone_passes(tmp_path: Path):
    _git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "a.md").write_text("a\n", encoding="utf-8")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "base")
    _git(tmp_path, "checkout", "-qb", "pr")
    (tmp_path / "a.md").write_text("b\n", encoding="utf-8")
    _git(tmp_path, "commit", "-qam", "pr")
    result = subprocess.run(["bash", str(ROOT / "scripts" / "check_review_authority.sh"), "main", "ai-do"],
                            cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0
