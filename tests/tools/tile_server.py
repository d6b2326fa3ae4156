#!/usr/bin/env python3
"""A local XYZ tile server for the basemap tests (no network): serves TILE (a PNG the test
made) for every /tiles/{z}/{x}/{y}.png, 404 for anything else; binds a free port on
127.0.0.1 and writes it to PORT_FILE once listening. Each request is appended to PORT_FILE.log.
DELAY_S (optional) holds each tile back that long: a slow network, for measuring frame times
while tiles load (docs/PERFORMANCE.md).
Usage: tile_server.py TILE PORT_FILE [DELAY_S]"""
import http.server
import re
import sys
import time

tile_path, port_file = sys.argv[1], sys.argv[2]
delay = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
with open(tile_path, "rb") as f:
    tile = f.read()


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        with open(port_file + ".log", "a") as log:
            log.write(self.path + "\n")
        if re.fullmatch(r"/tiles/\d+/\d+/\d+\.png", self.path):
            time.sleep(delay)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(tile)))
            self.end_headers()
            self.wfile.write(tile)
        else:
            self.send_error(404)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
import os
os.rename(port_file + ".tmp", port_file)
server.serve_forever()
