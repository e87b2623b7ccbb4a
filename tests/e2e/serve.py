"""The static server of the Playwright specs: Python's http.server for dist/, on loopback, with a deeper accept queue.

    python3 serve.py PORT DIR

`python3 -m http.server` accepts 5 waiting connections; a page's loader (both parts' JS and wasm) and its service
worker's install (which fetches every file again) can open more than that at once, and a connection beyond them waits
for the client's SYN retries (1 s, then 3 s).
"""
import functools
import http.server
import sys


class Server(http.server.ThreadingHTTPServer):
    request_queue_size = 128


port, folder = int(sys.argv[1]), sys.argv[2]
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=folder)
Server(("127.0.0.1", port), handler).serve_forever()
