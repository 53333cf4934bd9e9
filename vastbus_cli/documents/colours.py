"""Colours shared by the Word and Excel charts: a scale's steps as a ramp of blues."""

from __future__ import annotations


def ramp(count: int) -> list[str]:
    """`count` blues from dark to light, evenly apart: the steps of a scale, in order."""
    start, end = (0x1F, 0x4E, 0x79), (0xBD, 0xD7, 0xEE)
    steps = max(1, count - 1)
    return ["".join(f"{round(a + (b - a) * i / steps):02X}" for a, b in zip(start, end,
                                                                          strict=True))
            for i in range(count)]


def dark(colour: str) -> bool:
    """Whether white text reads better than black on `colour` (its relative luminance)."""
    red, green, blue = (int(colour[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue < 0.5
