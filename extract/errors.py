"""Typed input errors. Each becomes a record with ``status: "error"``; the run goes on."""

from __future__ import annotations


class InputError(Exception):
    """An input that cannot be turned into a record. ``kind`` is the record's error type."""

    kind = "InputError"

    def as_dict(self) -> dict[str, str]:
        return {"type": self.kind, "message": str(self)}


class ReadError(InputError):
    kind = "ReadError"


class BinaryInput(InputError):
    kind = "BinaryInput"


class EmptyInput(InputError):
    kind = "EmptyInput"


class DecodeError(InputError):
    kind = "DecodeError"


class TooLarge(InputError):
    kind = "TooLarge"


class ArchiveError(InputError):
    kind = "ArchiveError"


class BadJSON(InputError):
    kind = "BadJSON"


class HTTPStatus(InputError):
    """A web archive response that is not a page: a redirect, a 404, a server error."""

    kind = "HTTPStatus"


class Timeout(InputError):
    kind = "Timeout"


class UsageError(Exception):
    """A command given something it cannot use (a missing file, a file that is not JSON
    Lines): the command prints one line and exits 2, with no traceback."""
