"""``python -m pressbot.export``: the ``export`` command, until ``pressbot export`` is registered."""

from pressbot.export.cli import export

export(prog_name="pressbot export")
