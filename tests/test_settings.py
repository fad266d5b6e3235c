"""pressbot's Scrapy settings (pressbot/settings.py): what an unattended crawl opens on the machine it runs on."""

from __future__ import annotations

from scrapy.settings import Settings
from scrapy.utils.test import get_crawler

from pressbot.spiders.sites import MofaJaSpider


def test_a_crawl_opens_no_console_and_no_remote_control_server() -> None:
    settings = Settings()  # Scrapy's defaults, then pressbot's
    settings.setmodule("pressbot.settings", priority="project")
    consoles = ("EXTENSIONS", "REMOTE_CONTROL_", "TELNETCONSOLE_", "PRESSBOT_")  # the reactor: get_crawler's own
    crawler = get_crawler(MofaJaSpider, {name: settings[name] for name in settings if name.startswith(consoles)})
    loaded = {type(extension).__name__ for extension in crawler.extensions.middlewares}
    assert "Progress" in loaded  # pressbot's own extension: the list is the real one
    assert not loaded & {"RemoteControl", "TelnetConsole"}
