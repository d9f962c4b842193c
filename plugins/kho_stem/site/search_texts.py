"""What the search says and the orders the catalog offers, written once here and shipped to the
browser in the catalog data (``search_data.catalog_data``), so the scripts never spell a label of
their own."""

from __future__ import annotations

from dataclasses import dataclass

# The page address's key for a sort order the teacher chose ("#q=nuoc&sap=ngan-nhat").
SORT_CONTROL = "sap"


@dataclass(frozen=True)
class SortOrder:
    code: str  # in the page address
    label: str
    field: str | None  # the card entry's field to sort by; None: by how well a card matches the query
    descending: bool


RELEVANCE = SortOrder("phu-hop", "Phù hợp nhất", None, True)
# The first order after relevance is the one without a query.
SORT_ORDERS = (
    RELEVANCE,
    SortOrder("moi-nhat", "Mới cập nhật nhất", "up", True),
    SortOrder("ngan-nhat", "Ngắn nhất", "n", False),
    SortOrder("it-vat-lieu", "Ít vật liệu nhất", "nm", False),
)

# {query} is the text as typed; the browser adds the quotes' content, never the markup.
SEARCH_TEXTS = {
    "noMatch": "Không có hoạt động nào khớp với “{query}”.",
    "noMatchWithFilters": "Không có hoạt động nào khớp với “{query}” trong các bộ lọc đang chọn. "
                          "Bỏ bớt bộ lọc để tìm rộng hơn.",
    "noMatchFiltersOnly": "Không có hoạt động nào hợp với các bộ lọc đang chọn. Bỏ bớt bộ lọc để thấy thêm.",
    "didYouMean": "Có phải cô muốn tìm:",
    "sortLabel": "Sắp xếp",
    # The catalog: a query typed before the search text (search-text.js) has arrived, or it failed.
    "textLoading": "Đang tải dữ liệu tìm kiếm…",
    "textFailed": "Không tải được dữ liệu tìm kiếm.",
    # The catalog's counts, buttons and the line a printed list starts with ({count} a number).
    "found": "Tìm thấy {count} hoạt động.",
    "showFound": "Xem {count} hoạt động",
    "showMore": "Xem thêm {count} hoạt động",
    "ticked": "({count} đang chọn)",
    "printQuery": "Từ khoá: {query}",
    "printReviewed": "Chỉ thẻ đã duyệt",
    "printEverything": "Mọi hoạt động",
    # The header's search box.
    "headerHint": "Gõ tên hoạt động, chủ đề hay vật liệu; có dấu hay không dấu đều được.",
    "headerFound": "Tìm thấy {cards} hoạt động",
    "headerFoundPages": "Tìm thấy {cards} hoạt động và {pages} trang",
    "headerCard": "Hoạt động",
    "headerPage": "Trang",
    "headerAll": "Xem tất cả {count} hoạt động trong Thư viện",
}
# Shown when the catalog data itself cannot load: the page carries it (``data-ks-failed``), not the data.
DATA_FAILED = "Không tải được dữ liệu thư viện."


def sort_orders_data() -> list[dict[str, object]]:
    return [{"code": order.code, "label": order.label, "field": order.field, "desc": int(order.descending)}
            for order in SORT_ORDERS]
