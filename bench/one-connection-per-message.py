#!/usr/bin/env python3
"""The baseline of the send benchmark: a client that opens one SMTP connection per message, as
awdeorio/mailmerge does (render, build, then connect, EHLO, send, QUIT for each message).
Python's standard library only, so that it runs on a fresh machine.

Usage: one-connection-per-message.py HOST PORT CONTACTS.csv LETTER.txt
LETTER.txt is the letter text with {name} and {district} where each contact's values go; every
message carries it as a text part and an HTML part, like signon's messages. Prints the rate.
"""
import csv
import html
import smtplib
import sys
import time
from email.message import EmailMessage
from email.utils import formatdate, make_msgid


def main(host, port, contacts_path, letter_path):
    with open(letter_path, encoding="utf-8") as f:
        letter = f.read()
    with open(contacts_path, newline="", encoding="utf-8") as f:
        contacts = list(csv.DictReader(f))
    start = time.perf_counter()
    for contact in contacts:
        text = letter.replace("{name}", contact["name"]).replace("{district}", contact["district"])
        message = EmailMessage()
        message["From"] = "Example Coalition <coalition@example.org>"
        message["To"] = f'{contact["name"]} <{contact["email"]}>'
        message["Subject"] = "Coalition letter: no biometric dragnet"
        message["Date"] = formatdate(localtime=False)
        message["Message-ID"] = make_msgid(domain="example.org")
        message.set_content(text)
        message.add_alternative("<!DOCTYPE html><html><body><pre>" + html.escape(text) + "</pre></body></html>",
                                subtype="html")
        with smtplib.SMTP(host, int(port)) as smtp:
            smtp.send_message(message)
    elapsed = time.perf_counter() - start
    print(f"one connection per message: {len(contacts)} messages in {elapsed:.2f} s = "
          f"{len(contacts) / elapsed:.0f} messages/s")


if __name__ == "__main__":
    main(*sys.argv[1:5])
