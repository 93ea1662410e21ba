#!/usr/bin/env bash
# The HTML report, as a reader sees it: renders seeds/ with --format html,
# loads the page in headless Chromium (Debian's `chromium`, installed here if
# missing), and checks the DOM Chromium built: the summary counts, one card
# per finding, the number highlighted, the tables by figure and by code, and
# no script or external asset. Also writes target/html-report.png, the
# screenshot the README shows (docs/html-report.png is a copy).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
fail() { echo "html report: FAILED: $*" >&2; exit 1; }

# shellcheck source=tests/debian.sh
. "$root/tests/debian.sh"
need chromium chromium "html report"
browser=$(command -v chromium)

cd "$root"
cargo build --quiet
out="$root/target/html-report"
mkdir -p "$out"
status=0
(cd seeds && SOURCE_DATE_EPOCH=1767225600 "$root/target/debug/figcheck" --rules ../rules.toml --format html .) > "$out/report.html" || status=$?
[ "$status" -eq 1 ] || fail "figcheck --format html seeds/ exited $status, not 1"
if grep -qiE '<script|<link|src=|url\(' "$out/report.html"; then
  fail "the page loads a script or an external asset"
fi

flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --user-data-dir="$out/profile")
"$browser" "${flags[@]}" --dump-dom "file://$out/report.html" > "$out/dom.html" 2> "$out/chromium.log" \
  || { cat "$out/chromium.log"; fail "chromium could not load the page"; }
"$browser" "${flags[@]}" --hide-scrollbars --window-size=412,1800 --screenshot="$root/target/html-report.png" \
  "file://$out/report.html" > /dev/null 2>> "$out/chromium.log" || fail "chromium could not draw the page"

python3 - "$out/dom.html" "$out/report.html" "$root/tests" <<'PY'
import sys
sys.path.insert(0, sys.argv[-1])
import dom

elements = dom.read(sys.argv[1])
def having(tag, cls=None, **attrs):
    return [e for e in elements if e["tag"] == tag
            and (cls is None or cls in e["attrs"].get("class", "").split())
            and all(e["attrs"].get(k) == v for k, v in attrs.items())]

def check(ok, what):
    if not ok:
        print(f"html report: FAILED: {what}", file=sys.stderr)
        sys.exit(1)

summary = having("p", id="summary")
check(summary and summary[0]["text"] == "checked 10 files: 12 errors, 5 warnings, 0 advice",
      f"the summary reads {summary[0]['text'] if summary else None!r}")
cards = having("article", "finding")
check(len(cards) == 17, f"{len(cards)} findings shown, not 17")
check(len([c for c in cards if "error" in c["attrs"]["class"].split()]) == 12, "12 error cards")
numbers = [m["text"] for m in having("mark", "number")]
check(len(numbers) == 17, f"{len(numbers)} numbers highlighted, not 17")
# The Spanish seeds' numbers as they write them.
check(all(n in numbers for n in ["58,000", "376", "58.000", "2,4"]), f"highlighted numbers: {numbers}")
figures = having("table", "figure")
check(figures and "deaths-in-custody" in figures[0]["text"], "the table by figure names deaths-in-custody")
codes = having("table", "code")
check(codes and "figcheck::mismatch" in codes[0]["text"], "the table by code names figcheck::mismatch")
check(any("use 85,000 or more" in p["text"] for p in having("p", "help")), "the help says what to use")
check(having("meta", name="viewport"), "the page sets a viewport for phones")
print(f"html report: Chromium shows {len(cards)} findings, {len(numbers)} highlighted numbers, and both tables")
PY
[ -s "$root/target/html-report.png" ] || fail "no screenshot"
echo "html: 1 passed, 0 failed"
