"""The spiders: one walking logic (base.py) and one spider per described site (sites.py makes them)."""
