#!/usr/bin/env python3
"""Receives IomDirectory webhooks and verifies their Standard Webhooks signature (standard library only).

    WEBHOOK_SECRET=whsec_... PORT=8080 python3 receive_webhook.py

Register it with `iomdir webhooks add https://your-host/hooks/iomdir` (the secret is printed once). Each verified
change is printed as one JSON line; a request with a bad or old signature is answered 400 and printed as rejected.
Deliveries come at least once, in order: use webhook-id (one per change) to skip one seen before.
"""
import base64, hashlib, hmac, json, os, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SECRET = os.environ["WEBHOOK_SECRET"]
KEY = base64.b64decode(SECRET.removeprefix("whsec_"))
TOLERANCE_SECONDS = 5 * 60   # refuse replays of old deliveries
MAX_BODY = 1024 * 1024
seen = set()   # webhook-ids already handled (keep a bounded, persistent store in production)


def verify(headers, body):
    msg_id, timestamp, signatures = headers.get("webhook-id"), headers.get("webhook-timestamp"), headers.get("webhook-signature")
    if not (msg_id and timestamp and signatures):
        return False
    if abs(time.time() - int(timestamp)) > TOLERANCE_SECONDS:
        return False
    expected = base64.b64encode(hmac.new(KEY, f"{msg_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()).decode()
    return any(hmac.compare_digest(s.partition(",")[2], expected) for s in signatures.split(" ") if s.startswith("v1,"))


class Hook(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("content-length", "0"))
        if length > MAX_BODY:
            self.send_response(413); self.end_headers(); return
        body = self.rfile.read(length)
        if not verify(self.headers, body):
            print(json.dumps({"rejected": self.headers.get("webhook-id")}, separators=(",", ":")), flush=True)
            self.send_response(400); self.end_headers(); return
        msg_id = self.headers["webhook-id"]
        if msg_id not in seen:
            seen.add(msg_id)
            event = json.loads(body)
            data = event["data"]
            print(json.dumps({"id": msg_id, "type": event["type"], "kind": data.get("entityKind"), "record": data.get("entityId")}, separators=(",", ":")), flush=True)
        self.send_response(204); self.end_headers()

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", int(os.environ.get("PORT", "8080"))), Hook)
    print(f"listening on {server.server_address[1]}", flush=True)
    server.serve_forever()
