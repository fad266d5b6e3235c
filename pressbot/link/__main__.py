"""``python -m pressbot.link RELEASES.jsonl... -O events.jsonl`` (the ``pressbot link`` command)."""

from pressbot.link.cli import link_command

if __name__ == "__main__":
    link_command()
