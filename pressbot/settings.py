"""Polite Scrapy settings for pressbot. Override any of them with ``-s NAME=VALUE`` or the environment."""

import os

BOT_NAME = "pressbot"
SPIDER_MODULES = ["pressbot.spiders"]
NEWSPIDER_MODULE = "pressbot.spiders"

# Identify ourselves with a way to reach the operator; set PRESSBOT_CONTACT to your own page or address.
PRESSBOT_CONTACT = os.environ.get("PRESSBOT_CONTACT", "https://github.com/pressbot/pressbot")
USER_AGENT = f"pressbot/0.1 (+{PRESSBOT_CONTACT})"

ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 1
# Scrapy starts this many asyncio tasks for every response's output (default 100). A release page yields one
# item and a listing page about fifty requests, all handled synchronously: 4 keeps the work, not the overhead.
CONCURRENT_ITEMS = 4
DOWNLOAD_DELAY = 1.0  # per-site Crawl-delay (robots.txt or the site table) raises this per spider
DOWNLOAD_DELAY_JITTER = 0.25  # ±25% around the delay; a robots.txt Crawl-delay is kept exact
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
HTTPCACHE_ENABLED = False
COOKIES_ENABLED = True  # the ROK board sets a session cookie on its first (307) answer
REDIRECT_MAX_TIMES = 5
PRESSBOT_ROBOTS_MAXSIZE = 512 * 1024  # a larger robots.txt stops its host (RFC 9309 asks parsers for 500 KiB)
PRESSBOT_ROBOTS_TIMEOUT = 20.0  # seconds for the whole robots.txt; slower stops its host
# Let error statuses reach the spider so blocks (403/429) are counted, not silently dropped.
HTTPERROR_ALLOW_ALL = True

FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORTERS = {
    "jsonlines": "pressbot.crawl.exporters.FlushingJsonLinesExporter",
    "jsonl": "pressbot.crawl.exporters.FlushingJsonLinesExporter",
}

# Spider middlewares whose work pressbot does not use: each wraps every callback's output (a release's item, a
# listing's fifty requests) in one more async generator. Referer headers are not sent (bots need not), URLs come
# from the sites' own listings (no length filter), there is no depth limit, and no request copies meta.
SPIDER_MIDDLEWARES = {
    "scrapy.spidermiddlewares.referer.RefererMiddleware": None,
    "scrapy.spidermiddlewares.urllength.UrlLengthMiddleware": None,
    "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
    "scrapy.spidermiddlewares.metacopy.MetaCopyDetectionMiddleware": None,
    "pressbot.crawl.bounds.ListingBounds": 800,
}
PRESSBOT_MAX_LISTING_PAGES = 500  # listing pages followed per site (an endless "next page" chain stops here)
PRESSBOT_MAX_LISTING_LINKS = 2000  # release links taken from one listing page
# Redirects off a site's domains are dropped by Scrapy's OffsiteMiddleware (spiders set allowed_domains).
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "pressbot.middlewares.RobotsPolicyMiddleware": 100,
    "pressbot.middlewares.BackoffMiddleware": 560,  # before RetryMiddleware (550) sees the response
    # The stock redirect middlewares warn that there is no Referer middleware (removed above, on purpose).
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "pressbot.crawl.redirects.NoRefererMetaRefreshMiddleware": 580,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "pressbot.crawl.redirects.NoRefererRedirectMiddleware": 600,
    # The WARC archive (PRESSBOT_ARCHIVE): every attempt below HttpCompression, 3xx above Redirect (crawl/archive.py)
    "pressbot.crawl.archive.ArchiveMiddleware": 585,
    "pressbot.crawl.archive.RedirectArchiveMiddleware": 610,
    "pressbot.fixtures.replay.ReplayMiddleware": 950,
}
# Scrapy 2.19 starts a remote-control HTTP server in every crawl: Python sent to it runs inside the crawler, and its
# token goes to a job file in the user's state directory (a killed run leaves its file behind). An unattended crawler
# wants neither, as with the telnet console; the extension's module (which imports aiohttp) is not even loaded.
REMOTE_CONTROL_ENABLED = False
# Hygiene: no publicsuffix.org fetch (bundled suffix list), no log lines about pressbot's own choices.
EXTENSIONS = {
    "pressbot.crawl.logs.Hygiene": 0,
    "pressbot.crawl.signals.DroppedRequests": 0,
    "pressbot.crawl.progress.Progress": 500,
    "pressbot.crawl.runs.WorkerManifest": 600,  # scrapy crawl / scrapyd: the manifest at PRESSBOT_MANIFEST
    "scrapy.extensions.remote_control.RemoteControl": None,
}
# Many workers (docs/workers.md): REDIS_URL makes this process one worker of a shared run (frontier, politeness
# and state in Redis); the add-on sets the scheduler and the rest from it, after the command line is read.
ADDONS = {"pressbot.crawl.frontier.RedisWorkers": 0}
REDIS_URL = os.environ.get("REDIS_URL", "")
PRESSBOT_RUN_ID = ""  # workers of one run share it (default: run-<UTC date and hour>)
PRESSBOT_WORKER = ""  # this worker's name, unique in the run (default: <hostname>-<pid>)
PRESSBOT_RUN_DIR = ""  # parts go to <dir>/<run id>/releases-<worker>.jsonl (and rejects-, manifest-)
PRESSBOT_LEASE_SECONDS = 30.0  # a worker silent this long is dead: its leased requests go back to the queue
PRESSBOT_PROGRESS_INTERVAL = 15.0  # seconds between progress lines on stderr; 0 turns them off
ITEM_PIPELINES = {
    "pressbot.pipelines.TriagePipeline": 100,
    "pressbot.pipelines.ValidatePipeline": 200,
    "pressbot.pipelines.ProvenancePipeline": 300,
    "pressbot.pipelines.StatePipeline": 400,
    "pressbot.pipelines.OutputPipeline": 900,
}

