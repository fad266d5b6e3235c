"""The run around Scrapy: state, output, reader processes, manifest, gates, progress, exit codes.

Nothing here reads a page's content; that is ``pressbot.extract``. Importing this package imports nothing.
"""
