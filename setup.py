"""For scrapyd-deploy, which builds an egg with ``python setup.py bdist_egg``: everything is in pyproject.toml
(including the ``scrapy`` entry point naming the settings module, which scrapyd reads from the egg)."""

from setuptools import setup

setup()
