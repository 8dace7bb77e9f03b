#!/usr/bin/env python3
"""Writes the photo corpus (this folder): public test images from ZXing's blackbox set, and
codes made here where that set has no example of a kind. See SOURCES.md.

Usage: python3 make.py ZXING_BLACKBOX_DIR   (needs Pillow and segno: pip install pillow segno)
where ZXING_BLACKBOX_DIR is zxing/zxing's core/src/test/resources/blackbox.

Each image is <category>--<name>.png with <category>--<name>.txt, the text the code holds
(UTF-8). An image holding two codes has a second text, <category>--<name>.2.txt; reading
either is a read. Images over 30 KB (camera photos) are stored as 8-bit grey (BT.601 luma, which is what our decoder reads) to keep the corpus small; all
others as they are in ZXing.
"""
import io
import math
import os
import random
import sys

import segno
from PIL import Image, ImageFilter, ImageOps

HERE = os.path.dirname(os.path.abspath(__file__))

# (category, ZXing folder, image numbers). One category per image, by what makes it hard.
ZXING = [
    # Printed pages and cards photographed by a phone: tilted, soft, uneven light.
    ('print', 'qrcode-1', ['1', '7', '13', '16', '19']),
    ('print', 'qrcode-3', ['26', '30', '36', '42']),
    ('print', 'qrcode-5', ['01', '07', '13']),
    # Cropped to the symbol, or touching the picture's edge: little or no white margin.
    ('tight', 'qrcode-2', ['1', '2', '9', '11', '12', '13', '14', '32', '34', '35', '36']),
    ('tight', 'qrcode-3', ['01', '02', '04', '05', '08', '09']),
    # A version-40 code drawn one pixel a module, no margin.
    ('tight', 'qrcode-5', ['16']),
    # Text in Shift_JIS (byte mode, no ECI) or Kanji mode, often a colour "design" code.
    ('non-utf8', 'qrcode-2', ['10', '17', '18', '19', '20', '21', '24', '26', '27', '29', '30', '31', '33']),
    # Bent, curved or creased: paper, fabric, a rice cracker, a T-shirt.
    ('bent', 'qrcode-2', ['8', '28']),
    ('bent', 'qrcode-3', ['18', '20', '22', '24']),
    ('bent', 'qrcode-4', ['01', '09', '16', '24', '32', '40', '48']),
    # Large modules: a card held close, a big print.
    ('huge', 'qrcode-2', ['6']),
    ('huge', 'qrcode-3', ['11', '14', '17']),
    ('huge', 'qrcode-6', ['15']),
    # Screens and screenshots.
    ('screen', 'qrcode-2', ['4', '5', '7']),
    # Designs: logos and pictures inside the code, coloured modules, frames.
    ('design', 'qrcode-2', ['15', '22', '23', '25']),
    # Two codes in one picture (a code inside a code).
    ('two-codes', 'qrcode-2', ['16']),
    # Turned by any angle.
    ('turned', 'qrcode-6', ['2', '5', '8', '11', '14']),
]


# Texts corrected from ZXing's: qrcode-2/13.txt says "photograph", but the code holds
# "photography" (as qrcode-2/12, the same sentence): OpenCV 4's QRCodeDetectorAruco reads it
# so too, with error correction passing, on the picture at half size with a margin.
CORRECTED = {('qrcode-2', '13'): 'The 2005 USGS aerial photography of the Washington Monument is censored.'}


def save(category, name, image, text, second=None):
    base = os.path.join(HERE, f'{category}--{name}')
    image.save(base + '.png', optimize=True)
    with open(base + '.txt', 'w', encoding='utf-8', newline='') as f:
        f.write(text)
    if second is not None:
        with open(base + '.2.txt', 'w', encoding='utf-8', newline='') as f:
            f.write(second)


def from_zxing(blackbox):
    for category, folder, numbers in ZXING:
        for n in numbers:
            path = os.path.join(blackbox, folder, n + '.png')
            image = Image.open(path)
            if os.path.getsize(path) > 30_000:
                image = image.convert('L')
            with open(os.path.join(blackbox, folder, n + '.txt'), encoding='utf-8', newline='') as f:
                text = f.read()
            save(category, f'zxing-{folder}-{n}', image, CORRECTED.get((folder, n), text))


def code_image(code, module_px, border=4, dark=20, light=235):
    """A code drawn `module_px` per module with `border` modules of quiet zone."""
    matrix = [list(row) for row in code.matrix]
    size = len(matrix) + 2 * border
    image = Image.new('L', (size, size), light)
    pixels = image.load()
    for y, row in enumerate(matrix):
        for x, bit in enumerate(row):
            if bit:
                pixels[x + border, y + border] = dark
    return image.resize((size * module_px, size * module_px), Image.NEAREST)


def on_background(code_img, width, height, at, level=110, seed=1):
    """A code pasted onto a noisy grey background of `width`×`height` at `at`."""
    rng = random.Random(seed)
    bg = Image.effect_noise((width, height), 12).point(lambda v: max(0, min(255, v - 128 + level)))
    bg.paste(code_img, at)
    del rng
    return bg


def perspective(image, skew, seed=1):
    """A keystone: the top edge narrowed by `skew` of the width, as a sheet seen at a slant."""
    w, h = image.size
    d = skew * w
    # Image.transform's PERSPECTIVE takes the inverse map's coefficients, found from four points.
    src = [(0, 0), (w, 0), (w, h), (0, h)]
    dst = [(d, 0), (w - d, 0), (w, h), (0, h)]
    coeffs = _perspective_coeffs(dst, src)
    return image.transform((w, h), Image.PERSPECTIVE, coeffs, Image.BILINEAR, fillcolor=235)


