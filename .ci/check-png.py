"""Fails unless a PNG screenshot shows a rendered page: a valid PNG of the expected size with several colours.

Usage: python3 check-png.py <file.png> <min-width> <min-height>
Reads the PNG with the standard library only (zlib): checks the signature and the IHDR size, un-filters the
scanlines, and counts the distinct colours of the pixels; a blank or single-colour page has one or two.
"""
import struct
import sys
import zlib


def fail(message):
    print(f"check-png: {message}", file=sys.stderr)
    sys.exit(1)


def main(path, min_width, min_height):
    data = open(path, "rb").read()
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        fail(f"{path} is not a PNG")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    if header is None:
        fail("no IHDR chunk")
    width, height, depth, colour, _, _, interlace = header
    if width < min_width or height < min_height:
        fail(f"{width}x{height} is smaller than {min_width}x{min_height}")
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace != 0:
        fail(f"unexpected PNG format (depth {depth}, colour type {colour}, interlace {interlace})")
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    previous = bytearray(stride)
    colours = set()
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous))
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        if y % 4 == 0 and len(colours) < 64:
            colours.update(bytes(line[i:i + channels]) for i in range(0, stride, channels * 2))
        previous = line
    if len(colours) < 8:
        fail(f"the page looks blank: {len(colours)} distinct colours")
    print(f"check-png: {path}: {width}x{height}, at least {len(colours)} colours")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
