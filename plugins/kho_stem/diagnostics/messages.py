"""Every message a contributor can see, in Vietnamese (default) and English.

Messages never contain the file, line or key path: the diagnostic adds those in front, as
``activities/x.md:7: ages: "6-7" không phải độ tuổi hợp lệ (hợp lệ: …)``.
"""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

MESSAGES: dict[str, dict[str, str]] = {
    # -- reading the file -------------------------------------------------------------------
    "file_unreadable": {
        "vi": "không đọc được tệp ({reason})",
        "en": "cannot read the file ({reason})",
    },
    "not_utf8": {
        "vi": "tệp không phải văn bản UTF-8 (byte lạ ở vị trí {offset}); hãy lưu lại với mã hoá UTF-8",
        "en": "the file is not UTF-8 text (bad byte at offset {offset}); save it again as UTF-8",
    },
    "no_front_matter": {
        "vi": "thiếu phần thông tin đầu thẻ: dòng đầu tiên phải là `---`, tiếp theo là các trường "
        "(title, ages, …), rồi một dòng `---`",
        "en": "missing front matter: the first line must be `---`, then the fields, then a `---` line",
    },
    "unclosed_front_matter": {
        "vi": "phần thông tin đầu thẻ mở bằng `---` ở dòng 1 nhưng không có dòng `---` đóng lại",
        "en": "the front matter opened with `---` on line 1 is never closed by a `---` line",
    },
    "yaml_syntax": {
        "vi": "lỗi cú pháp YAML ({problem}); kiểm tra dấu hai chấm sau tên trường, thụt lề bằng dấu cách "
        "và các dấu ngoặc, dấu nháy đóng mở đủ",
        "en": "YAML syntax error ({problem}); check the colon after each key, space indentation "
        "and matching brackets and quotes",
    },
    "front_matter_not_mapping": {
        "vi": "phần thông tin đầu thẻ phải là các dòng `tên-trường: giá trị`",
        "en": "the front matter must be lines of `key: value`",
    },
    "duplicate_key": {
        "vi": "trường này xuất hiện hai lần (lần đầu ở dòng {first_line}); giữ lại một lần",
        "en": "this key appears twice (first on line {first_line}); keep one",
    },
    "key_not_text": {
        "vi": "tên trường {raw} không phải chữ; tên trường phải là chữ, ví dụ `title`",
        "en": "key {raw} is not text; keys are words such as `title`",
    },
    "yaml_anchor": {
        "vi": "không dùng neo/bí danh YAML (& và *) trong thẻ; hãy viết giá trị ra đầy đủ",
        "en": "YAML anchors and aliases (& and *) are not allowed in cards; write the value out",
    },
    # -- fields and types -------------------------------------------------------------------
    "required": {
        "vi": "thiếu trường bắt buộc `{key}` ({label}); {help}",
        "en": "missing required key `{key}` ({label}); {help}",
    },
    "required_subkey": {
        "vi": "thiếu `{key}`",
        "en": "missing `{key}`",
    },
    "unknown_key": {
        "vi": "không phải tên trường hợp lệ{hint}",
        "en": "is not a valid key{hint}",
    },
    "deprecated_key": {
        "vi": "trường này không còn dùng nữa: {message}",
        "en": "this key is deprecated: {message}",
    },
    "did_you_mean": {
        "vi": " — có phải bạn muốn viết \"{suggestion}\"?",
        "en": " — did you mean \"{suggestion}\"?",
    },
    "valid_choices": {
        "vi": " (hợp lệ: {choices})",
        "en": " (valid: {choices})",
    },
    "not_in_vocabulary": {
        "vi": "\"{value}\" không phải {noun} hợp lệ{hint}",
        "en": "\"{value}\" is not a valid {noun}{hint}",
    },
    "wrong_type": {
        "vi": "phải là {expected} (đang là {actual})",
        "en": "must be {expected} (found {actual})",
    },
    "empty_value": {
        "vi": "đang để trống; {help}",
        "en": "is empty; {help}",
    },
    "too_short": {
        "vi": "quá ngắn: cần ít nhất {limit} ký tự (đang có {actual})",
        "en": "too short: at least {limit} characters needed (found {actual})",
    },
    "too_long": {
        "vi": "quá dài: tối đa {limit} ký tự (đang có {actual}); hãy rút gọn",
        "en": "too long: at most {limit} characters (found {actual}); shorten it",
    },
    "too_few_items": {
        "vi": "cần ít nhất {limit} mục",
        "en": "needs at least {limit} item(s)",
    },
    "below_minimum": {
        "vi": "phải từ {limit} trở lên (đang là {value})",
        "en": "must be at least {limit} (found {value})",
    },
    "above_maximum": {
        "vi": "tối đa là {limit} (đang là {value})",
        "en": "must be at most {limit} (found {value})",
    },
    "duplicate_items": {
        "vi": "có mục lặp lại: {value}",
        "en": "has a repeated item: {value}",
    },
    "bad_date": {
        "vi": "\"{value}\" không phải ngày hợp lệ; viết dạng YYYY-MM-DD, ví dụ 2026-09-05",
        "en": "\"{value}\" is not a valid date; write YYYY-MM-DD, e.g. 2026-09-05",
    },
    "bad_slug": {
        "vi": "\"{value}\" không phải tên thẻ hợp lệ: chỉ chữ thường không dấu, số và dấu -",
        "en": "\"{value}\" is not a valid slug: lowercase ASCII letters, digits and - only",
    },
    # -- YAML 1.1 traps ---------------------------------------------------------------------
    "trap_bool": {
        "vi": "YAML đọc {raw} thành giá trị đúng/sai chứ không phải chữ; nếu muốn viết chữ, đặt trong "
        "ngoặc kép: \"{raw}\"",
        "en": "YAML reads {raw} as a true/false value, not text; to mean the text, quote it: \"{raw}\"",
    },
    "trap_number": {
        "vi": "YAML đọc {raw} thành số chứ không phải chữ; đặt trong ngoặc kép: \"{raw}\"",
        "en": "YAML reads {raw} as a number, not text; quote it: \"{raw}\"",
    },
    "trap_date": {
        "vi": "YAML đọc {raw} thành ngày tháng chứ không phải chữ; đặt trong ngoặc kép: \"{raw}\"",
        "en": "YAML reads {raw} as a date, not text; quote it: \"{raw}\"",
    },
    "trap_sexagesimal": {
        "vi": "YAML 1.1 đọc {raw} thành {value} (đếm theo cơ số 60), không phải giờ:phút; "
        "hãy ghi tổng số phút, ví dụ {value}",
        "en": "YAML 1.1 reads {raw} as {value} (base 60), not hours:minutes; write whole minutes, e.g. {value}",
    },
    # -- rules beyond types -----------------------------------------------------------------
    "topic_age_mismatch": {
        "vi": "chủ đề \"{topic}\" chỉ dành cho độ tuổi {topic_ages}, nhưng thẻ ghi cả {ages}",
        "en": "topic \"{topic}\" is only for age bands {topic_ages}, but the card also lists {ages}",
    },
    "hazard_forbidden_age": {
        "vi": "mối nguy \"{hazard}\" ({label}) không được dùng cho độ tuổi {ages}; bỏ vật liệu này "
        "hoặc bỏ độ tuổi đó khỏi `ages`",
        "en": "hazard \"{hazard}\" ({label}) is not allowed for age band {ages}; remove the material "
        "or that age band",
    },
    "hazard_undeclared": {
        "vi": "vật liệu \"{name}\" có mối nguy {label}{found}; thêm `hazards: [{hazard}]` cho vật liệu này "
        "(và lưu ý an toàn tương ứng)",
        "en": "material \"{name}\" carries the hazard {label}{found}; add `hazards: [{hazard}]` to it "
        "(and a matching safety note)",
    },
    "hazard_needs_safety_note": {
        "vi": "thẻ dùng \"{word}\", có mối nguy \"{hazard}\" ({label}), nhưng không lưu ý an toàn nào nhắc "
        "tới mối nguy này ({words}); thêm vào `safety` một lưu ý, ví dụ: \"{point}\"",
        "en": "the card uses \"{word}\", which carries hazard \"{hazard}\" ({label}), but no safety note "
        "addresses it ({words}); add a `safety` note, e.g. \"{point}\"",
    },
    "hazard_needs_adult_step": {
        "vi": "mối nguy \"{hazard}\" ({label}) cần một bước chỉ người lớn làm; ghi rõ \"{marker}\" ở "
        "bước dùng vật liệu này, trong ghi chú của vật liệu hoặc trong một lưu ý `safety` nhắc tới nó",
        "en": "hazard \"{hazard}\" ({label}) needs an adult-only step; mark it with \"{marker}\" in "
        "the step that uses this material, in its note or in a `safety` note that names it",
    },
    "process_step_missing": {
        "vi": "quy trình {process} cần tiêu đề \"## {step}\" (bước {number}) trong nội dung, "
        "sau \"## {previous}\"",
        "en": "process {process} needs a heading \"## {step}\" (step {number}) in the body, "
        "after \"## {previous}\"",
    },
    "process_first_step_missing": {
        "vi": "quy trình {process} cần tiêu đề \"## {step}\" (bước 1) trong nội dung",
        "en": "process {process} needs a heading \"## {step}\" (step 1) in the body",
    },
    "process_step_order": {
        "vi": "tiêu đề \"{heading}\" (bước {number} của {process}) đứng sai thứ tự: phải đứng trước "
        "\"## {later}\"",
        "en": "heading \"{heading}\" (step {number} of {process}) is out of order: it must come before "
        "\"## {later}\"",
    },
    "html_tag_forbidden": {
        "vi": "thẻ HTML <{tag}> không được phép trong thẻ hoạt động; hãy dùng Markdown "
        "(thẻ HTML được phép: {allowed})",
        "en": "HTML tag <{tag}> is not allowed in a card; use Markdown (allowed tags: {allowed})",
    },
    "html_attribute_forbidden": {
        "vi": "thẻ <{tag}> có thuộc tính {attribute} không được phép (mã lệnh trong trang bị chặn); "
        "xoá thuộc tính này",
        "en": "tag <{tag}> has a forbidden attribute {attribute} (scripts are blocked); remove it",
    },
    "unsafe_link": {
        "vi": "liên kết \"{url}\" không được phép; chỉ dùng http://, https://, mailto: hoặc đường dẫn "
        "trong thư viện",
        "en": "link \"{url}\" is not allowed; use http://, https://, mailto: or a path in the library",
    },
    "html_class_forbidden": {
        "vi": "lớp (class) \"{name}\" không được phép trong thẻ hoạt động; chỉ dùng: {allowed}",
        "en": "class \"{name}\" is not allowed in a card; use only: {allowed}",
    },
    "html_id_invalid": {
        "vi": "mã neo (id) \"{id}\" không hợp lệ; chỉ dùng chữ thường không dấu, số và dấu -, bắt đầu bằng "
        "một chữ cái (không bắt đầu bằng ks-)",
        "en": "id \"{id}\" is not valid; use lowercase ASCII letters, digits and -, starting with a letter "
        "(not ks-)",
    },
    "body_render_failed": {
        "vi": "nội dung lồng nhau quá sâu (danh sách hoặc khối HTML trong nhau) nên không hiển thị được; "
        "hãy viết phẳng hơn",
        "en": "the body nests too deeply (lists or HTML blocks inside each other) to be rendered; flatten it",
    },
    "image_external": {
        "vi": "ảnh \"{path}\" lấy từ Internet; hãy lưu ảnh cạnh thẻ (bản ngoại tuyến không có mạng)",
        "en": "image \"{path}\" comes from the Internet; save it beside the card (offline copies have no network)",
    },
    "image_outside": {
        "vi": "ảnh \"{path}\" nằm ngoài thư mục của thẻ; đặt ảnh trong thư mục chứa thẻ",
        "en": "image \"{path}\" is outside the card's folder; put it in the card's folder",
    },
    "image_missing": {
        "vi": "không tìm thấy ảnh \"{path}\"; kiểm tra tên tệp (phân biệt chữ hoa, chữ thường) và thư mục",
        "en": "image \"{path}\" not found; check the file name (case matters) and folder",
    },
    "image_bad_extension": {
        "vi": "ảnh \"{path}\" phải là JPEG, PNG hoặc WebP (.jpg, .jpeg, .png, .webp)",
        "en": "image \"{path}\" must be JPEG, PNG or WebP (.jpg, .jpeg, .png, .webp)",
    },
    "image_no_alt": {
        "vi": "ảnh \"{path}\" thiếu mô tả (alt) cho người khiếm thị; viết ![mô tả ngắn về ảnh]({path})",
        "en": "image \"{path}\" has no alt text; write ![short description]({path})",
    },
    "image_too_large_file": {
        "vi": "ảnh \"{path}\" nặng {megabytes} MB, quá giới hạn {limit} MB; hãy giảm kích thước ảnh trước khi thêm",
        "en": "image \"{path}\" is {megabytes} MB, over the {limit} MB limit; make it smaller first",
    },
    "image_too_many_pixels": {
        "vi": "ảnh \"{path}\" có {width}×{height} điểm ảnh ({megapixels} megapixel), quá giới hạn {limit} megapixel; "
        "hãy thu nhỏ ảnh",
        "en": "image \"{path}\" is {width}×{height} pixels ({megapixels} MP), over the {limit} MP limit; scale it down",
    },
    "image_bomb": {
        "vi": "ảnh \"{path}\" khai báo kích thước quá lớn (hơn {limit} megapixel), có thể là tệp độc hại; "
        "không dùng tệp này",
        "en": "image \"{path}\" declares an enormous size (over {limit} MP) and may be malicious; do not use it",
    },
    "image_not_image": {
        "vi": "tệp \"{path}\" không phải ảnh JPEG, PNG hay WebP (xét theo nội dung tệp, không theo đuôi tên)",
        "en": "file \"{path}\" is not a JPEG, PNG or WebP image (judged by its content, not its name)",
    },
    "image_wrong_extension": {
        "vi": "ảnh \"{path}\" thật ra là {actual}; đổi đuôi tệp thành {suffix} (và sửa đường dẫn trong thẻ)",
        "en": "image \"{path}\" is really {actual}; rename it to end in {suffix} (and fix the card's link)",
    },
    "image_broken": {
        "vi": "ảnh \"{path}\" bị hỏng hoặc chưa tải về hết ({reason}); hãy chép lại ảnh gốc",
        "en": "image \"{path}\" is damaged or incomplete ({reason}); copy the original again",
    },
    "image_has_location": {
        "vi": "ảnh \"{path}\" còn ghi vị trí GPS nơi chụp; thư viện đã xoá khi đăng, nhưng tệp gốc trong kho mã "
              "nguồn vẫn lộ vị trí: hãy xoá thông tin vị trí (hoặc chụp màn hình ảnh) trước khi gửi",
        "en": "image \"{path}\" still records the GPS position where it was taken; the published copy has none, "
              "but the original in the repository still shows it: remove the location before submitting",
    },
    "image_unused": {
        "vi": "ảnh \"{path}\" không được thẻ nào dùng; xoá ảnh hoặc thêm vào thẻ",
        "en": "image \"{path}\" is not used by any card; delete it or use it in a card",
    },
    "slug_invalid": {
        "vi": "tên tệp \"{name}\" không dùng được làm tên thẻ (chỉ chữ thường không dấu, số và dấu -); "
        "đổi tên thành \"{suggestion}\"",
        "en": "file name \"{name}\" cannot be a slug (lowercase ASCII, digits and - only); "
        "rename it to \"{suggestion}\"",
    },
    "slug_duplicate": {
        "vi": "tên thẻ \"{slug}\" trùng với {other}; mỗi thẻ cần một tên riêng",
        "en": "slug \"{slug}\" is also used by {other}; each card needs its own",
    },
    "alias_duplicate": {
        "vi": "\"{alias}\" đã là tên hoặc tên cũ của {other}",
        "en": "\"{alias}\" is already the slug or an old slug of {other}",
    },
    # -- the taxonomy itself ----------------------------------------------------------------
    "taxonomy_missing_file": {
        "vi": "thiếu tệp phân loại {name}",
        "en": "taxonomy file {name} is missing",
    },
    "taxonomy_bad_shape": {
        "vi": "tệp phân loại không đúng cấu trúc: {expected}",
        "en": "the taxonomy file has the wrong shape: {expected}",
    },
    "taxonomy_missing_key": {
        "vi": "mục này thiếu `{key}`",
        "en": "this entry lacks `{key}`",
    },
    "taxonomy_not_a_list": {
        "vi": "`{key}` phải là một danh sách chữ, ví dụ [chai nhựa, vỏ chai]",
        "en": "`{key}` must be a list of words, e.g. [plastic bottle, bottle]",
    },
    "taxonomy_duplicate_code": {
        "vi": "mã \"{code}\" bị lặp lại",
        "en": "code \"{code}\" is repeated",
    },
    "taxonomy_unknown_code": {
        "vi": "\"{code}\" không có trong {vocabulary}",
        "en": "\"{code}\" is not in {vocabulary}",
    },
    # -- command line ------------------------------------------------------------------------
    "summary_ok": {
        "vi": "Đã kiểm tra {count} thẻ: tất cả hợp lệ.",
        "en": "Checked {count} card(s): all valid.",
    },
    "summary_failed": {
        "vi": "Đã kiểm tra {count} thẻ: {errors} lỗi ở {cards} thẻ.",
        "en": "Checked {count} card(s): {errors} error(s) in {cards} card(s).",
    },
    "summary_warnings": {
        "vi": " {warnings} cảnh báo.",
        "en": " {warnings} warning(s).",
    },
    "warning_prefix": {
        "vi": "cảnh báo: ",
        "en": "warning: ",
    },
    "path_not_found": {
        "vi": "không tìm thấy \"{path}\"",
        "en": "\"{path}\" not found",
    },
    "no_cards_found": {
        "vi": "không có thẻ nào (tệp .md) trong {paths}",
        "en": "no cards (.md files) in {paths}",
    },
    "offline_written": {
        "vi": "Đã đóng gói bản ngoại tuyến ({cards} thẻ, {files} tệp): {path} ({megabytes} MB)",
        "en": "Offline copy packed ({cards} cards, {files} files): {path} ({megabytes} MB)",
    },
    "new_written": {
        "vi": "Đã tạo thẻ mới: {path}\nHãy điền mô tả, nguyên vật liệu, lưu ý an toàn, mục tiêu và các bước, rồi kiểm "
              "tra: {python} build.py check {path}",
        "en": "New card created: {path}\nFill in the description, materials, safety notes, objectives and steps, "
              "then check it: {python} build.py check {path}",
    },
    "new_renamed": {
        "vi": "Tên \"{taken}\" đã có thẻ dùng, nên thẻ mới mang tên \"{slug}\" (thẻ cũ giữ nguyên).",
        "en": "The name \"{taken}\" is taken, so the new card is \"{slug}\" (the existing card is untouched).",
    },
    "new_missing_options": {
        "vi": "thiếu tuỳ chọn {options} (hoặc chạy python build.py new không kèm tuỳ chọn để được hỏi từng câu)",
        "en": "missing option(s) {options} (or run python build.py new without options to be asked)",
    },
    "new_exists": {
        "vi": "đã có thẻ {path}; không ghi đè",
        "en": "{path} already exists; not overwritten",
    },
    "stats_written": {
        "vi": "Đã ghi thống kê vào {path}",
        "en": "Statistics written to {path}",
    },
    # -- reviews (content/reviews.yml, kept by the review board) ---------------------------------
    "reviews_bad_shape": {
        "vi": "tệp duyệt phải có dạng `reviews:` rồi mỗi mục gồm card, sha256, by, date",
        "en": "the reviews file must be `reviews:` followed by items with card, sha256, by, date",
    },
    "reviews_bad_hash": {
        "vi": "sha256 phải là 64 chữ số hệ mười sáu; đừng sửa tay, hãy chạy `python build.py review`",
        "en": "sha256 must be 64 hexadecimal digits; do not edit it by hand, run `python build.py review`",
    },
    "reviews_duplicate": {
        "vi": "thẻ \"{card}\" đã có một lượt duyệt ở dòng {first_line}; giữ lại một lượt",
        "en": "card \"{card}\" already has a review on line {first_line}; keep one",
    },
    "review_unknown_card": {
        "vi": "không có thẻ nào tên \"{card}\" (thẻ đã đổi tên hoặc bị xoá?); xoá lượt duyệt này",
        "en": "no card is named \"{card}\" (renamed or removed?); remove this review",
    },
    "review_stale": {
        "vi": "thẻ đã được sửa sau khi {by} duyệt ngày {date}, nên hiện là \"chưa duyệt\"; tổ duyệt cần "
        "đọc lại và chạy `python build.py review` cho thẻ này",
        "en": "the card changed after {by} reviewed it on {date}, so it shows as not reviewed; the review "
        "board must read it again and run `python build.py review` on it",
    },
    "review_needs_name": {
        "vi": "--by cần họ tên người duyệt",
        "en": "--by needs the reviewer's name",
    },
    "review_recorded": {
        "vi": "Đã ghi nhận: {card} được {by} duyệt ngày {date}",
        "en": "Recorded: {card} reviewed by {by} on {date}",
    },
    "schema_written": {
        "vi": "Đã ghi lược đồ JSON vào {path}",
        "en": "JSON Schema written to {path}",
    },
    "usage_error": {
        "vi": "lỗi cách dùng: {detail}",
        "en": "usage error: {detail}",
    },
    # -- robustness: bounded input, limits, taxonomy schema, aliases, output paths (issue #14) --
    "card_symlink": {
        "vi": "tệp thẻ là một liên kết (symlink) tới \"{target}\"; thẻ phải là tệp thật nằm trong "
        "activities/: hãy chép nội dung vào đây thay cho liên kết",
        "en": "the card file is a symbolic link to \"{target}\"; a card must be a real file inside "
        "activities/: copy the content here instead of linking",
    },
    "card_not_regular_file": {
        "vi": "đây không phải tệp văn bản thường (thiết bị, FIFO…); thẻ phải là một tệp .md",
        "en": "this is not a regular file (a device, a FIFO…); a card must be a .md file",
    },
    "card_too_large": {
        "vi": "tệp thẻ lớn hơn {limit} byte (giới hạn ở content/taxonomy/limits.yml); hãy tách thành "
        "nhiều thẻ hoặc bỏ bớt nội dung",
        "en": "the card file is larger than {limit} bytes (limit in content/taxonomy/limits.yml); split it "
        "into several cards or shorten it",
    },
    "control_character": {
        "vi": "có ký tự điều khiển không in được {code} ({name}) ở cột {column} ({count} ký tự như vậy "
        "trong phần này); hãy xoá chúng (thường lẫn vào khi chép từ nơi khác)",
        "en": "invisible control character {code} ({name}) at column {column} ({count} such character(s) "
        "in this part); delete them (they usually come with copied text)",
    },
    "body_too_large": {
        "vi": "phần nội dung dài {actual} byte, quá giới hạn {limit} byte; hãy tách thành nhiều thẻ "
        "(nhiều buổi) hoặc bỏ bớt",
        "en": "the body is {actual} bytes, over the limit of {limit}; split it into several cards "
        "(sessions) or shorten it",
    },
    "body_too_many_tags": {
        "vi": "phần nội dung có {actual} thẻ HTML (<…>), quá giới hạn {limit}; hãy viết bằng Markdown "
        "thay cho HTML",
        "en": "the body has {actual} HTML tags (<…>), over the limit of {limit}; write Markdown instead of HTML",
    },
    "body_unclosed_tags": {
        "vi": "quá {limit} dấu < mở thẻ HTML mà không có dấu > đóng lại, tính đến dòng này; viết dấu nhỏ hơn "
        "cách ra (\"x < y\") hoặc đóng thẻ cho đủ",
        "en": "more than {limit} HTML tags opened with < and never closed by >, up to this line; write a "
        "less-than sign with spaces (\"x < y\") or close the tags",
    },
    "body_too_deep": {
        "vi": "{what} lồng nhau quá {limit} cấp ở dòng này; hãy viết phẳng hơn (tách thành các mục "
        "hoặc đoạn riêng)",
        "en": "{what} nested more than {limit} levels deep from this line; flatten it (separate items "
        "or paragraphs)",
    },
    "body_emphasis_run": {
        "vi": "một dãy {actual} dấu * hoặc _ liền nhau, quá giới hạn {limit}; in đậm chỉ cần **chữ**, "
        "in nghiêng *chữ*",
        "en": "a run of {actual} * or _ characters, over the limit of {limit}; bold is **text**, italic *text*",
    },
    "list_too_long": {
        "vi": "danh sách có {actual} mục, quá giới hạn {limit} (content/taxonomy/limits.yml); hãy gộp "
        "hoặc bỏ bớt mục, hoặc tách thành nhiều thẻ",
        "en": "the list has {actual} items, over the limit of {limit} (content/taxonomy/limits.yml); "
        "merge or drop items, or split the card",
    },
    "text_too_long": {
        "vi": "nội dung dài {actual} ký tự, quá giới hạn {limit}; hãy viết ngắn gọn hơn hoặc chuyển "
        "phần chi tiết xuống nội dung thẻ",
        "en": "the text is {actual} characters, over the limit of {limit}; shorten it or move the detail "
        "into the card's body",
    },
    "taxonomy_unknown_key": {
        "vi": "khoá không dùng ở đây (dùng được: {known}); kiểm tra lỗi chính tả",
        "en": "key not used here (known keys: {known}); check the spelling",
    },
    "taxonomy_not_a_count": {
        "vi": "\"{value}\" phải là một số nguyên lớn hơn 0",
        "en": "\"{value}\" must be a whole number greater than 0",
    },
    "taxonomy_bad_schema": {
        "vi": "lược đồ (schema) của trường này sai: {problem}",
        "en": "this field's schema is wrong: {problem}",
    },
    "taxonomy_bad_pattern": {
        "vi": "mẫu (pattern) \"{pattern}\" không phải biểu thức chính quy hợp lệ ({problem})",
        "en": "pattern \"{pattern}\" is not a valid regular expression ({problem})",
    },
    "taxonomy_bad_markdown": {
        "vi": "không dựng được nội dung thẻ với các phần mở rộng Markdown này ({problem}); kiểm tra tên và tuỳ chọn",
        "en": "card bodies cannot be rendered with these Markdown extensions ({problem}); check names and options",
    },
    "taxonomy_not_text": {
        "vi": "`{key}` phải là một dòng chữ, không phải danh sách hay nhóm khoá",
        "en": "`{key}` must be text, not a list or a mapping",
    },
    "taxonomy_code_not_slug": {
        "vi": "mã \"{code}\" chỉ được gồm chữ thường không dấu, số và dấu - (mã này nằm trong địa chỉ trang)",
        "en": "code \"{code}\" may only contain lowercase ASCII letters, digits and - (it is part of page addresses)",
    },
    "taxonomy_bad_default": {
        "vi": "giá trị mặc định \"{value}\" không hợp lệ với lược đồ của trường này ({problem})",
        "en": "default value \"{value}\" does not fit this field's schema ({problem})",
    },
    "taxonomy_default_required": {
        "vi": "trường `{key}` cần `default:` (trang thẻ luôn hiển thị giá trị này)",
        "en": "field `{key}` needs a `default:` (card pages always show this value)",
    },
    "alias_reserved": {
        "vi": "\"{alias}\" trùng với đường dẫn một trang của thư viện; hãy chọn tên khác",
        "en": "\"{alias}\" is the path of one of the library's own pages; choose another name",
    },
    "card_wrong_extension": {
        "vi": "tệp \"{name}\" bị bỏ qua: thẻ phải có đuôi .md viết thường; đổi tên thành \"{suggestion}\"",
        "en": "file \"{name}\" is ignored: cards must end in lowercase .md; rename it to \"{suggestion}\"",
    },
    "image_windows_path": {
        "vi": "ảnh \"{path}\" là đường dẫn Windows trên máy của bạn; hãy chép ảnh vào thư mục của thẻ và "
        "ghi đường dẫn tương đối với dấu /, ví dụ anh/thuyen.jpg",
        "en": "image \"{path}\" is a Windows path on your computer; copy the image into the card's folder "
        "and write a relative path with /, e.g. anh/thuyen.jpg",
    },
    "image_name_too_long": {
        "vi": "tên ảnh \"{path}\" dài quá {limit} ký tự; hãy đặt tên ngắn hơn",
        "en": "image name \"{path}\" is longer than {limit} characters; give it a shorter name",
    },
    "output_is_folder": {
        "vi": "\"{path}\" là một thư mục; hãy ghi tên tệp, ví dụ {example}",
        "en": "\"{path}\" is a folder; give a file name, e.g. {example}",
    },
    "output_unwritable": {
        "vi": "không ghi được \"{path}\" ({reason}); hãy chọn thư mục khác",
        "en": "cannot write \"{path}\" ({reason}); choose another folder",
    },
    "build_page_failed": {
        "vi": "không dựng được trang {page} ({reason}); chạy python build.py check và sửa thẻ {slug}",
        "en": "could not build page {page} ({reason}); run python build.py check and fix card {slug}",
    },
    # -- safety net v2: hazards found in every text, durations (issue #15) --------------------
    "hazard_word_forbidden_age": {
        "vi": "\"{word}\" có mối nguy \"{hazard}\" ({label}), không được dùng cho độ tuổi {ages}; bỏ khỏi "
        "thẻ hoặc bỏ độ tuổi đó khỏi `ages`{safe}",
        "en": "\"{word}\" carries hazard \"{hazard}\" ({label}), which is not allowed for age band {ages}; "
        "remove it or that age band{safe}",
    },
    "hazard_found_in_note": {
        "vi": " (ghi chú của vật liệu nói \"{word}\")",
        "en": " (its note says \"{word}\")",
    },
    "hazard_safe_forms": {
        "vi": " (hoặc ghi rõ cách làm an toàn ngay bên cạnh: {forms})",
        "en": " (or write the safe form right next to it: {forms})",
    },
    "hazard_step_needs_adult": {
        "vi": "bước này dùng \"{word}\" ({label}), việc chỉ người lớn được làm; ghi \"{marker}: …\" ngay trong "
        "bước này cho phần người lớn làm, trẻ chỉ quan sát",
        "en": "this step uses \"{word}\" ({label}), which only an adult may handle; write \"{marker}: …\" "
        "in this very step for the adult's part, children only watch",
    },
    "hazard_text_needs_adult": {
        "vi": "\"{word}\" ({label}) là việc chỉ người lớn được làm; ghi rõ trong câu này rằng người lớn làm "
        "(ví dụ \"{marker}\", \"Việc của bố mẹ\")",
        "en": "\"{word}\" ({label}) is for adults only; say in this sentence that an adult does it "
        "(e.g. \"{marker}\", \"Việc của bố mẹ\")",
    },
    "forbidden_item": {
        "vi": "\"{word}\" ({label}) không được dùng trong hoạt động của trẻ mầm non: {reason}; bỏ khỏi thẻ",
        "en": "\"{word}\" ({label}) must not be used in preschool activities: {reason}; remove it",
    },
    "hazard_misuse": {
        "vi": "\"{word}\" được dùng theo cách bị cấm (\"{misuse}\"; {label}); viết lại bước này: {point}",
        "en": "\"{word}\" is used in a forbidden way (\"{misuse}\"; {label}); rewrite this step: {point}",
    },
    "duration_too_long": {
        "vi": "{duration} phút dài hơn một hoạt động thường gặp của trẻ {age} (khoảng {typical} phút); nên chia "
        "thành {sessions} buổi, mỗi buổi khoảng {each} phút",
        "en": "{duration} minutes is longer than one usual activity for {age} (about {typical} minutes); "
        "consider splitting it into {sessions} sessions of about {each} minutes",
    },
    # -- site generator: MkDocs or ProperDocs, KHO_STEM_GENERATOR (issue #17, item 5) -------
    "generator_unknown": {
        "vi": "biến môi trường {variable}=\"{value}\" không phải trình dựng trang được hỗ trợ (hợp lệ: {choices}); "
        "hãy sửa giá trị hoặc bỏ biến này để dựng bằng MkDocs",
        "en": "environment variable {variable}=\"{value}\" is not a supported site generator (valid: {choices}); "
        "fix the value or unset it to build with MkDocs",
    },
    "generator_missing": {
        "vi": "{variable}={value} nhưng {value} chưa được cài; hãy chạy {command} hoặc bỏ biến này để dựng bằng MkDocs",
        "en": "{variable}={value} but {value} is not installed; run {command} or unset it to build with MkDocs",
    },
    # -- build.py serve's preview of one edited card (issue #18) --------------------------------
    "preview_banner": {
        "vi": "Bản xem trước: chỉ thẻ này được dựng lại; danh sách và tìm kiếm cập nhật khi dựng lại toàn bộ "
        "(khi sửa tệp khác ngoài thẻ, hoặc khởi động lại build.py serve).",
        "en": "Preview: only this card was rebuilt; lists and search are updated by a full rebuild "
        "(when a file other than a card changes, or when build.py serve restarts).",
    },
    "preview_broken_page": {
        "vi": "Thẻ này đang có lỗi nên chưa dựng lại được. Sửa các lỗi dưới đây rồi lưu lại:",
        "en": "This card has problems, so it was not rebuilt. Fix the problems below and save again:",
    },
    "preview_rebuilt": {
        "vi": "Xem trước: đã kiểm tra lại và dựng lại riêng trang của {card} ({seconds} giây)",
        "en": "Preview: checked again and rebuilt only the page of {card} ({seconds} s)",
    },
    "preview_broken": {
        "vi": "Xem trước: {card} có {problems} lỗi (ở trên), trang của thẻ hiện các lỗi này",
        "en": "Preview: {card} has {problems} problem(s) (above); the card's page lists them",
    },
    # --- build.py materials: the danh mục tối thiểu (issue #20) ---
    "materials_bad_share": {
        "vi": "--share \"{value}\" không dùng được: ghi tỉ lệ số thẻ từ 0 đến 1 (ví dụ 0.8) hoặc phần trăm (80%)",
        "en": ("--share \"{value}\" cannot be used: give the share of cards between 0 and 1 (e.g. 0.8) "
               "or a percentage (80%)"),
    },
    "materials_bad_class_size": {
        "vi": "--class-size \"{value}\" không dùng được: ghi sĩ số lớp là số nguyên từ 1 đến 100 (ví dụ 25)",
        "en": "--class-size \"{value}\" cannot be used: give the class size as a whole number from 1 to 100 (e.g. 25)",
    },
    "materials_unknown_age": {
        "vi": "--age \"{value}\" không phải mã độ tuổi; dùng một trong: {known}",
        "en": "--age \"{value}\" is not an age band code; use one of: {known}",
    },
    "materials_written": {
        "vi": "Đã ghi danh mục vật liệu vào {path}",
        "en": "Materials list written to {path}",
    },
    # -- materials.yml: everyday items and substitutes (issue #23, items 7 and 8) ------------
    "taxonomy_not_boolean": {
        "vi": "`{key}` phải là true hoặc false (ví dụ `{key}: true`), không phải \"{value}\"; sửa lại hoặc bỏ dòng này",
        "en": "`{key}` must be true or false (e.g. `{key}: true`), not \"{value}\"; fix it or remove the line",
    },
    "taxonomy_unknown_substitute": {
        "vi": "\"{material}\" ghi \"{code}\" trong `substitutes`, nhưng materials.yml không có vật liệu mã "
        "\"{code}\"{hint}; sửa thành mã của một vật liệu có trong tệp hoặc thêm vật liệu đó vào `items`",
        "en": "\"{material}\" lists \"{code}\" in `substitutes`, but materials.yml has no material with code "
        "\"{code}\"{hint}; use the code of a material in the file or add that material to `items`",
    },
    "taxonomy_substitute_itself": {
        "vi": "\"{code}\" không thể dùng thay cho chính nó; bỏ mã này khỏi `substitutes`",
        "en": "\"{code}\" cannot stand in for itself; remove it from `substitutes`",
    },
    # Search synonyms (content/taxonomy/synonyms.yml, #23 item 2)
    "synonyms_too_few": {
        "vi": "nhóm từ đồng nghĩa [{words}] cần ít nhất hai từ khác nhau (không tính dấu), ví dụ "
              "words: [thìa, muỗng]; thêm một từ hoặc xoá nhóm này",
        "en": "synonym group [{words}] needs at least two words that differ (diacritics ignored), e.g. "
              "words: [thìa, muỗng]; add a word or remove the group",
    },
    "synonyms_word_twice": {
        "vi": "từ \"{word}\" (không tính dấu) đã có trong nhóm thứ {group}; mỗi từ chỉ thuộc một nhóm, "
              "hãy gộp hai nhóm hoặc bỏ từ ở một nhóm",
        "en": "word \"{word}\" (diacritics ignored) is already in group {group}; a word belongs to one group "
              "only: merge the two groups or remove the word from one",
    },
    "synonyms_empty_word": {
        "vi": "nhóm từ đồng nghĩa có một từ trống; xoá mục trống trong `words`",
        "en": "a synonym group has an empty word; remove the empty entry from `words`",
    },
    # --- The library as a ZIM file for Kiwix (build.py zim, content/zim.yml) ---
    "zim_written": {
        "vi": "Đã ghi tệp ZIM cho Kiwix ({cards} thẻ, {entries} mục): {path} ({megabytes} MB)",
        "en": "ZIM file for Kiwix written ({cards} cards, {entries} entries): {path} ({megabytes} MB)",
    },
    "zim_failed": {
        "vi": "không ghi được tệp ZIM \"{path}\" ({reason}); không để lại tệp ghi dở nào. Hãy kiểm tra chỗ trống "
              "trên đĩa và quyền ghi vào thư mục, hoặc chọn nơi khác bằng --output, rồi chạy lại",
        "en": "cannot write the ZIM file \"{path}\" ({reason}); nothing half-written was left. Check the free disk "
              "space and the folder's permissions, or choose another place with --output, then run again",
    },
    "zim_libzim_missing": {
        "vi": "chưa cài thư viện libzim để ghi tệp ZIM; cài bằng lệnh: {command}",
        "en": "the libzim library, which writes ZIM files, is not installed; install it with: {command}",
    },
    "zim_metadata_missing_file": {
        "vi": "thiếu tệp {name}: tệp này ghi tên, mô tả, người tạo và nhãn mà Kiwix hiện cho tệp ZIM",
        "en": "{name} is missing: it holds the name, description, creator and tags Kiwix shows for the ZIM file",
    },
    "zim_metadata_bad_shape": {
        "vi": "tệp thông tin ZIM không đúng cấu trúc; cần các dòng dạng `khoá: giá trị`: {expected}",
        "en": "the ZIM information file has the wrong shape; it needs `key: value` lines: {expected}",
    },
    "zim_metadata_not_text": {
        "vi": "cần một dòng chữ không để trống, ví dụ {example}",
        "en": "needs non-empty text, for example {example}",
    },
    "zim_metadata_not_tags": {
        "vi": "cần danh sách nhãn, mỗi nhãn là chữ không có dấu chấm phẩy, ví dụ [stem, mam-non]",
        "en": "needs a list of tags, each text without a semicolon, for example [stem, mam-non]",
    },
    "zim_metadata_too_long": {
        "vi": "dài {length} ký tự; Kiwix chỉ hiện trọn {limit} ký tự, hãy viết ngắn lại",
        "en": "is {length} characters long; Kiwix shows at most {limit}, make it shorter",
    },
    "zim_metadata_bad_name": {
        "vi": "\"{value}\" không dùng được làm tên ZIM: chỉ chữ thường không dấu, số, dấu gạch ngang và gạch dưới, "
              "ví dụ kho-stem-mam-non_vi_all",
        "en": "\"{value}\" cannot be a ZIM name: lowercase ASCII letters, digits, hyphens and underscores only, "
              "for example kho-stem-mam-non_vi_all",
    },
    # -- the teacher's plan ("Kế hoạch của tôi"): its weeks and days (weeks.yml, weekdays.yml) --
    "taxonomy_plan_list_empty": {
        "vi": "danh sách {name} của kế hoạch giáo viên không có mục nào; thêm ít nhất một mục (code, label, "
              "label_en), nếu không trang “Kế hoạch của tôi” không xếp được hoạt động vào đâu",
        "en": "the teacher's plan list {name} has no items; add at least one (code, label, label_en), otherwise "
              "the “Kế hoạch của tôi” page has nowhere to place activities",
    },
    # -- the giáo án (.docx) of each card (issue #19) ----------------------------------------------
    "lesson_plan_fallback": {
        "vi": "cần đúng một loại mục tiêu có fallback: true (đang có {count}); mục tiêu không chứa từ nào "
        "trong words sẽ được xếp vào loại đó trong giáo án",
        "en": "exactly one objective kind must have fallback: true (found {count}); objectives naming none "
        "of the words go under it in the lesson plan",
    },
    "lesson_plan_failed": {
        "vi": "không tạo được giáo án (.docx) của thẻ này: {reason}. Hãy báo lỗi này cho nhóm phát triển; "
        "trang của thẻ vẫn được dựng, chỉ thiếu liên kết tải giáo án",
        "en": "could not make this card's lesson plan (.docx): {reason}. Please report it to the developers; "
        "the card's page is still built, without the lesson plan link",
    },
    # The web form for cards (Sveltia CMS, kho_stem/outputs/cms_config.py and the editor page)
    "cms_config_written": {
        "vi": "Đã ghi cấu hình biểu mẫu viết thẻ (CMS) vào {path}",
        "en": "Web form (CMS) configuration written to {path}",
    },
    "cms_collection_label": {
        "vi": "Thẻ: {process}",
        "en": "Cards: {process}",
    },
    "cms_collection_singular": {
        "vi": "thẻ: {process}",
        "en": "card: {process}",
    },
    "cms_body_label": {
        "vi": "Nội dung hoạt động",
        "en": "Activity steps",
    },
    "cms_body_hint_steps": {
        "vi": "Giữ nguyên các tiêu đề \"##\" theo đúng thứ tự các bước ({steps}); viết cách tiến hành dưới mỗi "
        "tiêu đề. Ảnh chèn vào đây được lưu trong thư mục của thẻ.",
        "en": "Keep the \"##\" headings in the order of the steps ({steps}); write what happens under each. "
        "Images inserted here are saved in the card's folder.",
    },
    "cms_body_hint_free": {
        "vi": "Viết phần chuẩn bị và cách tiến hành dưới các tiêu đề \"##\"; ảnh chèn vào đây được lưu trong "
        "thư mục của thẻ.",
        "en": "Write the preparation and the steps under \"##\" headings; images inserted here are saved in "
        "the card's folder.",
    },
    "cms_body_free_headings": {
        "vi": "Chuẩn bị|Cách tiến hành",
        "en": "Preparation|Steps",
    },
    "cms_step_heading": {
        "vi": "Bước {number}: {label}",
        "en": "Step {number}: {label}",
    },
    "cms_page_title": {
        "vi": "Viết thẻ hoạt động",
        "en": "Write an activity card",
    },
    "cms_page_noscript": {
        "vi": "Biểu mẫu viết thẻ cần bật JavaScript trong trình duyệt.",
        "en": "The card form needs JavaScript enabled in the browser.",
    },
    "cms_not_installed": {
        "vi": "Bỏ qua trang biểu mẫu viết thẻ (bien-tap/): chưa cài Sveltia CMS; chạy `npm ci` ở thư mục dự án "
        "rồi dựng lại",
        "en": "Editor page (bien-tap/) left out: Sveltia CMS is not installed; run `npm ci` in the project folder "
        "and build again",
    },
    "cms_bad_auth_url": {
        "vi": "{variable}: \"{value}\" không phải địa chỉ https của trình xác thực (ví dụ "
        "https://sveltia-cms-auth.ten-truong.workers.dev); biểu mẫu viết thẻ tạm chỉ cho đăng nhập bằng mã truy cập "
        "cá nhân. Sửa biến này trong Settings → Secrets and variables → Actions → Variables",
        "en": "{variable}: \"{value}\" is not the https address of an authenticator (e.g. "
        "https://sveltia-cms-auth.school.workers.dev); the card form offers token sign-in only until it is fixed in "
        "Settings → Secrets and variables → Actions → Variables",
    },
    "taxonomy_part_untitled": {
        "vi": "phần `{part}` chưa có `title`: thêm tên tiếng Việt hiện trong biểu mẫu viết thẻ, "
        "như `name: {{title: Tên vật liệu, type: string}}` của vật liệu",
        "en": "part `{part}` has no `title`: add the Vietnamese name the card form shows, "
        "like a material's `name: {{title: Tên vật liệu, type: string}}`",
    },
    "cms_nav_label": {
        "vi": "Viết thẻ",
        "en": "Write a card",
    },
    # -- pictures: icons of topics, STEM fields and age bands (issue #23, item 12) -------------
    "taxonomy_unknown_icon": {
        "vi": "biểu tượng \"{icon}\" không có trong bộ biểu tượng đi kèm Material for MkDocs ({folder}); "
        "ghi tên một tệp có sẵn ở đó, bỏ đuôi .svg, ví dụ \"material/water\"{suggestion}",
        "en": "icon \"{icon}\" is not among the icons bundled with Material for MkDocs ({folder}); "
        "write the name of a file there without .svg, e.g. \"material/water\"{suggestion}",
    },
}