def _perspective_coeffs(dst, src):
    rows = []
    rhs = []
    for (x, y), (u, v) in zip(dst, src):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rhs.append(u)
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs.append(v)
    return _solve(rows, rhs)


def _solve(a, b):
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] for i in range(n)]


def bend(image, amplitude):
    """A sheet bent round a cylinder: rows shifted by a sine of the column."""
    w, h = image.size
    src = image.load()
    out = Image.new('L', (w, h), 235)
    dst = out.load()
    for x in range(w):
        shift = amplitude * math.sin(math.pi * x / w)
        for y in range(h):
            sy = y - shift
            if 0 <= sy < h - 1:
                y0 = int(sy)
                f = sy - y0
                dst[x, y] = int(src[x, y0] * (1 - f) + src[x, y0 + 1] * f)
    return out


def jpeg(image, quality):
    """The picture after a camera's JPEG compression."""
    buf = io.BytesIO()
    image.save(buf, 'JPEG', quality=quality)
    return Image.open(io.BytesIO(buf.getvalue())).convert('L')


def made_here():
    # Cropped to the symbol itself: no quiet zone at all, a little blur.
    text = 'https://example.org/no-margin'
    img = code_image(segno.make(text, error='m', micro=False), 3, border=0).filter(ImageFilter.GaussianBlur(0.6))
    save('tight', 'made-crop-0', jpeg(img, 85), text)
    # Half a module of margin, turned 4 degrees, then cropped to the symbol's box.
    text = 'WIFI:S:Cafe;T:WPA;P:correct horse;;'
    img = code_image(segno.make(text, error='q', micro=False), 4, border=1).rotate(4, Image.BILINEAR, expand=False, fillcolor=235)
    w, h = img.size
    save('tight', 'made-crop-turned', jpeg(img.crop((3, 3, w - 3, h - 3)), 85), text)
    # Text in other character sets, declared by an ECI or not.
    for name, text, kwargs in [
        ('eci-latin1', 'Zoë Müller, Café Straße', dict(encoding='latin-1', eci=True, mode='byte')),
        ('eci-shift-jis', '日本語のテキスト', dict(encoding='shift_jis', eci=True, mode='byte')),
        ('eci-utf8', 'Ελληνικά και 日本', dict(encoding='utf-8', eci=True, mode='byte')),
        ('bytes-shift-jis', 'こんにちは、東京', dict(encoding='shift_jis', mode='byte')),
        ('bytes-latin1', 'Crème brûlée à la française', dict(encoding='latin-1', mode='byte')),
    ]:
        code = segno.make(text, error='m', micro=False, **kwargs)
        img = on_background(code_image(code, 4), 480, 360, (60, 30), seed=len(name))
        save('non-utf8', f'made-{name}', jpeg(img.filter(ImageFilter.GaussianBlur(0.5)), 85), text)
    # Kanji mode.
    for name, text in [('kanji', '点茗漢字東京都千代田区'), ('kanji-short', '日本')]:
        code = segno.make(text, error='m', micro=False, mode='kanji')
        img = on_background(code_image(code, 5), 480, 360, (80, 40), seed=len(name))
        save('kanji', f'made-{name}', jpeg(perspective(img, 0.06), 85), text)
    # Light modules on dark: a code shown inverted on a screen or printed white on black.
    for name, text, px, blur in [('inverted-screen', 'https://example.org/dark-mode', 4, 0.5), ('inverted-print', 'INVERTED 12345', 6, 1.0)]:
        code = segno.make(text, error='m', micro=False)
        img = ImageOps.invert(on_background(code_image(code, px), 480, 360, (90, 40), level=150, seed=px))
        save('inverted', f'made-{name}', jpeg(img.filter(ImageFilter.GaussianBlur(blur)), 85), text)
    # Two different codes side by side.
    a, b = 'https://example.org/left', 'https://example.org/right'
    img = on_background(code_image(segno.make(a, error='m', micro=False), 4), 640, 360, (20, 60), seed=7)
    img.paste(code_image(segno.make(b, error='m', micro=False), 4), (340, 60))
    save('two-codes', 'made-side-by-side', jpeg(img.filter(ImageFilter.GaussianBlur(0.5)), 85), a, b)
    # Very large modules, soft: a code held right up to a 720p camera.
    text = 'https://example.org/close-up'
    code = code_image(segno.make(text, error='m', micro=False), 22)
    img = on_background(code, 1280, 720, (300, 0), seed=3).crop((0, 0, 1280, 720))
    big = bend(img.resize((640, 360), Image.BILINEAR), 10).resize((1280, 720), Image.BILINEAR)
    save('huge', 'made-close-up', jpeg(big.filter(ImageFilter.GaussianBlur(3)), 80), text)
    # Small modules on a bent, keystoned sheet, soft focus.
    text = 'MECARD:N:Owen,Sean;TEL:+12125658770;EMAIL:srowen@example.org;;'
    sheet = on_background(code_image(segno.make(text, error='m', micro=False), 4), 640, 480, (150, 90), level=200, seed=11)
    save('bent', 'made-keystone-bend', jpeg(bend(perspective(sheet, 0.08), 12).filter(ImageFilter.GaussianBlur(1.0)), 85), text)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    for f in os.listdir(HERE):
        if '--' in f and (f.endswith('.png') or f.endswith('.txt')):
            os.remove(os.path.join(HERE, f))
    from_zxing(sys.argv[1])
    made_here()


if __name__ == '__main__':
    main()
