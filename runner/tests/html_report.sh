#!/bin/bash
# index.html in a real browser: a stub study with a claim is reported, the
# page is self-contained (no script, no link, no network), opens in headless
# Chromium without a console error, every plot is an inline image of a real
# size, no table is wider than the page, and a screenshot is taken (kept as
# $SHOT for a person to look at). A broken copy of the page (a plot missing,
# a wide table, a broken image, a console error) must be caught, so the
# checks can fail. Skipped (77) without Chromium.
. "$(dirname "$0")/lib.sh"
use_stub_engines
browser=$(command -v chromium || command -v chromium-browser)
if [ -z "$browser" ]; then
    echo "SKIP: no chromium on PATH (Debian package chromium; scripts/test.sh installs it)"
    exit 77
fi

{ spin_global 6; cat <<'JOB'; } > html.job
[scales]
workers = 1,2,4
pool = map, submit
claim = speedup

[flat]
workers = 1,2
env = STUB_F=0.9
claim = no-speedup
JOB
"$SCAL_RUN" --out res html.job 2> progress.txt
check "the study exits 0" [ $? -eq 0 ]
check "progress lines: points done, repetitions, precision, time left" \
    grep -q '^scal-run: progress: [0-9]*/8 points done, [0-9]* repetitions.* left$' progress.txt
page=res/index.html
check "index.html written" [ -s "$page" ]
check "summary.md opens with the findings, claims first" \
    eval '[ "$(grep -m3 "^##" res/summary.md | tr "\n" " ")" = "## Findings ### Claims ### Curves " ]'
check "the claims table: claim, verdict, what was measured with its CI" \
    grep -q '^| scales | `speedup` | \*\*confirmed\*\* | .*p = 4: [0-9.]*x \[[0-9.]*, [0-9.]*\]' res/summary.md
check "the page has the claims table" grep -q '<td>scales</td><td><code>speedup</code></td><td><strong>confirmed</strong></td>' "$page"
check "self-contained: no script, stylesheet link, external image or frame" \
    eval '! grep -Eiq "<script|<link|<img|<iframe|src=\"|href=\"(https?:)?//" "$page"'
for p in speedup efficiency breakdown spread timeline-0; do
    check "plot $p inlined as SVG" grep -q "<figure id=\"plot-$p\">" "$page"
done
check "the environment is on the page" grep -q '^round_seed: [0-9]' "$page"

# The checks run inside the page once it has loaded; --dump-dom prints the
# result they leave in the page.
probe='<script>
var scalErrors = [];
window.addEventListener("error", function (e) {
  scalErrors.push("error: " + (e.message || (e.target && (e.target.src || e.target.outerHTML)) || "?"));
}, true);
(function () { var ce = console.error; console.error = function () {
  scalErrors.push("console.error: " + Array.prototype.join.call(arguments, " ")); ce.apply(console, arguments); }; })();
window.addEventListener("load", function () {
  var out = [], W = document.documentElement.clientWidth;
  document.querySelectorAll("table").forEach(function (t, i) {
    var r = t.getBoundingClientRect();
    if (r.right > W + 1) out.push("table " + i + " is " + Math.round(r.width) + "px wide, the page " + W + "px");
  });
  document.querySelectorAll("img").forEach(function (im) {
    if (!im.complete || im.naturalWidth === 0) out.push("image not loaded: " + im.getAttribute("src"));
  });
  var figs = document.querySelectorAll("figure");
  figs.forEach(function (f) {
    var s = f.querySelector("svg"), r = s && s.getBoundingClientRect();
    if (!s) out.push("missing image in " + f.id);
    else if (r.width < 200 || r.height < 100) out.push("image too small in " + f.id);
  });
  if (document.documentElement.scrollWidth > W + 1) out.push("the page scrolls sideways");
  out = out.concat(scalErrors);
  var pre = document.createElement("pre");
  pre.id = "scal-check";
  pre.textContent = "figures=" + figs.length + "\n" + (out.length ? out.join("\n") : "clean");
  document.body.appendChild(pre);
});
</script>'
run_browser() {   # run_browser FILE ARGS...: chromium on FILE, its log in browser.log
    local file=$1
    shift
    timeout 90 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
        --disable-extensions --user-data-dir="$work/profile" --hide-scrollbars --window-size=1366,900 \
        --enable-logging=stderr --v=0 "$@" "file://$work/$file" 2>> browser.log
}
# checked FILE: the check result of FILE (its probe output), after injecting the probe
checked() {
    PROBE=$probe awk '{ print } /^<head>$/ { print ENVIRON["PROBE"] }' "$1" > "${1%.html}.probe.html"
    run_browser "${1%.html}.probe.html" --dump-dom --virtual-time-budget=5000 |
        awk '/<pre id="scal-check">/ { on = 1; sub(/.*<pre id="scal-check">/, "") } on { print } /<\/pre>/ { on = 0 }' |
        sed 's#</pre>.*##'
}
result=$(checked "$page")
echo "$result"
check "the browser ran the page's checks" grep -q '^figures=' <<< "$result"
check "every plot visible, no table wider than the page, no error" \
    eval '[ "$(sed -n 2p <<< "$result")" = clean ] && [ "$(sed -n 1p <<< "$result")" = "figures=$(grep -c "<figure " "$page")" ]'
check "no console message from the page" eval '! grep -q "CONSOLE(" browser.log'

shot=${SHOT:-$work/index.png}
rm -f "$shot"
run_browser "$page" --screenshot="$shot" --window-size=1366,2400 > /dev/null
check "a screenshot was taken ($shot)" png_ok "$shot"

# The same checks on a broken copy must complain about each fault.
awk 'skip && /<\/svg>/ { skip = 0; next } !skip { print } /<figure id="plot-spread">/ { skip = 1 }
     /<\/nav>/ { w = ""; for (i = 0; i < 400; i++) w = w "wide "
                 print "<table><tr><td style=\"white-space:nowrap\">" w "</td></tr></table><img src=\"nothere.png\"><script>console.error(\"planted\")</script>" }' \
    "$page" > res/broken.html
bad=$(checked res/broken.html)
echo "$bad"
check "a broken page: the missing plot is caught" grep -q 'missing image in plot-spread' <<< "$bad"
check "a broken page: the wide table is caught" grep -q 'px wide, the page' <<< "$bad"
check "a broken page: the broken image is caught" grep -q 'image not loaded: nothere.png' <<< "$bad"
check "a broken page: the console error is caught" grep -q 'console.error: planted' <<< "$bad"
finish
