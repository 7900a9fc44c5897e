"""The slow-CSS phase's baseline: the usual small WhatsApp bot, thread per request (Python's standard library, as a
Flask app with threaded=True runs). Each webhook is answered inside its own request: check the signature, ask the CSS
API (blocking), send the answer through the Graph API, then 200. No store, no guarantees. Bench use only.

Environment: PORT (0: any), APP_SECRET, CSS_URL, GRAPH_URL (version included), TOKEN.
"""

import hashlib
import hmac
import json
import os
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SECRET = os.environ["APP_SECRET"].encode()
CSS_URL = os.environ["CSS_URL"].rstrip("/") + "/ask-question-ultra"
GRAPH_URL = os.environ["GRAPH_URL"].rstrip("/")
TOKEN = os.environ.get("TOKEN", "bench-token")


def post_json(url, payload, headers=None):
    request = urllib.request.Request(url, data=json.dumps(payload).encode(), method="POST")
    request.add_header("content-type", "application/json")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read() or b"{}")


class Webhook(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", "0")))
        expected = "sha256=" + hmac.new(SECRET, body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, self.headers.get("x-hub-signature-256", "")):
            return self.answer(401)
        for entry in json.loads(body).get("entry", []):
            for change in entry.get("changes", []):
                value = change.get("value", {})
                number = value.get("metadata", {}).get("phone_number_id", "")
                for message in value.get("messages", []):
                    question = message.get("text", {}).get("body", "")
                    answer = post_json(CSS_URL, {"question": question}).get("answer", "")
                    reply = {"messaging_product": "whatsapp", "to": message["from"], "type": "text", "text": {"body": answer}}
                    post_json(f"{GRAPH_URL}/{number}/messages", reply, {"authorization": f"Bearer {TOKEN}"})
        self.answer(200)

    def answer(self, status):
        self.send_response(status)
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, *_):
        pass


class Server(ThreadingHTTPServer):
    # Class attributes: the constructor calls listen() with them, so setting them on the instance is too late.
    daemon_threads = True
    request_queue_size = 1024


server = Server(("127.0.0.1", int(os.environ.get("PORT", "0"))), Webhook)
print(json.dumps({"msg": "listening", "port": server.server_address[1]}), flush=True)
server.serve_forever()
