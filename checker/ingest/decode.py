"""Bytes to text: byte-order marks, UTF-8, a Windows-1252 fallback, and binary detection."""

from __future__ import annotations

import codecs
import re

from pydantic import BaseModel

# Checked longest first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]

# Share of control characters above which decoded "text" is taken to be binary data, judged
# on the head of the file like git and file(1) do, so a 64 MB file is not scanned twice.
_MAX_CONTROL_SHARE = 0.10
_SNIFF_CHARS = 65_536
_BINARY_CONTROLS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")  # not \t\n\v\f\r ESC


class DecodedText(BaseModel):
    text: str
    encoding: str

    @property
    def is_fallback(self) -> bool:
        """True when the bytes were not valid UTF-8 and were read as a legacy 8-bit encoding."""
        return self.encoding in ("cp1252", "latin-1")


class DecodeFailure(BaseModel):
    reason: str


def bom_encoding(head: bytes) -> str | None:
    """The encoding a byte-order mark at the start of ``head`` announces, if any."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return None


def decode_bytes(data: bytes) -> DecodedText | DecodeFailure:
    """Decode file contents; binary data becomes a failure with a reason, never an exception."""
    encoding = bom_encoding(data)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            return DecodeFailure(reason=f"starts with a {encoding.upper()} byte-order mark but is "
                                        f"not valid {encoding.upper()} (byte {exc.start})")
    elif b"\x00" in data:
        return DecodeFailure(reason="binary file (contains NUL bytes), not text; "
                                    "if this is UTF-16 text, save it with a byte-order mark")
    else:
        text, encoding = _decode_8bit(data)
    if "\x00" in text or _mostly_control_characters(text):
        return DecodeFailure(reason="binary file (mostly control characters), not text")
    return DecodedText(text=text, encoding=encoding)


def _decode_8bit(data: bytes) -> tuple[str, str]:
    """UTF-8 if valid, else Windows-1252 (what mislabelled 'Latin-1' news pages really are),
    else Latin-1, which decodes any byte, for the few bytes Windows-1252 leaves undefined."""
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def _mostly_control_characters(text: str) -> bool:
    head = text[:_SNIFF_CHARS]
    return len(_BINARY_CONTROLS.findall(head)) > len(head) * _MAX_CONTROL_SHARE
