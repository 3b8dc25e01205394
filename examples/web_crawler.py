"""A tasklet web crawler over a local site.

The site (a generated graph of pages with links, redirects, a 404 and a slow page) is
served by http.server's handler in tasklets; the crawler runs a bounded number of fetcher
tasklets (a channel-based semaphore), parses links with html.parser and re, follows
redirects with http.client by hand, honours a per-request timeout, and builds the link graph.
The result (pages found, depth of each, broken links) is printed sorted.

    python web_crawler.py [pages] [fetchers]
"""
import collections
import http.client
import re
import socket
import sys
import urllib.parse
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler

import stackless

import slpcompat

slpcompat.install_sockets()

N_PAGES = int(sys.argv[1]) if len(sys.argv) > 1 else 60
N_FETCHERS = int(sys.argv[2]) if len(sys.argv) > 2 else 6


def page_links(n):
    links = ["/page/%d" % ((n * 7 + 3) % N_PAGES), "/page/%d" % ((n * 3 + 1) % N_PAGES),
             "/page/%d" % ((n + 1) % N_PAGES)]
    if n % 10 == 0:
        links.append("/old/%d" % (n + 1))          # redirects
    if n % 17 == 5:
        links.append("/missing/%d" % n)            # 404
    if n == 7:
        links.append("/slow")                      # never answers in time
    if n % 13 == 2:
        links.append("http://elsewhere.example/x")  # external: not followed
    return links


class SiteHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args):
        pass

    def do_GET(self):
        m = re.match(r"^/page/(\d+)$", self.path)
        if m and int(m.group(1)) < N_PAGES:
            n = int(m.group(1))
            body = "<html><head><title>Page %d</title></head><body>" % n
            body += "".join('<a href="%s">link</a> ' % l for l in page_links(n))
            body += "</body></html>"
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        m = re.match(r"^/old/(\d+)$", self.path)
        if m:
            self.send_response(301)
            self.send_header("Location", "/page/%d" % (int(m.group(1)) % N_PAGES))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.path == "/slow":
            slpcompat.sleep(2.0)
        self.send_error(404)


def serve(sock, handlers):
    while True:
        conn, addr = sock.accept()
        handlers.append(stackless.tasklet(handle)(conn, addr))


def handle(conn, addr):
    try:
        SiteHandler(conn, addr, None)
    except OSError:
        pass
    finally:
        conn.close()


class LinkParser(HTMLParser):
    def __init__(self):
        HTMLParser.__init__(self)
        self.links = []
        self.title = None
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.extend(v for k, v in attrs if k == "href")
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title = data


class Semaphore(object):
    """A counting semaphore on a channel: acquire blocks the tasklet when none is left."""

    def __init__(self, n):
        self.free = n
        self.waiters = stackless.channel()
        self.waiters.preference = 1

    def __enter__(self):
        if self.free == 0:
            self.waiters.receive()
        else:
            self.free -= 1

    def __exit__(self, *exc):
        if self.waiters.balance < 0:
            self.waiters.send(None)
        else:
            self.free += 1


class Crawler(object):
    def __init__(self, port):
        self.port = port
        self.limit = Semaphore(N_FETCHERS)
        self.depth = {}
        self.titles = {}
        self.edges = collections.defaultdict(set)
        self.broken = {}
        self.redirects = {}
        self.external = set()
        self.pending = 0
        self.done = stackless.channel()
        self.max_active = 0
        self.active = 0

    def fetch(self, path, hops=0):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=0.5)
        try:
            conn.request("GET", path)
            resp = conn.getresponse()
            body = resp.read()
            if resp.status in (301, 302) and hops < 3:
                target = urllib.parse.urlsplit(resp.getheader("Location")).path
                self.redirects[path] = target
                return self.fetch(target, hops + 1)
            return path, resp.status, body
        finally:
            conn.close()

    def visit(self, path, depth):
        try:
            with self.limit:
                self.active += 1
                self.max_active = max(self.max_active, self.active)
                try:
                    final, status, body = self.fetch(path)
                except socket.timeout:
                    self.broken[path] = "timeout"
                    return
                finally:
                    self.active -= 1
            if status != 200:
                self.broken[path] = status
                return
            p = LinkParser()
            p.feed(body.decode("utf-8"))
            self.titles[final] = p.title
            for href in p.links:
                parts = urllib.parse.urlsplit(href)
                if parts.netloc:
                    self.external.add(href)
                    continue
                self.edges[final].add(parts.path)
                self.schedule(parts.path, depth + 1)
        finally:
            self.pending -= 1
            if self.pending == 0:
                self.done.send(None)

    def schedule(self, path, depth):
        if path in self.depth:
            return
        self.depth[path] = depth
        self.pending += 1
        stackless.tasklet(self.visit)(path, depth)

    def run(self, start):
        self.schedule(start, 0)
        self.done.receive()


def main():
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    handlers = []
    server = stackless.tasklet(serve)(sock, handlers)
    crawler = Crawler(sock.getsockname()[1])
    crawler.run("/page/0")
    pages = sorted((p for p in crawler.titles), key=lambda p: int(p.rsplit("/", 1)[1]))
    print("pages crawled:", len(pages), "of", N_PAGES)
    # shortest link distance from the start, from the graph found (the order pages were
    # found in depends on which fetch finished first)
    dist = {"/page/0": 0}
    frontier = ["/page/0"]
    while frontier:
        nxt = []
        for p in frontier:
            for q in sorted(crawler.edges.get(p, ())):
                q = crawler.redirects.get(q, q)
                if q not in dist:
                    dist[q] = dist[p] + 1
                    nxt.append(q)
        frontier = nxt
    by_depth = collections.Counter(dist[p] for p in pages)
    print("pages by depth:", sorted(by_depth.items()))
    print("titles right:", all(crawler.titles[p] == "Page %s" % p.rsplit("/", 1)[1] for p in pages))
    print("redirects:", sorted(crawler.redirects.items())[:4], len(crawler.redirects))
    print("broken:", sorted(crawler.broken.items(), key=str))
    print("external:", sorted(crawler.external))
    print("edges from /page/0:", sorted(crawler.edges["/page/0"]))
    print("fetchers never above the limit:", 1 <= crawler.max_active <= N_FETCHERS)
    server.kill()
    sock.close()
    # the slow handler is still asleep: let it finish and close its connection
    while any(t.alive for t in handlers):
        slpcompat.sleep(0.05)
    print("handlers finished:", len(handlers) > len(pages))


if __name__ == "__main__":
    main()
