#!/usr/bin/env python3
"""How long `figcheck server` takes to re-check a draft after an edit.

It starts the release build's language server in a temporary folder with
the project's rules.toml, opens a draft made of the seed drafts (10 KB,
100 KB and 1 MB), then sends RUNS edits one at a time, each a whole new
text with one number changed, as editors send them, and times each from
the edit to the diagnostics published for that version. Prints the median
and the slowest for each size; the target for 10 KB is 10 ms.

Usage: bench/server.py [--runs N] [--bin PATH]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def seed_text():
    seeds = sorted((ROOT / "seeds").glob("*.md"))
    return "\n\n".join(p.read_text(encoding="utf-8") for p in seeds) + "\n\n"


class Server:
    def __init__(self, binary, folder):
        self.process = subprocess.Popen(
            [binary, "server"], cwd=folder, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.next_id = 1

    def send(self, message):
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self):
        length = None
        while True:
            line = self.process.stdout.readline()
            if not line:
                sys.exit("the server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def request(self, method, params):
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        self.next_id += 1
        while "id" not in (answer := self.receive()):
            pass
        return answer

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def diagnostics_for(self, version):
        while True:
            message = self.receive()
            if message.get("method") == "textDocument/publishDiagnostics":
                params = message["params"]
                if params.get("version") in (version, None):
                    return params["diagnostics"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--bin", default=str(ROOT / "target" / "release" / "figcheck"))
    args = parser.parse_args()
    if args.bin == str(ROOT / "target" / "release" / "figcheck"):
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    text = seed_text()
    print("| draft | edits | median | slowest | diagnostics |")
    print("|---|---|---|---|---|")
    for size in (10_000, 100_000, 1_000_000):
        draft = (text * (size // len(text) + 1))[:size]
        draft = draft[: draft.rfind("\n") + 1]
        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / "rules.toml").write_text((ROOT / "rules.toml").read_text())
            path = Path(folder) / "draft.md"
            path.write_text(draft)
            uri = path.as_uri()
            server = Server(args.bin, folder)
            server.request("initialize", {"processId": os.getpid(), "rootUri": Path(folder).as_uri(), "capabilities": {}})
            server.notify("initialized", {})
            server.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": "markdown", "version": 1, "text": draft}})
            server.diagnostics_for(1)
            times, found = [], 0
            for version in range(2, args.runs + 2):
                # One digit of the first 367 changes, as a reporter's edit would.
                edited = draft.replace("367", str(360 + version % 10), 1)
                start = time.perf_counter()
                server.notify("textDocument/didChange", {
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": [{"text": edited}]})
                found = len(server.diagnostics_for(version))
                times.append(time.perf_counter() - start)
            server.request("shutdown", None)
            server.notify("exit", None)
            server.process.wait(timeout=10)
        print(f"| {len(draft.encode()) // 1000} KB | {len(times)} | {statistics.median(times) * 1000:.1f} ms "
              f"| {max(times) * 1000:.1f} ms | {found} |", flush=True)


if __name__ == "__main__":
    main()
