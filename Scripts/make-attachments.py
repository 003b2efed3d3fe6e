#!/usr/bin/env python3
"""Generate the small media attachments used by the audiovisual track.

Writes PNG images (pure Python: zlib + struct, no PIL) and WAV tones (the
standard `wave` module) into Tracks/audiovisual/attachments/. The output is
deterministic: running the script again rewrites byte-identical files, so it is
safe to run at any time (idempotent).

Usage: python3 Scripts/make-attachments.py
"""

import math
import os
import struct
import wave
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tracks", "audiovisual", "attachments")

WHITE = (255, 255, 255)
BLACK = (0, 0, 0)
GREY = (160, 160, 160)
LIGHT = (225, 225, 225)
BLUE = (40, 90, 200)
RED = (220, 30, 30)
GREEN = (30, 160, 60)


class Canvas:
    """An RGB raster with a few filled primitives."""

    def __init__(self, width, height, background=WHITE):
        self.w, self.h = width, height
        self.px = bytearray(bytes(background) * (width * height))

    def set(self, x, y, color):
        if 0 <= x < self.w and 0 <= y < self.h:
            i = (y * self.w + x) * 3
            self.px[i:i + 3] = bytes(color)

    def rect(self, x0, y0, x1, y1, color):
        """Fill the rectangle [x0, x1) x [y0, y1)."""
        for y in range(max(0, y0), min(self.h, y1)):
            row = (y * self.w) * 3
            for x in range(max(0, x0), min(self.w, x1)):
                self.px[row + x * 3:row + x * 3 + 3] = bytes(color)

    def frame(self, x0, y0, x1, y1, color, t=1):
        self.rect(x0, y0, x1, y0 + t, color)
        self.rect(x0, y1 - t, x1, y1, color)
        self.rect(x0, y0, x0 + t, y1, color)
        self.rect(x1 - t, y0, x1, y1, color)

    def circle(self, cx, cy, r, color):
        for y in range(cy - r, cy + r + 1):
            for x in range(cx - r, cx + r + 1):
                if (x - cx) ** 2 + (y - cy) ** 2 <= r * r:
                    self.set(x, y, color)

    def triangle(self, a, b, c, color):
        def side(p, q, x, y):
            return (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0])
        xs, ys = [a[0], b[0], c[0]], [a[1], b[1], c[1]]
        for y in range(min(ys), max(ys) + 1):
            for x in range(min(xs), max(xs) + 1):
                s1, s2, s3 = side(a, b, x, y), side(b, c, x, y), side(c, a, x, y)
                if (s1 >= 0 and s2 >= 0 and s3 >= 0) or (s1 <= 0 and s2 <= 0 and s3 <= 0):
                    self.set(x, y, color)

    def line(self, p, q, color, width=3):
        """A thick segment: every pixel within width/2 of the segment p-q."""
        (x0, y0), (x1, y1) = p, q
        r = width / 2.0
        dx, dy = x1 - x0, y1 - y0
        length2 = float(dx * dx + dy * dy) or 1.0
        for y in range(int(min(y0, y1) - r) - 1, int(max(y0, y1) + r) + 2):
            for x in range(int(min(x0, x1) - r) - 1, int(max(x0, x1) + r) + 2):
                t = max(0.0, min(1.0, ((x - x0) * dx + (y - y0) * dy) / length2))
                ex, ey = x0 + t * dx - x, y0 + t * dy - y
                if ex * ex + ey * ey <= r * r:
                    self.set(x, y, color)

    def png(self):
        def chunk(kind, data):
            body = kind + data
            return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
        stride = self.w * 3
        raw = b"".join(b"\x00" + bytes(self.px[y * stride:(y + 1) * stride]) for y in range(self.h))
        ihdr = struct.pack(">IIBBBBB", self.w, self.h, 8, 2, 0, 0, 0)  # 8-bit RGB
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def axes(c, left, top, right, bottom, ymax, step):
    """Light horizontal grid lines every `step` units and black x/y axes."""
    v = step
    while v <= ymax + 1e-9:
        y = bottom - int(round(v / ymax * (bottom - top)))
        c.rect(left + 1, y, right, y + 1, LIGHT)
        c.rect(left - 4, y, left, y + 1, BLACK)  # tick mark
        v += step
    c.rect(left - 1, top, left + 1, bottom + 1, BLACK)
    c.rect(left - 1, bottom, right, bottom + 2, BLACK)