# pressbot's own settings (the CLI sets these from its options).
PRESSBOT_REPLAY = os.environ.get("PRESSBOT_REPLAY", "")  # a fixtures folder: answer every request from it
PRESSBOT_OUTPUT = ""  # releases JSONL written by pressbot (one flushed line per record)
PRESSBOT_REJECTS = ""  # rejects JSONL
PRESSBOT_STATE = ""  # SQLite crawl state, or redis://… (shared); empty means no incremental state
PRESSBOT_MANIFEST = ""  # scrapy crawl: write the run manifest here at the end
PRESSBOT_ARCHIVE = ""  # a folder: every response goes into WARC files there (pressbot crawl: on with the state)
PRESSBOT_ARCHIVE_MAX_BYTES = 1 << 30  # a site's WARC file is rotated past this size
PRESSBOT_UPSTREAM = os.environ.get("PRESSBOT_UPSTREAM", "")  # tests/benchmarks: fetch from a local server
if PRESSBOT_UPSTREAM:
    DOWNLOAD_HANDLERS = {
        "http": "pressbot.crawl.upstream.UpstreamDownloadHandler",
        "https": "pressbot.crawl.upstream.UpstreamDownloadHandler",
    }
PRESSBOT_EXTRACT_WORKERS = "auto"  # worker processes reading release pages; auto: 3 with a second core (0 in replay)
PRESSBOT_READ_TIMEOUT = 60.0  # seconds a worker may spend on one page before it is stopped (twice: a reject)
PRESSBOT_REVALIDATE_HOURS = 0.0  # >0: skip known releases seen this recently (unless the listing changed)
# Run gates (`pressbot crawl --help` and README: exit codes). Command-line options override these.
PRESSBOT_MAX_REJECT_SHARE = 0.2  # rejects / pages fetched
PRESSBOT_MIN_COVERAGE = 0.5  # share of records with a published date, per site
PRESSBOT_MAX_COVERAGE_DROP = 0.3  # meeting-date coverage below the median of recent runs by more than this
PRESSBOT_COVERAGE_HISTORY = 10  # how many recent runs the median is taken over
PRESSBOT_JOBDIR_PER_SITE = False  # pressbot crawl sets it: JOBDIR=DIR keeps each spider's job in DIR/<site>
PRESSBOT_SINCE = ""
PRESSBOT_UNTIL = ""

REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
LOG_LEVEL = "INFO"
TELNETCONSOLE_ENABLED = False
