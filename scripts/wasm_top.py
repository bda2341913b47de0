#!/usr/bin/env python3
"""What is inside a WebAssembly module, `twiggy top`-style: the largest functions and the
crates they come from, by code size. Reads the function names from the module's `name`
section, so give it a module that still has one (wasm-bindgen's output, before wasm-opt strips
it; sizes then are before wasm-opt's shrinking, so read them as shares).

Usage: wasm_top.py MODULE [ROWS]  -> Markdown tables on stdout.
"""
import re
import sys


def leb(data, at):
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, at


def sections(data):
    at = 8
    while at < len(data):
        kind = data[at]
        size, at = leb(data, at + 1)
        yield kind, at, size
        at += size


def imported_functions(data, at):
    count, at = leb(data, at)
    functions = 0
    for _ in range(count):
        for _ in range(2):  # module and field names
            length, at = leb(data, at)
            at += length
        kind = data[at]
        at += 1
        if kind == 0:  # function: type index
            _, at = leb(data, at)
            functions += 1
        elif kind == 1:  # table: reftype, limits
            at += 1
            flags, at = leb(data, at)
            _, at = leb(data, at)
            if flags & 1:
                _, at = leb(data, at)
        elif kind == 2:  # memory: limits
            flags, at = leb(data, at)
            _, at = leb(data, at)
            if flags & 1:
                _, at = leb(data, at)
        elif kind == 3:  # global: type, mutability
            at += 2
        elif kind == 4:  # tag
            at += 1
            _, at = leb(data, at)
    return functions


def main():
    path = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    data = open(path, "rb").read()
    imports = 0
    bodies = []
    names = {}
    for kind, at, size in sections(data):
        if kind == 2:
            imports = imported_functions(data, at)
        elif kind == 10:
            count, cursor = leb(data, at)
            for _ in range(count):
                length, cursor = leb(data, cursor)
                bodies.append(length)
                cursor += length
        elif kind == 0:
            length, cursor = leb(data, at)
            if data[cursor:cursor + length] != b"name":
                continue
            cursor += length
            end = at + size
            while cursor < end:
                sub = data[cursor]
                sub_size, cursor = leb(data, cursor + 1)
                if sub == 1:
                    inner = cursor
                    count, inner = leb(data, inner)
                    for _ in range(count):
                        index, inner = leb(data, inner)
                        length, inner = leb(data, inner)
                        names[index] = data[inner:inner + length].decode("utf-8", "replace")
                        inner += length
                cursor += sub_size
    total = sum(bodies) or 1
    # `serde_json[40aedea8d362a009]::de` -> `serde_json::de`: the hashes only tell builds apart.
    items = [
        (size, re.sub(r"\[[0-9a-f]{6,}\]", "", names.get(imports + i, f"function[{imports + i}]")))
        for i, size in enumerate(bodies)
    ]
    items.sort(reverse=True)

    def crate_of(name):
        match = re.match(r"[<&\s]*(?:mut\s+|dyn\s+)?([A-Za-z_][A-Za-z0-9_]*)::", name)
        return match.group(1) if match else "(unnamed: glue and shims)"

    crates = {}
    for size, name in items:
        crates[crate_of(name)] = crates.get(crate_of(name), 0) + size
    print(f"Code: {total:,} B in {len(bodies):,} functions (names from `{path.split('/')[-1]}`).\n")
    print("| crate | code | share |")
    print("|---|---:|---:|")
    for crate, size in sorted(crates.items(), key=lambda kv: -kv[1])[:12]:
        print(f"| {crate} | {size:,} B | {100 * size / total:.1f} % |")
    print()
    print("| largest functions | code | share |")
    print("|---|---:|---:|")
    for size, name in items[:rows]:
        short = name if len(name) <= 110 else name[:107] + "..."
        short = short.replace("|", "\\|")
        print(f"| `{short}` | {size:,} B | {100 * size / total:.1f} % |")


if __name__ == "__main__":
    main()