def viewership_bar():
    """Quarterly viewership (million) Q1..Q4 = 3.2, 4.5, 7.8, 5.6 as four bars."""
    c = Canvas(320, 240)
    left, top, right, bottom, ymax = 40, 20, 300, 210, 9.0
    axes(c, left, top, right, bottom, ymax, 1.0)
    for i, v in enumerate([3.2, 4.5, 7.8, 5.6]):
        x0 = left + 20 + i * 62
        y0 = bottom - int(round(v / ymax * (bottom - top)))
        c.rect(x0, y0, x0 + 40, bottom, BLUE)
    return c.png()


def ratings_line():
    """Monthly ratings (%) Jan..Jun = 1.2, 1.6, 2.2, 1.7, 2.8, 2.3 as a line chart."""
    c = Canvas(320, 240)
    left, top, right, bottom, ymax = 40, 20, 300, 210, 3.0
    axes(c, left, top, right, bottom, ymax, 0.5)
    pts = []
    for i, v in enumerate([1.2, 1.6, 2.2, 1.7, 2.8, 2.3]):
        pts.append((left + 25 + i * 46, bottom - int(round(v / ymax * (bottom - top)))))
    for p, q in zip(pts, pts[1:]):
        c.line(p, q, RED, 3)
    for x, y in pts:
        c.circle(x, y, 5, RED)
    return c.png()


def shapes():
    """A red circle, a blue square and a green triangle, left to right."""
    c = Canvas(320, 160)
    c.circle(60, 80, 40, RED)
    c.rect(120, 40, 200, 120, BLUE)
    c.triangle((260, 38), (218, 122), (302, 122), GREEN)
    return c.png()


def color_bars():
    """Eight vertical colour bars in the usual test-card order, framed in grey."""
    colors = [(255, 255, 255), (255, 255, 0), (0, 255, 255), (0, 255, 0),
              (255, 0, 255), (255, 0, 0), (0, 0, 255), (0, 0, 0)]
    c = Canvas(320, 180)
    for i, col in enumerate(colors):
        c.rect(i * 40, 0, (i + 1) * 40, 180, col)
    c.frame(0, 0, 320, 180, GREY, 2)
    return c.png()


def tone(freq, seconds, rate=8000, amplitude=0.5):
    """16-bit mono PCM sine with 10 ms linear fade-in/out to avoid clicks."""
    n = int(round(rate * seconds))
    fade = int(rate * 0.01)
    frames = bytearray()
    for i in range(n):
        g = min(1.0, i / fade, (n - 1 - i) / fade)
        s = int(round(32767 * amplitude * g * math.sin(2 * math.pi * freq * i / rate)))
        frames += struct.pack("<h", s)
    return bytes(frames), rate


def write_wav(path, freq, seconds):
    data, rate = tone(freq, seconds)
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(data)


def write_if_changed(path, data):
    if os.path.exists(path):
        with open(path, "rb") as f:
            if f.read() == data:
                return False
    with open(path, "wb") as f:
        f.write(data)
    return True


def main():
    os.makedirs(OUT, exist_ok=True)
    images = {
        "viewership-bar.png": viewership_bar(),
        "ratings-line.png": ratings_line(),
        "shapes.png": shapes(),
        "color-bars.png": color_bars(),
    }
    for name, data in images.items():
        changed = write_if_changed(os.path.join(OUT, name), data)
        print(f"{name}: {len(data)} bytes{'' if changed else ' (unchanged)'}")
    for name, freq, seconds in [("tone-440.wav", 440, 0.5), ("tone-880.wav", 880, 1.0)]:
        path = os.path.join(OUT, name)
        write_wav(path, freq, seconds)
        print(f"{name}: {os.path.getsize(path)} bytes")


if __name__ == "__main__":
    main()
