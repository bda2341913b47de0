"""A real SMTP server for the mail tests (PyPI aiosmtpd).

Usage: python3 smtp_server.py HOST PORT FOLDER

Each accepted message is saved in FOLDER as <n>.json: the envelope, and the headers and body as
Python's own e-mail parser decodes them (an independent check of what lettre encoded), plus the
raw message. Recipients at refused.example.vn are refused with 550, as a real server refuses an
unknown mailbox. Runs until killed.
"""

import email
import email.policy
import json
import os
import sys
import threading

from aiosmtpd.controller import Controller

REFUSED_DOMAIN = "@refused.example.vn"


class SaveToFolder:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().endswith(REFUSED_DOMAIN):
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "from": str(message["from"]),
            "to": str(message["to"]),
            "subject": str(message["subject"]),
            "content_type": message.get_content_type(),
            "charset": message.get_content_charset(),
            "body": message.get_content(),
            "raw": raw.decode("ascii", errors="replace"),
        }
        with self.lock:
            self.count += 1
            name = f"{self.count}.json"
        tmp = os.path.join(self.folder, name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        # Renamed when complete, so the test never reads half a file.
        os.rename(tmp, os.path.join(self.folder, name))
        return "250 Message accepted for delivery"


def main():
    host, port, folder = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    controller = Controller(SaveToFolder(folder), hostname=host, port=port)
    controller.start()
    print(f"smtp server listening on {host}:{port}", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
