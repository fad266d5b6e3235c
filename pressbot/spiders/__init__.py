"""One thin spider per site; the walking logic is in base.py, the site facts in pressbot/sites."""
