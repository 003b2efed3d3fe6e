#!/usr/bin/env bash
# Renders a run's report.html to PNG with headless Chromium (Debian package `chromium`) and checks
# that the picture is not blank: a person-eye check of the report. Nothing generated is committed.
# Usage: Scripts/check-report-render.sh RUN_FOLDER [OUT.png]
set -euo pipefail
run=${1:?usage: $0 RUN_FOLDER [OUT.png]}
png=${2:-$(mktemp -d)/report.png}
if ! command -v chromium >/dev/null; then
  echo "chromium is not installed: apt-get install -y chromium fonts-wqy-zenhei" >&2
  exit 2
fi
html=$(cd "$run" && pwd)/report.html
timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,2400 \
  --screenshot="$png" "file://$html" >/dev/null 2>&1
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
