"""The record: its dataclasses and JSON (``models``), its JSON Schema (``schema.json``) and
the writer that puts a run's records on disk, one whole line each (``write``)."""
