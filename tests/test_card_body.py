"""A card's body on its page: only top-level headings go back to the generator, as escaped text."""

from __future__ import annotations

from kho_stem.cards.body_html import BodyRenderer, HtmlPolicy
from kho_stem.site.card_body import _split_top_level_headings


def test_top_level_headings_are_lifted_with_their_id_and_class_and_nothing_else(taxonomy):
    body = ("## Chuẩn bị { #chuan-bi .ghi-chu }\n\nChữ **đậm** và `<h2>mã</h2>`.\n\n"
            "!!! note \"Ghi chú\"\n    ## Không nâng\n\n    Trong hộp.\n\n"
            "### Bước 1 & 2: a < b\n\n<div markdown>\n#### Ở trong div\n</div>\n\n"
            "![ảnh](anh.png)\n\n#### Cuối [x](https://moet.gov.vn)\n")
    rendered = BodyRenderer(HtmlPolicy.from_taxonomy(taxonomy)).render(body, 1)
    parts = _split_top_level_headings(rendered.html)
    headings = [content.strip() for kind, content in parts if kind == "markdown"]
    # The policy keeps the id, not the class; a link in a heading becomes its text.
    assert headings == ["## Chuẩn bị { #chuan-bi }",
                        "### Bước 1 &#38; 2: a &#60; b",
                        "#### Cuối x"]
    html = "".join(content for kind, content in parts if kind == "html")
    assert "Không nâng" in html and "Ở trong div" in html and "&lt;h2&gt;mã&lt;/h2&gt;" in html
    # Every byte of the body is kept, in order, but for the lifted headings' own elements.
    assert parts[0] == ("html", "")
    assert [kind for kind, _ in parts] == ["html", "markdown", "html", "markdown", "html", "markdown", "html"]


def test_a_greater_than_sign_in_an_attribute_does_not_end_the_tag():
    body = '<h2 title="a &gt; b" id="x">Một</h2><p title="<h2>">Hai</p><h3>Ba</h3>'
    parts = _split_top_level_headings(body)
    assert [content.strip() for kind, content in parts if kind == "markdown"] == ["## Một { #x }", "### Ba"]
    assert ("html", '<p title="<h2>">Hai</p>') in parts
