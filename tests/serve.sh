#!/usr/bin/env bash
# `figcheck serve`'s page, as an editor meets it: starts the server with
# the project's rules, opens the page in headless Chromium (Debian's
# `chromium`, installed here if missing) with a draft handed to it through
# the page's #text= link (which fills the text box and fires the same input
# event a paste does), lets the page check it, and reads the DOM Chromium
# built: the number highlighted, the message and the value to use. Writes
# target/serve-page.png, the screenshot CI keeps.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
fail() { echo "serve page: FAILED: $*" >&2; exit 1; }

# shellcheck source=tests/debian.sh
. "$root/tests/debian.sh"
need chromium chromium "serve page"
browser=$(command -v chromium)

cd "$root"
cargo build --quiet
out="$root/target/serve-page"
mkdir -p "$out"
"$root/target/debug/figcheck" serve --port 0 --rules rules.toml 2> "$out/serve.log" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  grep -q 'listening on' "$out/serve.log" 2>/dev/null && break
  sleep 0.1
done
address=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$out/serve.log" | head -1)
[ -n "$address" ] || { cat "$out/serve.log"; fail "the server did not say where it listens"; }

draft='Rights groups say 376 people have died in custody since the state of exception began.'
fragment=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$draft")
url="$address/#text=$fragment"
flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --user-data-dir="$out/profile"
       --virtual-time-budget=10000 --run-all-compositor-stages-before-draw)
"$browser" "${flags[@]}" --dump-dom "$url" > "$out/dom.html" 2> "$out/chromium.log" \
  || { cat "$out/chromium.log"; fail "chromium could not load the page"; }
"$browser" "${flags[@]}" --hide-scrollbars --window-size=1100,700 --screenshot="$root/target/serve-page.png" \
  "$url" > /dev/null 2>> "$out/chromium.log" || fail "chromium could not draw the page"

python3 - "$out/dom.html" "$root/tests" <<'PY'
import sys
sys.path.insert(0, sys.argv[-1])
import dom

elements = dom.read(sys.argv[1])
def fail(message):
    sys.exit(f"serve page: FAILED: {message}")
marks = [e for e in elements if e["tag"] == "mark"]
if [m["text"] for m in marks] != ["376"]:
    fail(f"the number is not highlighted alone: {[m['text'] for m in marks]}")
if "above" not in marks[0]["attrs"].get("title", ""):
    fail(f"the highlight does not carry the message: {marks[0]['attrs']}")
items = [e for e in elements if e["tag"] == "li"]
if len(items) != 1:
    fail(f"{len(items)} findings listed, not 1")
text = items[0]["text"]
for expected in ("376 is above", "use 367", "367"):
    if expected not in text:
        fail(f"the finding does not say {expected!r}: {text!r}")
status = [e for e in elements if e["attrs"].get("id") == "status"]
if not status or status[0]["text"].strip() != "1 finding.":
    fail(f"the status line says {status[0]['text'] if status else None!r}")
print("serve page: the number highlighted, its message and the value to use shown")
PY
# A Spanish editor's page (?lang=es) with a Spanish draft: the page's own
# words and the finding both in Spanish.
borrador='Según Cristosal, 376 personas murieron bajo custodia.'
fragment=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$borrador")
"$browser" "${flags[@]}" --dump-dom "$address/?lang=es#text=$fragment" > "$out/dom-es.html" 2>> "$out/chromium.log" \
  || fail "chromium could not load the Spanish page"
python3 - "$out/dom-es.html" "$root/tests" <<'PY'
import sys
sys.path.insert(0, sys.argv[-1])
import dom

elements = dom.read(sys.argv[1])
def fail(message):
    sys.exit(f"serve page (es): FAILED: {message}")
marks = [e["text"] for e in elements if e["tag"] == "mark"]
if marks != ["376"]:
    fail(f"the number is not highlighted alone: {marks}")
status = [e for e in elements if e["attrs"].get("id") == "status"]
if not status or status[0]["text"].strip() != "1 hallazgo.":
    fail(f"the status line says {status[0]['text'] if status else None!r}")
items = [e["text"] for e in elements if e["tag"] == "li"]
if len(items) != 1 or "está por encima" not in items[0]:
    fail(f"the finding is not in Spanish: {items}")
print("serve page (es): the page's words and the finding in Spanish")
PY
[ -s "$root/target/serve-page.png" ] || fail "no screenshot"
echo "serve page: screenshot in target/serve-page.png"
