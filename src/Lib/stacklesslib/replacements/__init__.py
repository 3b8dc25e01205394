"""Tasklet-aware stand-ins for standard modules (see stacklesslib.monkeypatch)."""
