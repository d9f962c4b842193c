#!/usr/bin/env bash
# Used by the pull-request workflow: a pull request that changes content/reviews.yml must come from
# a member of the review board, named in the BASE branch's .github/CODEOWNERS on the line for
# /content/reviews.yml (the pull request cannot change who the board is for itself).
# Usage: scripts/check_review_authority.sh BASE_REF AUTHOR_LOGIN   (exit 1 when refused)
set -euo pipefail
base="$1"
author="$2"
if ! git diff --name-only "$base"...HEAD -- content/reviews.yml | grep -q .; then
  echo "Không đổi content/reviews.yml: không cần tổ duyệt."
  exit 0
fi
owners=$(git show "$base:.github/CODEOWNERS" 2>/dev/null | awk '$1 == "/content/reviews.yml" { for (i = 2; i <= NF; i++) print $i }')
if printf '%s\n' $owners | grep -qixF -- "@$author"; then
  echo "content/reviews.yml được đổi bởi @$author, thành viên tổ duyệt."
  exit 0
fi
echo "::error file=content/reviews.yml,line=1,title=reviews::Chỉ tổ duyệt được ghi lượt duyệt. @$author không có tên trong .github/CODEOWNERS (dòng /content/reviews.yml) của nhánh chính; hãy bỏ thay đổi ở content/reviews.yml khỏi yêu cầu này."
exit 1
