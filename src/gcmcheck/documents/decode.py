"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, and invalid
UTF-8 (or UTF-16) decoded with replacement characters so positions stay right.

The byte offset a warning gives counts from the end of a byte-order mark (BOM),
which is not part of the text.
"""

from __future__ import annotations

import codecs
import sys
from dataclasses import dataclass, field


@dataclass(slots=True)
class Decoded:
    text: str
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes) -> Decoded:
    """Decode a document; a warning names the first undecodable byte offset."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
        body = data[2:]
        try:
            return Decoded(body.decode(codec))
        except UnicodeDecodeError as exc:  # a lone surrogate, or an odd number of bytes
            return Decoded(
                body.decode(codec, errors="replace"),
                [f"invalid UTF-16 at byte {exc.start}; undecodable bytes replaced with U+FFFD"],
            )
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return Decoded(
            data.decode("utf-8", errors="replace"),
            [f"invalid UTF-8 at byte {exc.start}; undecodable bytes replaced with U+FFFD"],
        )


def looks_binary(head: bytes) -> bool:
    """A NUL byte outside a UTF-16 text means a binary file."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in head


def read_stdin() -> str:
    """All of stdin as text; warnings go to stderr."""
    from gcmcheck.commands.common import warn

    decoded = decode(sys.stdin.buffer.read())
    for w in decoded.warnings:
        warn(f"<stdin>: {w}")
    return decoded.text
