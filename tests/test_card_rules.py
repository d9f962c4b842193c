"""Every rule of the card format: one broken card each, and the exact line a contributor reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import VALID_CARD, check_folder, edit

V = VALID_CARD
AGES = "(hợp lệ: 24-36m, 3-4, 4-5, 5-6)"

CASES: list[tuple[str, str, list[str]]] = [
    ("missing-title", edit(V, "title: Thuyền lá nổi hay chìm\n", ""), [
        "x.md:1: thiếu trường bắt buộc `title` (Tên hoạt động); Tên ngắn, rõ, viết có dấu, từ 3 đến 120 ký tự."]),
    ("unknown-key-typo", edit(V, "ages: [4-5, 5-6]", "age: [4-5, 5-6]"), [
        "x.md:1: thiếu trường bắt buộc `ages` (Độ tuổi); Một hoặc nhiều mã độ tuổi.",
        "x.md:4: age: không phải tên trường hợp lệ — có phải bạn muốn viết \"ages\"?"]),
    ("age-not-in-vocabulary", edit(V, "ages: [4-5, 5-6]", 'ages: [4-5, "6-7"]'), [
        f'x.md:4: ages: "6-7" không phải độ tuổi hợp lệ {AGES}']),
    ("topic-near-miss", edit(V, "topics: [nuoc-va-hien-tuong-tu-nhien]", "topics: [nuoc-hien-tuong]"), [
        'x.md:5: topics: "nuoc-hien-tuong" không phải chủ đề hợp lệ — có phải bạn muốn viết '
        '"nuoc-va-hien-tuong-tu-nhien"?']),
    ("topic-for-other-ages", edit(V, "topics: [nuoc-va-hien-tuong-tu-nhien]", "topics: [truong-tieu-hoc]"), [
        'x.md:5: topics: chủ đề "truong-tieu-hoc" chỉ dành cho độ tuổi 5-6, nhưng thẻ ghi cả 4-5']),
    ("stem-unknown", edit(V, "stem: [S, E, M]", "stem: [S, X]"), [
        'x.md:6: stem: "X" không phải lĩnh vực STEM hợp lệ (hợp lệ: S, T, E, M, A)']),
    ("stem-empty-list", edit(V, "stem: [S, E, M]", "stem: []"), ["x.md:6: stem: cần ít nhất 1 mục"]),
    ("ages-repeated", edit(V, "ages: [4-5, 5-6]", "ages: [5-6, 5-6]"), ["x.md:4: ages: có mục lặp lại: 5-6"]),
    ("yaml-no-is-false", edit(V, "ages: [4-5, 5-6]", "ages: [no]"), [
        'x.md:4: ages: YAML đọc no thành giá trị đúng/sai chứ không phải chữ; nếu muốn viết chữ, đặt trong '
        'ngoặc kép: "no"']),
    ("title-read-as-number", edit(V, "title: Thuyền lá nổi hay chìm", "title: 2024"), [
        'x.md:2: title: YAML đọc 2024 thành số chứ không phải chữ; đặt trong ngoặc kép: "2024"']),
    ("title-read-as-date", edit(V, "title: Thuyền lá nổi hay chìm", "title: 2024-05-01"), [
        'x.md:2: title: YAML đọc 2024-05-01 thành ngày tháng chứ không phải chữ; đặt trong ngoặc kép: '
        '"2024-05-01"']),
    ("duration-sexagesimal", edit(V, "duration: 25", "duration: 1:30"), [
        "x.md:9: duration: YAML 1.1 đọc 1:30 thành 90 (đếm theo cơ số 60), không phải giờ:phút; "
        "hãy ghi tổng số phút, ví dụ 90"]),
    ("duration-too-long", edit(V, "duration: 25", "duration: 240"), [
        "x.md:9: duration: tối đa là 180 (đang là 240)"]),
    ("duration-text", edit(V, "duration: 25", "duration: ba mươi phút"), [
        "x.md:9: duration: phải là số nguyên (đang là chữ)"]),
    ("title-empty", edit(V, "title: Thuyền lá nổi hay chìm", "title:"), [
        "x.md:2: title: đang để trống; Tên ngắn, rõ, viết có dấu, từ 3 đến 120 ký tự."]),
    ("description-too-long", edit(V, "description: Trẻ làm", "description: " + "a" * 300 + " Trẻ làm"), [
        "x.md:3: description: quá dài: tối đa 300 ký tự (đang có 381); hãy rút gọn"]),
    ("group-near-miss", edit(V, "group: nhom-nho", "group: nhom"), [
        'x.md:10: group: "nhom" không phải hình thức tổ chức hợp lệ — có phải bạn muốn viết "nhom-nho"?']),
    ("material-per-unknown", edit(V, "quantity: 2, per: nhom}", "quantity: 2, per: moi-tre}"), [
        'x.md:13: materials[1].per: "moi-tre" không phải cách tính số lượng hợp lệ — có phải bạn muốn viết "tre"?']),
    ("material-without-name", edit(V, "{name: vỏ hộp sữa giấy, quantity: 2, per: nhom}", "{quantity: 2}"), [
        "x.md:13: materials[1]: thiếu `name`"]),
    ("material-unknown-subkey", edit(V, "quantity: 2, per: nhom}", "so-luong: 2, per: nhom}"), [
        "x.md:13: materials[1].so-luong: không phải tên trường hợp lệ "
        "(hợp lệ: name, quantity, per, hazards, note, from_home)"]),
    ("hazard-undeclared", edit(V, "{name: sỏi to, quantity: 20, per: nhom, hazards: [vat-nho]}",
                                "{name: nam châm thanh, quantity: 2, per: nhom}"), [
        'x.md:14: materials[2]: vật liệu "nam châm thanh" có mối nguy Nam châm; thêm `hazards: [nam-cham]` '
        "cho vật liệu này (và lưu ý an toàn tương ứng)",
        # Reported in the same run, at the material: the note the hazard needs, as if it had been declared.
        'x.md:14: materials[2]: thẻ dùng "nam châm thanh", có mối nguy "nam-cham" (Nam châm), nhưng không lưu ý '
        'an toàn nào nhắc tới mối nguy này (nam châm); thêm vào `safety` một lưu ý, ví dụ: "Đếm nam châm trước và '
        'sau hoạt động; chỉ dùng nam châm to, bọc kín; không để trẻ cho vào miệng."']),
    # 15 minutes: one activity for toddlers (a longer card would also get a duration warning).
    ("hazard-forbidden-for-age", edit(edit(edit(V, "ages: [4-5, 5-6]", "ages: [24-36m]"),
                                           "duration: 25", "duration: 15"),
                                      "Trẻ thử chở thêm sỏi.", "Trẻ thử chở thêm sỏi nhỏ."), [
        'x.md:14: materials[2].hazards: mối nguy "vat-nho" (Vật nhỏ (nguy cơ hóc, nuốt)) không được dùng cho '
        "độ tuổi 24-36m; bỏ vật liệu này hoặc bỏ độ tuổi đó khỏi `ages`",
        # Small pebbles named only in a step are refused too, at their own line (a bare "sỏi" there
        # means the big pebbles, "sỏi to", of the materials).
        'x.md:44: "sỏi nhỏ" có mối nguy "vat-nho" (Vật nhỏ (nguy cơ hóc, nuốt)), không được dùng cho độ tuổi '
        "24-36m; bỏ khỏi thẻ hoặc bỏ độ tuổi đó khỏi `ages`"]),
    ("hazard-without-safety-note", edit(V, "  - Đếm sỏi trước và sau hoạt động; nhắc trẻ không cho sỏi vào miệng.\n",
                                         ""), [
        'x.md:14: materials[2]: thẻ dùng "sỏi to", có mối nguy "vat-nho" (Vật nhỏ (nguy cơ hóc, nuốt)), nhưng không '
        "lưu ý an toàn nào nhắc tới mối nguy này (hóc, nuốt, vào miệng, ngậm, vật nhỏ, nhét vào mũi); thêm vào "
        '`safety` một lưu ý, ví dụ: "Đếm vật nhỏ trước và sau hoạt động; nhắc trẻ không cho vào miệng, mũi, tai."']),
    ("hazard-without-adult-step", edit(V, "  - Cắt hộp sữa bằng kéo là việc của cô.",
                                       "  - Cô cất kéo sau khi cắt."), [
        'x.md:16: materials[4]: mối nguy "dung-cu-sac" (Dụng cụ sắc nhọn) cần một bước chỉ người lớn làm; '
        'ghi rõ "Việc của cô" ở bước dùng vật liệu này, trong ghi chú của vật liệu hoặc trong một lưu ý `safety` '
        "nhắc tới nó"]),
    ("toxic-plant", edit(V, "{name: vỏ hộp sữa giấy, quantity: 2, per: nhom}", "{name: lá trúc đào, quantity: 2}"), [
        'x.md:13: materials[1]: "trúc đào" (Cây, lá, hoa) không được dùng trong hoạt động của trẻ mầm non: cây có '
        "độc, Cục An toàn thực phẩm đề nghị loại khỏi trường; bỏ khỏi thẻ"]),
    ("safety-empty", V[: V.index("safety:\n")] + "safety: []\n" + V[V.index("objectives:"):], [
        'x.md:14: materials[2]: thẻ dùng "sỏi to", có mối nguy "vat-nho" (Vật nhỏ (nguy cơ hóc, nuốt)), nhưng không '
        "lưu ý an toàn nào nhắc tới mối nguy này (hóc, nuốt, vào miệng, ngậm, vật nhỏ, nhét vào mũi); thêm vào "
        '`safety` một lưu ý, ví dụ: "Đếm vật nhỏ trước và sau hoạt động; nhắc trẻ không cho vào miệng, mũi, tai."',
        'x.md:15: materials[3]: thẻ dùng "chậu nước", có mối nguy "chau-nuoc" (Chậu nước), nhưng không lưu ý an toàn '
        "nào nhắc tới mối nguy này (đuối nước, một mình, gần nước, cạnh nước, ở cạnh chậu, đổ hết nước, luôn có cô, "
        'luôn ở cạnh); thêm vào `safety` một lưu ý, ví dụ: "Luôn có cô ở cạnh chậu nước; không để trẻ một mình gần '
        'nước; đổ hết nước ngay sau hoạt động; lau khô sàn ướt."',
        'x.md:16: materials[4]: mối nguy "dung-cu-sac" (Dụng cụ sắc nhọn) cần một bước chỉ người lớn làm; '
        'ghi rõ "Việc của cô" ở bước dùng vật liệu này, trong ghi chú của vật liệu hoặc trong một lưu ý `safety` '
        "nhắc tới nó",
        'x.md:16: materials[4]: thẻ dùng "kéo cắt hộp", có mối nguy "dung-cu-sac" (Dụng cụ sắc nhọn), nhưng không '
        "lưu ý an toàn nào nhắc tới mối nguy này (dao, kéo, dùi, sắc, nhọn, đứt tay); thêm vào `safety` một lưu ý, "
        'ví dụ: "Việc của cô dùng dao, dùi, kéo nhọn; cất dụng cụ ngoài tầm với của trẻ ngay sau khi dùng."',
        "x.md:17: safety: cần ít nhất 1 mục"]),
    ("process-step-missing", edit(V, "## Giải thích\n", "## Trò chuyện\n"), [
        'x.md:8: process: quy trình 5e cần tiêu đề "## Giải thích" (bước 3) trong nội dung, sau "## Khám phá"']),
    ("process-steps-out-of-order", edit(edit(V, "## Khám phá", "## TMP"), "## Gắn kết", "## Khám phá").replace(
        "## TMP", "## Gắn kết"), [
        'x.md:34: tiêu đề "Gắn kết" (bước 1 của 5e) đứng sai thứ tự: phải đứng trước "## Khám phá"']),
    ("process-unknown", edit(V, "process: 5e", "process: 6e"), [
        'x.md:8: process: "6e" không phải quy trình hợp lệ (hợp lệ: free, edp, 5e)']),
    ("script-tag", V + "\n<script>alert(1)</script>\n", [
        "x.md:50: thẻ HTML <script> không được phép trong thẻ hoạt động; hãy dùng Markdown (thẻ HTML được phép: "
        "a, abbr, b, blockquote, br, caption, code, dd, del, details, div, dl, dt, em, figcaption, figure, h2, h3, "
        "h4, hr, i, img, ins, kbd, li, mark, ol, p, pre, s, small, span, strong, sub, summary, sup, table, tbody, "
        "td, tfoot, th, thead, tr, u, ul)"]),
    ("iframe-tag", V + '\n<iframe src="https://example.com"></iframe>\n', [
        "x.md:50: thẻ HTML <iframe> không được phép trong thẻ hoạt động; hãy dùng Markdown (thẻ HTML được phép: "
        "a, abbr, b, blockquote, br, caption, code, dd, del, details, div, dl, dt, em, figcaption, figure, h2, h3, "
        "h4, hr, i, img, ins, kbd, li, mark, ol, p, pre, s, small, span, strong, sub, summary, sup, table, tbody, "
        "td, tfoot, th, thead, tr, u, ul)"]),
    ("event-handler", V + '\n<span onmouseover="steal()">xem</span>\n', [
        "x.md:50: thẻ <span> có thuộc tính onmouseover không được phép (mã lệnh trong trang bị chặn); "
        "xoá thuộc tính này"]),
    ("javascript-link", V + "\n[bấm vào đây](JavaScript:alert(1))\n", [
        'x.md:50: liên kết "JavaScript:alert(1)" không được phép; chỉ dùng http://, https://, mailto: hoặc '
        "đường dẫn trong thư viện"]),
    ("image-missing", V + "\n![Thuyền lá trong chậu](thuyen.png)\n", [
        'x.md:50: không tìm thấy ảnh "thuyen.png"; kiểm tra tên tệp (phân biệt chữ hoa, chữ thường) và thư mục']),
    ("image-outside-folder", V + "\n![Ảnh](../../etc/anh.png)\n", [
        'x.md:50: ảnh "../../etc/anh.png" nằm ngoài thư mục của thẻ; đặt ảnh trong thư mục chứa thẻ']),
    ("image-from-internet", V + "\n![Ảnh](https://example.com/a.jpg)\n", [
        'x.md:50: ảnh "https://example.com/a.jpg" lấy từ Internet; hãy lưu ảnh cạnh thẻ (bản ngoại tuyến không '
        "có mạng)"]),
    ("image-wrong-type", V + "\n![Ảnh](anh.gif)\n", [
        'x.md:50: ảnh "anh.gif" phải là JPEG, PNG hoặc WebP (.jpg, .jpeg, .png, .webp)']),
    ("cover-missing", edit(V, "cost: 10000", "cover: bia.jpg\ncost: 10000"), [
        'x.md:26: cover: không tìm thấy ảnh "bia.jpg"; kiểm tra tên tệp (phân biệt chữ hoa, chữ thường) và thư mục']),
    ("updated-bad-date", edit(V, "updated: 2026-11-23", "updated: 23/11/2026"), [
        'x.md:27: updated: "23/11/2026" không phải ngày hợp lệ; viết dạng YYYY-MM-DD, ví dụ 2026-09-05']),
    ("updated-impossible-date", edit(V, "updated: 2026-11-23", "updated: 2026-13-45"), [
        'x.md:27: updated: "2026-13-45" không phải ngày hợp lệ; viết dạng YYYY-MM-DD, ví dụ 2026-09-05']),
    # A contributor cannot review their own card: the key is refused in favour of content/reviews.yml.
    ("reviewed-in-card", edit(V, "cost: 10000", "reviewed: {by: Cô Hoa}\ncost: 10000"), [
        "x.md:26: cảnh báo: reviewed: trường này không còn dùng nữa: việc duyệt do tổ duyệt ghi trong "
        "content/reviews.yml (gắn với đúng nội dung đã duyệt), không ghi trong thẻ; xoá trường này",
        "x.md:26: reviewed: thiếu `date`"]),
    ("author-wrong-type", edit(V, "author: {name: Nhóm biên soạn, school: Trường Mầm non Thử nghiệm}",
                               "author: [Cô Lan, Cô Hoa]"), [
        "x.md:23: author: phải là chữ hoặc nhóm trường dạng `khoá: giá trị` (đang là danh sách (mỗi mục một "
        "dòng bắt đầu bằng `- `))"]),
    ("license-unknown", edit(V, "cost: 10000", "license: GPL\ncost: 10000"), [
        'x.md:26: license: "GPL" không phải giấy phép hợp lệ (hợp lệ: CC-BY-SA-4.0, CC-BY-4.0, CC0-1.0, '
        "CC-BY-NC-SA-4.0)"]),
    ("duplicate-key", edit(V, "duration: 25", "duration: 25\nduration: 40"), [
        "x.md:10: duration: trường này xuất hiện hai lần (lần đầu ở dòng 9); giữ lại một lần"]),
    ("yaml-syntax", edit(V, "group: nhom-nho", "group: [nhom-nho"), [
        "x.md:11: lỗi cú pháp YAML (did not find expected ',' or ']'); kiểm tra dấu hai chấm sau tên trường, "
        "thụt lề bằng dấu cách và các dấu ngoặc, dấu nháy đóng mở đủ"]),
    ("no-front-matter", "# Thuyền lá\n\nNội dung.\n", [
        "x.md:1: thiếu phần thông tin đầu thẻ: dòng đầu tiên phải là `---`, tiếp theo là các trường (title, ages, "
        "…), rồi một dòng `---`"]),
    ("unclosed-front-matter", V.replace("\n---\n", "\n\n", 1), [
        "x.md:1: phần thông tin đầu thẻ mở bằng `---` ở dòng 1 nhưng không có dòng `---` đóng lại"]),
    ("front-matter-is-a-list", "---\n- a\n- b\n---\nNội dung\n", [
        "x.md:2: phần thông tin đầu thẻ phải là các dòng `tên-trường: giá trị`"]),
    ("yaml-anchor", edit(V, "stem: [S, E, M]", "stem: &s [S, E, M]\ndomains2: *s"), [
        "x.md:7: domains2: không dùng neo/bí danh YAML (& và *) trong thẻ; hãy viết giá trị ra đầy đủ",
        'x.md:7: domains2: không phải tên trường hợp lệ — có phải bạn muốn viết "domains"?']),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_broken_card_gets_exact_message(tmp_path: Path, taxonomy, name: str, text: str, expected: list[str]):
    (tmp_path / "x.md").write_text(text, encoding="utf-8")
    assert check_folder(tmp_path, taxonomy) == expected


def test_valid_card_has_no_problem(tmp_path: Path, taxonomy):
    (tmp_path / "thuyen-la.md").write_text(VALID_CARD, encoding="utf-8")
    assert check_folder(tmp_path, taxonomy) == []


def test_problems_of_all_cards_are_reported_in_one_run(tmp_path: Path, taxonomy):
    for index, (_, text, _) in enumerate(CASES[:10]):
        (tmp_path / f"the-{index}.md").write_text(text, encoding="utf-8")
    expected = sum(len(case[2]) for case in CASES[:10])
    assert len(check_folder(tmp_path, taxonomy)) == expected


def test_bad_slug_gets_a_suggestion(tmp_path: Path, taxonomy):
    (tmp_path / "Thuyền Lá.md").write_text(VALID_CARD, encoding="utf-8")
    assert check_folder(tmp_path, taxonomy) == [
        'Thuyền Lá.md:1: tên tệp "Thuyền Lá.md" không dùng được làm tên thẻ (chỉ chữ thường không dấu, số và '
        'dấu -); đổi tên thành "thuyen-la"']


def test_duplicate_slug_across_folders(tmp_path: Path, taxonomy):
    (tmp_path / "a").mkdir()
    (tmp_path / "b" / "thuyen-la").mkdir(parents=True)
    (tmp_path / "a" / "thuyen-la.md").write_text(VALID_CARD, encoding="utf-8")
    (tmp_path / "b" / "thuyen-la" / "index.md").write_text(VALID_CARD, encoding="utf-8")
    assert check_folder(tmp_path, taxonomy) == [
        'b/thuyen-la/index.md:1: tên thẻ "thuyen-la" trùng với a/thuyen-la.md; mỗi thẻ cần một tên riêng']


def test_alias_clashing_with_another_card(tmp_path: Path, taxonomy):
    (tmp_path / "thuyen-la.md").write_text(VALID_CARD, encoding="utf-8")
    aliased = edit(VALID_CARD, "cost: 10000", "aliases: [thuyen-la]\ncost: 10000")
    (tmp_path / "thuyen-moi.md").write_text(aliased, encoding="utf-8")
    lines = check_folder(tmp_path, taxonomy)
    assert lines == ['thuyen-moi.md:26: aliases: "thuyen-la" đã là tên hoặc tên cũ của thuyen-la.md']


def test_html_and_links_inside_code_are_text(tmp_path: Path, taxonomy):
    text = VALID_CARD + "\n`<script>`\n\n```html\n<iframe src=x></iframe>\n```\n\nXem <https://moet.gov.vn>.\n"
    (tmp_path / "x.md").write_text(text, encoding="utf-8")
    assert check_folder(tmp_path, taxonomy) == []


def test_safe_html_and_image_with_alt_pass(tmp_path: Path, taxonomy):
    from PIL import Image

    Image.new("RGB", (8, 8), "teal").save(tmp_path / "thuyen.png")
    text = VALID_CARD + '\n<details><summary>Gợi ý</summary>Thêm sỏi.</details>\n\n![Thuyền lá](thuyen.png)\n'
    (tmp_path / "x.md").write_text(text, encoding="utf-8")
    assert check_folder(tmp_path, taxonomy) == []


def test_image_without_alt(tmp_path: Path, taxonomy):
    from PIL import Image

    Image.new("RGB", (8, 8), "teal").save(tmp_path / "thuyen.png")
    (tmp_path / "x.md").write_text(VALID_CARD + "\n![](thuyen.png)\n", encoding="utf-8")
    assert check_folder(tmp_path, taxonomy) == [
        'x.md:50: ảnh "thuyen.png" thiếu mô tả (alt) cho người khiếm thị; viết ![mô tả ngắn về ảnh](thuyen.png)']


def test_english_messages(tmp_path: Path, taxonomy):
    (tmp_path / "x.md").write_text(edit(VALID_CARD, "ages: [4-5, 5-6]", "age: [4-5, 5-6]"), encoding="utf-8")
    assert check_folder(tmp_path, taxonomy, "en") == [
        "x.md:1: missing required key `ages` (Độ tuổi); One or more age-band codes.",
        'x.md:4: age: is not a valid key — did you mean "ages"?']
