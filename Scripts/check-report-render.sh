#!/usr/bin/env bash
# Renders a run's ranking report to an A4 PDF with headless Chromium (Debian's `chromium`, CJK fonts from
# `fonts-noto-cjk`) and checks what a judge would see: A4 pages, no browser header or footer and no local path
# on any page, page numbers, and a first page and a pilot-unit table that are not blank (screenshots via
# poppler's pdftoppm, kept in OUTDIR for a person to look at). Nothing generated is committed.
# Usage: SAIMA=.build/debug/saima Scripts/check-report-render.sh RUN_FOLDER [OUTDIR]
set -euo pipefail
run=${1:?usage: $0 RUN_FOLDER [OUTDIR]}
out=${2:-$(mktemp -d)}
mkdir -p "$out"
saima=${SAIMA:-.build/debug/saima}
for tool in chromium pdfinfo pdftotext pdftoppm; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install -y chromium fonts-noto-cjk poppler-utils" >&2; exit 2; }
done
pdf=$("$saima" report --out "$run" --format pdf | tail -1)
fail() { echo "render check: $*" >&2; exit 1; }
pdfinfo "$pdf" | grep -q "Page size:.*(A4)" || fail "not A4: $(pdfinfo "$pdf" | grep 'Page size')"
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
text=$(pdftotext -layout "$pdf" -)
abs=$(cd "$run" && pwd)
grep -q "file://" <<<"$text" && fail "a page shows a file:// address"
grep -qF "$abs" <<<"$text" && fail "a page shows the local path $abs"
grep -q "1 / $pages" <<<"$text" || fail "no page numbers (expected '1 / $pages')"
pilot=""
for ((p = 1; p <= pages; p++)); do
  if pdftotext -f "$p" -l "$p" "$pdf" - | grep -q "Pilot unit:"; then pilot=$p; break; fi
done
[ -n "$pilot" ] || fail "no pilot-unit table found"
pdftoppm -r 60 -png -f 1 -l 1 "$pdf" "$out/first"
pdftoppm -r 60 -png -f "$pilot" -l "$pilot" "$pdf" "$out/pilot"
for png in "$out"/first*.png "$out"/pilot*.png; do
python3 - "$png" <<'PY'
import struct, sys, zlib
path = sys.argv[1]
data = open(path, 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
pos, idat, width, height, ctype = 8, b'', 0, 0, 0
while pos < len(data):
    length, kind = struct.unpack('>I4s', data[pos:pos + 8])
    chunk = data[pos + 8:pos + 8 + length]
    if kind == b'IHDR':
        width, height, depth, ctype = struct.unpack('>IIBB', chunk[:10])
    elif kind == b'IDAT':
        idat += chunk
    pos += 12 + length
channels = {2: 3, 6: 4}[ctype]
raw = zlib.decompress(idat)
stride = width * channels
rows, prev, i = [], bytearray(stride), 0
for _ in range(height):
    f = raw[i]; line = bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
    for x in range(stride):
        a = line[x - channels] if x >= channels else 0
        b = prev[x]; c = prev[x - channels] if x >= channels else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(line); prev = line
ink = sum(1 for line in rows for x in range(0, stride, channels) if min(line[x:x + 3]) < 200)
share = ink / (width * height)
print(f"{path}: {width}x{height}, {share:.1%} of pixels carry ink")
sys.exit(0 if share > 0.01 else 1)
PY
done
echo "render check: $pdf — $pages A4 pages, page numbers, no local paths; first page and pilot-unit table (page $pilot) not blank; PNGs in $out"
