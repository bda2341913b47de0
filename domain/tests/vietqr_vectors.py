"""Independent VietQR payloads, written from the NAPAS / EMVCo merchant-presented QR layout.

Reads JSON cases on stdin: [{"bin": ..., "account": ..., "amount": ..., "reference": ...}],
prints one payload per case. Every field is ID + two-digit length + value; the CRC is
CRC-16/CCITT-FALSE (binascii.crc_hqx with initial value 0xFFFF) over the payload up to and
including "6304", in four upper-case hex digits.
"""
import binascii
import json
import sys


def tlv(tag, value):
    return "%s%02d%s" % (tag, len(value), value)


for case in json.load(sys.stdin):
    beneficiary = tlv("00", case["bin"]) + tlv("01", case["account"])
    merchant = tlv("00", "A000000727") + tlv("01", beneficiary) + tlv("02", "QRIBFTTA")
    body = "".join([
        tlv("00", "01"),
        tlv("01", "12"),
        tlv("38", merchant),
        tlv("53", "704"),
        tlv("54", str(case["amount"])),
        tlv("58", "VN"),
        tlv("62", tlv("08", case["reference"])),
    ]) + "6304"
    print(body + "%04X" % binascii.crc_hqx(body.encode("ascii"), 0xFFFF))
