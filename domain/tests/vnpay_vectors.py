"""Independent VNPay 2.1.0 signatures, as VNPay's PHP reference computes them.

Reads JSON cases on stdin: [{"secret": ..., "params": {...}} | {"secret": ..., "fields": [...]}],
prints one lower-case hex HMAC-SHA512 per case. Parameters are sorted by name, each
urlencode(name)=urlencode(value) (PHP urlencode: space as '+', only letters, digits and '-_.'
left as they are), joined with '&'; API calls sign their fields joined with '|'.
"""
import hashlib
import hmac
import json
import sys
from urllib.parse import quote_plus


def php_urlencode(text):
    return quote_plus(text, safe="").replace("~", "%7E")


for case in json.load(sys.stdin):
    if "params" in case:
        items = sorted(
            (k, v)
            for k, v in case["params"].items()
            if k.startswith("vnp_") and k not in ("vnp_SecureHash", "vnp_SecureHashType") and v != ""
        )
        data = "&".join(php_urlencode(k) + "=" + php_urlencode(v) for k, v in items)
    else:
        data = "|".join(case["fields"])
    print(hmac.new(case["secret"].encode(), data.encode(), hashlib.sha512).hexdigest())
