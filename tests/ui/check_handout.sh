#!/usr/bin/env bash
# ctest ui.handout: the built-in deck's handouts, worksheets and answer keys,
# made headless by `attnviz --lesson FILE --handout|--worksheet|--answer-key
# OUT.pdf`, checked with poppler-utils. Handout: one page per slide plus the
# answers page, every slide's title on its page, the question and the answers
# where they belong, the first page rendered to a PNG that is not blank.
# Worksheet: one page per question, each with its prompt and a name line, and
# no answer, no "→", no reasoning. Answer key: the planned minutes (the sum of
# the file's minutes: lines), every answer, every presenter note.
#   check_handout.sh ATTNVIZ_EXE SOURCE_DIR
set -euo pipefail
exe=$1
src=$2
for tool in pdfinfo pdftotext pdftoppm; do
  command -v "$tool" >/dev/null || { echo "check_handout: $tool is missing (apt-get install poppler-utils)" >&2; exit 1; }
done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export QT_QPA_PLATFORM=offscreen
fail() { echo "check_handout: $*" >&2; exit 1; }
lessons=0
for f in "$src"/resources/lessons/*.md; do
  name=$(basename "$f" .md)
  pdf="$out/$name.pdf"
  "$exe" --lesson "$f" --handout "$pdf" 2> >(grep -v propagateSizeHints >&2) || fail "$name: attnviz exited with $?"
  slides=$(grep -c '^## ' "$f")
  questions=$(grep -c '^question: ' "$f")
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  [ "$pages" -eq $((slides + 1)) ] || fail "$name: $pages pages, expected $slides slides + 1 answers page"
  i=0
  while IFS= read -r title; do
    i=$((i + 1))
    page=$(pdftotext -f "$i" -l "$i" -layout "$pdf" - | sed "s/ﬁ/fi/g; s/ﬂ/fl/g; s/ﬀ/ff/g" | tr -s ' \n' ' ')
    words=$(echo "$title" | cut -c1-24)
    grep -qF -- "$words" <<<"$page" || fail "$name: page $i lacks its title '$title'"
    grep -qF -- "slide $i of $slides" <<<"$page" || fail "$name: page $i lacks 'slide $i of $slides'"
  done < <(sed -n 's/^## //p' "$f")
  all=$(pdftotext "$pdf" - | tr -s ' \n' ' ')
  [ "$(grep -o 'Question:' <<<"$all" | wc -l)" -eq "$questions" ] || fail "$name: expected $questions questions"
  answers=$(pdftotext -f "$pages" -l "$pages" "$pdf" - | tr -s ' \n' ' ')
  grep -qF "Answers" <<<"$answers" || fail "$name: the last page is not the answers page"
  [ "$(grep -o '→' <<<"$answers" | wc -l)" -eq "$questions" ] || fail "$name: the answers page does not answer all $questions questions"
  pdftoppm -png -r 40 -f 1 -l 1 "$pdf" "$out/$name"
  png=$(ls "$out/$name"-*.png | head -1)
  [ "$(stat -c %s "$png")" -gt 8000 ] || fail "$name: page 1 renders (almost) blank"
  # The worksheet.
  ws="$out/$name-worksheet.pdf"
  "$exe" --lesson "$f" --worksheet "$ws" 2> >(grep -v propagateSizeHints >&2) || fail "$name: --worksheet exited with $?"
  wpages=$(pdfinfo "$ws" | awk '/^Pages:/ {print $2}')
  [ "$wpages" -eq "$questions" ] || fail "$name: the worksheet has $wpages pages, expected one per question ($questions)"
  wtext=$(pdftotext "$ws" - | sed "s/ﬁ/fi/g; s/ﬂ/fl/g; s/ﬀ/ff/g" | tr -s " \n" " ")
  while IFS= read -r prompt; do
    grep -qF -- "$(echo "$prompt" | cut -c1-24)" <<<"$wtext" || fail "$name: the worksheet lacks the question '$prompt'"
  done < <(sed -n 's/^question: //p' "$f")
  [ "$(grep -o 'Name:' <<<"$wtext" | wc -l)" -eq "$questions" ] || fail "$name: a worksheet page lacks its name line"
  for leak in '→' 'Answer:' 'Answers' 'Why:' 'Right!'; do
    if grep -qF -- "$leak" <<<"$wtext"; then fail "$name: the worksheet shows '$leak'"; fi
  done
  # The answer key.
  key="$out/$name-key.pdf"
  "$exe" --lesson "$f" --answer-key "$key" 2> >(grep -v propagateSizeHints >&2) || fail "$name: --answer-key exited with $?"
  ktext=$(pdftotext "$key" - | sed "s/ﬁ/fi/g; s/ﬂ/fl/g; s/ﬀ/ff/g" | tr -s " \n" " ")
  minutes=$(sed -n 's/^minutes: //p' "$f" | awk '{s += $1} END {printf "%g", s}')
  grep -qF "Planned time: $minutes minutes" <<<"$ktext" || fail "$name: the answer key does not plan $minutes minutes"
  [ "$(grep -o 'Answer:' <<<"$ktext" | wc -l)" -eq "$questions" ] || fail "$name: the answer key does not answer all $questions questions"
  notes=$(grep -c '^notes: ' "$f" || true)
  [ "$(grep -o 'Presenter notes:' <<<"$ktext" | wc -l)" -eq "$notes" ] || fail "$name: the answer key lacks presenter notes"
  lessons=$((lessons + 1))
  echo "$name: $pages pages, $questions questions; worksheet $wpages pages; answer key, $minutes minutes"
done
[ "$lessons" -ge 8 ] || fail "only $lessons lessons in the deck"
