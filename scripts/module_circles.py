#!/usr/bin/env python3
"""Find circles between the modules of one Rust crate, and fail when there is one.

A module circle (a -> b -> ... -> a) means none of its modules can be read, tested or moved
without the others; the domain crate was untangled once (issue #28) and this keeps it so.

Edges are read from the source text, without compiling: every `crate::...`, `super::...` and
`self::...` path in code (`use` trees expanded, comments left out, `#[cfg(test)]` modules left
out because tests may reach anywhere), resolved to the deepest module that has a file. A path
to an item inside a module (a function, a type) counts as an edge to that module. Modules are
the crate's `.rs` files: `a/b.rs` and `a/b/mod.rs` are `a::b`; `lib.rs` and `main.rs` are the
crate root, which is left out (every module hangs from it).

Usage: python3 scripts/module_circles.py [SRC_DIR=domain/src] [--edges]

Prints each circle (a strongly connected component of more than one module) with the edges
inside it, and exits 1 when there is one; prints one line and exits 0 when there is none.
`--edges` also prints every edge `a -> b` first.
"""

from __future__ import annotations

import os
import re
import sys

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"
HEAD = re.compile(r"\b(crate|self|super(?:::super)*)\b")
TEST_ATTRIBUTE = re.compile(r"#\[cfg\(test\)\]")


def modules(root: str) -> dict[str, str]:
    """Module path -> file, for every `.rs` file under `root`."""
    found = {}
    for directory, _, files in os.walk(root):
        for name in files:
            if not name.endswith(".rs"):
                continue
            rel = os.path.relpath(os.path.join(directory, name), root)[:-3].replace(os.sep, "/")
            if rel in ("lib", "main"):
                module = ""
            elif rel.endswith("/mod"):
                module = rel[:-4].replace("/", "::")
            else:
                module = rel.replace("/", "::")
            found[module] = os.path.join(directory, name)
    return found


def neutral(literal: str) -> str:
    """A string literal's text with its brackets and semicolons blanked: they must not open or
    close blocks, but a path in it still counts (sea-orm names related entities in strings,
    `belongs_to = "super::province::Entity"`)."""
    return re.sub(r"[{}\[\];]", " ", literal)


def strip_comments_and_strings(text: str) -> str:
    """The code of `text` with comments removed and the brackets inside string and char
    literals blanked (see `neutral`)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif text.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if text.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif text.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    i += 1
        elif c == "r" and re.match(r'r#*"', text[i:]) and (i == 0 or not text[i - 1].isalnum()):
            hashes = len(re.match(r"r(#*)", text[i:]).group(1))
            close = '"' + "#" * hashes
            end = text.find(close, i + 2 + hashes)
            end = n if end < 0 else end + len(close)
            out.append(neutral(text[i:end]))
            i = end
        elif c == '"':
            start, i = i, i + 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
            i += 1
            out.append(neutral(text[start:i]))
        elif c == "'" and re.match(r"'(\\.|[^\\'])'", text[i:]):
            # A char literal ('{', '\n'); a lifetime ('a) has no closing quote and stays.
            i += len(re.match(r"'(\\.|[^\\'])'", text[i:]).group(0))
            out.append("' '")
        else:
            out.append(c)
            i += 1
    return "".join(out)


def without_test_modules(code: str) -> str:
    """`code` without the items marked `#[cfg(test)]` (a `mod` block, or a single item)."""
    out = []
    pos = 0
    for m in TEST_ATTRIBUTE.finditer(code):
        if m.start() < pos:
            continue
        out.append(code[pos : m.start()])
        i = m.end()
        # Skip to the end of the item: its block, or its `;`, whichever comes first.
        depth = 0
        while i < len(code):
            if code[i] == "{":
                depth += 1
            elif code[i] == "}":
                depth -= 1
                if depth == 0:
                    i += 1
                    break
            elif code[i] == ";" and depth == 0:
                i += 1
                break
            elif code[i] == "[" and depth == 0:
                # Another attribute on the same item (`#[allow(...)]`).
                close = code.find("]", i)
                i = close if close >= 0 else i
            i += 1
        pos = i
    out.append(code[pos:])
    return "".join(out)


def use_tree_paths(code: str, start: int) -> list[list[str]]:
    """The paths of the `::{...}` group that opens at `code[start] == '{'`, expanded."""
    depth, i = 0, start
    while i < len(code):
        if code[i] == "{":
            depth += 1
        elif code[i] == "}":
            depth -= 1
            if depth == 0:
                break
        i += 1
    inner = code[start + 1 : i]
    items, depth, current = [], 0, ""
    for c in inner:
        if c == "," and depth == 0:
            items.append(current)
            current = ""
            continue
        depth += c == "{"
        depth -= c == "}"
        current += c
    items.append(current)
    paths = []
    for item in items:
        item = item.strip()
        if not item:
            continue
        brace = item.find("{")
        if brace >= 0:
            prefix = [p for p in item[:brace].split("::") if p.strip()]
            for rest in use_tree_paths(item, brace):
                paths.append([p.strip() for p in prefix] + rest)
        else:
            name = item.split(" as ")[0].strip()
            paths.append([] if name in ("self", "*") else [p.strip() for p in name.split("::") if p.strip()])
    return paths


def edges_of(root: str) -> tuple[dict[str, str], dict[str, set[str]]]:
    mods = modules(root)

    def resolve(parts: list[str]) -> str | None:
        for k in range(len(parts), 0, -1):
            candidate = "::".join(parts[:k])
            if candidate in mods:
                return candidate
        return None

    edges: dict[str, set[str]] = {}
    for module, path in mods.items():
        with open(path, encoding="utf-8") as f:
            code = without_test_modules(strip_comments_and_strings(f.read()))
        here = module.split("::") if module else []
        for m in HEAD.finditer(code):
            head = m.group(1)
            if head == "crate":
                base: list[str] = []
            elif head == "self":
                base = list(here)
            else:
                base = here[: len(here) - head.count("super")]
            tail = re.match(rf"((?:::{IDENT})*)(::\{{)?", code[m.end() :])
            parts = base + [p for p in tail.group(1).split("::") if p]
            targets = [parts]
            if tail.group(2):
                brace = m.end() + tail.end() - 1
                targets = [parts + rest for rest in use_tree_paths(code, brace)]
            for target in targets:
                found = resolve(target)
                if found and found != module:
                    edges.setdefault(module, set()).add(found)
    return mods, edges


def circles(mods: dict[str, str], edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(mods):
        if root in index:
            continue
        work = [(root, iter(sorted(edges.get(root, ()))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def main(argv: list[str]) -> int:
    root = next((a for a in argv if not a.startswith("--")), "domain/src")
    if not os.path.isdir(root):
        print(f"{root}: not a directory", file=sys.stderr)
        return 2
    mods, edges = edges_of(root)
    if "--edges" in argv:
        for a in sorted(edges):
            for b in sorted(edges[a]):
                print(f"{a} -> {b}")
    found = circles(mods, edges)
    for component in found:
        print("CYCLE:", ", ".join(component))
        for a in component:
            inside = sorted(b for b in edges.get(a, ()) if b in component)
            print("   ", a, "->", ", ".join(inside))
    if found:
        print(f"{root}: {len(found)} module circle(s)", file=sys.stderr)
        return 1
    print(f"{root}: no module circles ({len(mods)} modules)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