TYPE_NAMES: dict[str, dict[str, str]] = {
    "string": {"vi": "chữ", "en": "text"},
    "integer": {"vi": "số nguyên", "en": "a whole number"},
    "number": {"vi": "số", "en": "a number"},
    "boolean": {"vi": "giá trị đúng/sai", "en": "true/false"},
    "array": {"vi": "danh sách (mỗi mục một dòng bắt đầu bằng `- `)", "en": "a list (one `- ` line per item)"},
    "object": {"vi": "nhóm trường dạng `khoá: giá trị`", "en": "a mapping of `key: value`"},
    "null": {"vi": "để trống", "en": "empty"},
    "date": {"vi": "ngày tháng", "en": "a date"},
}

_OR = {"vi": " hoặc ", "en": " or "}


@dataclass(frozen=True)
class Text:
    """A value shown in the reader's language, such as a taxonomy label."""

    vi: str
    en: str

    def render(self, language: str) -> str:
        return self.en if language == "en" else self.vi


@dataclass(frozen=True)
class Phrase:
    """A message used inside another message (a "did you mean" hint)."""

    key: str
    params: tuple[tuple[str, object], ...]

    def render(self, language: str) -> str:
        return message(self.key, language, **dict(self.params))


def phrase(key: str, **params: object) -> Phrase:
    return Phrase(key, tuple(params.items()))


def message(key: str, language: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
    """The message ``key`` in ``language`` with ``params`` filled in (and rendered)."""
    texts = MESSAGES[key]
    rendered = {name: value.render(language) if isinstance(value, (Text, Phrase)) else value
                for name, value in params.items()}
    return texts.get(language, texts[DEFAULT_LANGUAGE]).format(**rendered)


def type_name(json_type: str | list[str]) -> Text:
    types = [json_type] if isinstance(json_type, str) else json_type
    names = {lang: _OR[lang].join(TYPE_NAMES.get(t, {}).get(lang, t) for t in types) for lang in LANGUAGES}
    return Text(**names)
