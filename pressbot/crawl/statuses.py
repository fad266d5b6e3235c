"""What an HTTP status means to pressbot; one table for the spiders, pipelines, middlewares and fixture checks."""

BLOCKED = frozenset({401, 403, 429, 451, 503})  # the site refused us: counted as blocked, never a release
GONE = frozenset({404, 410})  # a release that was there and is not any more: a withdrawal when the state knows it
SLOW_DOWN = frozenset({429, 503})  # back off the whole host before retrying
