"""Typed outputs and dated snapshots of release records (JSON Lines in; Parquet, CSV, JSONL out).

Pure: reads records, never imports Scrapy, never reads the clock (a snapshot's date is passed in by the
caller). Needs pyarrow (``pip install 'pressbot[export]'``). Modules:

- ``inputs``: reading and validating JSON Lines, the latest revision of each id
- ``arrow``: the Arrow schemas derived from the models (committed as ``schema/release.arrow.json``)
- ``rows``: the rows of the releases, participants and agenda tables
- ``parquet``, ``csv``, ``jsonl``: the three formats
- ``snapshot``, ``changelog``: dated immutable snapshots and what changed since the previous one
- ``files``: staging folders, so nothing is half-written
- ``cli``: the ``export`` click command
"""
