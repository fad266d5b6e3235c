"""Exit codes of `pressbot crawl`: each failing gate has its own, so cron mail says what broke."""

OK = 0
ERROR = 1  # an unexpected failure or a bad command line (click uses 2 for usage errors)
BLOCKED = 3  # a site yielded nothing but blocked pages (403/429/challenge/decoy) or refused robots.txt
REJECTS = 4  # the share of rejected pages is above --max-reject-share
COVERAGE = 5  # field coverage is below --min-coverage or fell well below the recent median
SPIDER_ERRORS = 6  # spider exceptions, fetch errors, or replay requests with no fixture
INTERRUPTED = 7  # SIGINT/SIGTERM stopped the run early (the manifest says interrupted; state and lock are clean)
STATE_UNUSABLE = 65  # the state file is empty, corrupt or not pressbot's (EX_DATAERR): see --rebuild-state
DISK_FULL = 74  # the output, rejects or state could not be written (EX_IOERR: disk full, read-only)
LOCK_HELD = 75  # another run holds the state lock (EX_TEMPFAIL: try again later)

EXIT_CODES = {
    OK: "every gate holds",
    ERROR: "unexpected error",
    2: "bad command line (usage error)",
    BLOCKED: "a site yielded nothing but blocked pages, or its robots.txt was unavailable",
    REJECTS: "reject share above the threshold",
    COVERAGE: "field coverage below the threshold or far below the recent median",
    SPIDER_ERRORS: "spider errors, fetch errors or missing replay fixtures",
    INTERRUPTED: "interrupted by SIGINT/SIGTERM: records so far are written and committed, the rest not fetched",
    STATE_UNUSABLE: "the state file is empty, corrupt or not a pressbot state (--rebuild-state starts a new one)",
    DISK_FULL: "an output file could not be written (disk full, read-only): what was written is whole lines",
    LOCK_HELD: "another run holds the state lock",
}
