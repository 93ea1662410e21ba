"""The DOM a headless Chromium built (its --dump-dom output), as a list of
elements with their tag, attributes and text; shared by tests/html.sh and
tests/serve.sh."""
from html.parser import HTMLParser


class Dom(HTMLParser):
    """The elements Chromium built, with their attributes and text."""

    def __init__(self):
        super().__init__()
        self.stack, self.elements = [], []

    def handle_starttag(self, tag, attrs):
        node = {"tag": tag, "attrs": dict(attrs), "text": ""}
        self.elements.append(node)
        if tag not in ("meta", "br", "img", "link", "input"):
            self.stack.append(node)

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()["tag"] == tag:
                break

    def handle_data(self, data):
        for node in self.stack:
            node["text"] += data


def read(path):
    """The elements of the DOM dumped at `path`."""
    dom = Dom()
    with open(path, encoding="utf-8") as f:
        dom.feed(f.read())
    return dom.elements
