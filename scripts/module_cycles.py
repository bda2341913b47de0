#!/usr/bin/env python3
"""Lists the `crate::…` dependencies between the modules of a crate and reports import circles.

    scripts/module_cycles.py [SRC_DIR] [--depth N] [--edges]

Every `.rs` file under SRC_DIR (default `app/src`) is a module named by its path
(`pages/dossier/start.rs` is `pages::dossier::start`). Each `crate::a::b::…` path it names, in a
`use` tree or inline, and each `super::…` path, is an edge from the file's module to the module
it points at. Both ends are cut to their first N segments (default 2: `pages::dossier`,
`server_fns::back_office`), so that a circle between two areas shows even when it runs through
different files. A module naming its own ancestor or descendant is not an edge (a parent
declares its children; a child may use its parent's helpers), only modules side by side are.

Prints the edges with `--edges`, then every strongly connected component of more than one module
(a circle), and exits with 1 if there is one.
"""

import os
import re
import sys
from collections import defaultdict

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"


def module_of(src, path):
    rel = os.path.relpath(path, src)[: -len(".rs")]
    parts = rel.split(os.sep)
    if parts in (["lib"], ["main"]):
        return []
    if parts[-1] == "mod":
        parts = parts[:-1]
    return parts


def blank(match):
    """The match replaced by spaces, newlines kept: positions stay where they were."""
    return re.sub(r"[^\n]", " ", match.group(0))


def code_only(text):
    """The text without comments, string and character literals (their braces would confuse the
    module nesting below), every position unchanged."""
    pattern = re.compile(
        r'/\*.*?\*/|//[^\n]*|r(#*)".*?"\1|b?"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\\n])\'',
        re.S,
    )
    return pattern.sub(blank, text)


def expand_use_tree(tree):
    """`a::{b, c::{d, e}}` → [`a::b`, `a::c::d`, `a::c::e`] (items only, `self` kept as is)."""
    tree = re.sub(r"\s+", "", tree)
    out = []

    def walk(prefix, s):
        # Split s at top-level commas.
        depth, start, parts = 0, 0, []
        for i, ch in enumerate(s):
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            elif ch == "," and depth == 0:
                parts.append(s[start:i])
                start = i + 1
        parts.append(s[start:])
        for part in filter(None, parts):
            brace = part.find("{")
            if brace >= 0:
                head = part[:brace].rstrip(":")
                walk(prefix + ([head] if head else []), part[brace + 1 : part.rfind("}")])
            else:
                out.append("::".join(prefix + [part.split(" as ")[0]]))

    walk([], tree)
    return out


def references(text):
    """`(inline module path, path)` for each path starting with `crate::` or `super::`, from `use`
    trees and from inline paths. The inline module path names the `mod x { … }` blocks the path
    sits in, so that `super::` inside one resolves from there."""
    text = code_only(text)
    # Where each inline module opens and closes.
    opened, stack, spans, depth = {}, [], [], 0
    for m in re.finditer(rf"\bmod\s+({IDENT})\s*\{{", text):
        opened[m.end() - 1] = m.group(1)
    for i, ch in enumerate(text):
        if ch == "{":
            depth += 1
            if i in opened:
                stack.append((opened[i], depth, i))
        elif ch == "}":
            if stack and stack[-1][1] == depth:
                name, _, start = stack.pop()
                spans.append((start, i, [n for n, _, _ in stack] + [name]))
            depth -= 1

    def inline_at(pos):
        inside = [s for s in spans if s[0] < pos < s[1]]
        return max(inside, key=lambda s: len(s[2]))[2] if inside else []

    out = []
    for m in re.finditer(r"\buse\s+((?:crate|super)::[^;]+);", text):
        out.extend((inline_at(m.start()), p) for p in expand_use_tree(m.group(1)))
    text = re.sub(r"\buse\s+(?:crate|super)::[^;]+;", blank, text)
    for m in re.finditer(rf"\b((?:crate|super)(?:::(?:super|{IDENT}))+)", text):
        out.append((inline_at(m.start()), m.group(1)))
    return out


def resolve(module, path):
    segments = path.split("::")
    if segments[0] == "crate":
        return segments[1:]
    base = list(module)
    while segments and segments[0] == "super":
        base = base[:-1]
        segments = segments[1:]
    return base + segments


def main():
    args = sys.argv[1:]
    depth = 2
    show_edges = "--edges" in args
    if "--depth" in args:
        depth = int(args[args.index("--depth") + 1])
    positional = [a for i, a in enumerate(args) if not a.startswith("--") and (i == 0 or args[i - 1] != "--depth")]
    src = positional[0] if positional else "app/src"

    files = []
    for root, _, names in os.walk(src):
        files.extend(os.path.join(root, n) for n in names if n.endswith(".rs"))
    modules = {tuple(module_of(src, f)) for f in files}

    def known(target):
        """The longest prefix of `target` that is a module (a file), cut to `depth`."""
        for n in range(len(target), 0, -1):
            if tuple(target[:n]) in modules:
                return tuple(target[: min(n, depth)])
        return None

    edges = defaultdict(set)
    for f in sorted(files):
        module = module_of(src, f)
        source = tuple(module[:depth])
        if not source:
            continue
        with open(f, encoding="utf-8") as fh:
            text = fh.read()
        for inline, path in references(text):
            target = known(resolve(module + inline, path))
            if target is None or target == source:
                continue
            shorter = min(len(source), len(target))
            if source[:shorter] == target[:shorter]:
                continue  # an ancestor or descendant
            edges[source].add(target)

    name = "::".join
    if show_edges:
        for s in sorted(edges):
            print(f"{name(s)} -> {', '.join(sorted(name(t) for t in edges[s]))}")
        print()

    # Tarjan's strongly connected components.
    index, low, stack, on_stack, sccs = {}, {}, [], set(), []
    counter = [0]

    def connect(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            scc = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                scc.append(w)
                if w == v:
                    break
            sccs.append(scc)

    sys.setrecursionlimit(10000)
    for v in sorted(set(edges) | {t for ts in edges.values() for t in ts}):
        if v not in index:
            connect(v)

    circles = [sorted(s) for s in sccs if len(s) > 1]
    nodes = len(set(edges) | {t for ts in edges.values() for t in ts})
    edge_count = sum(len(t) for t in edges.values())
    print(f"{nodes} modules (depth {depth}), {edge_count} edges")
    if not circles:
        print("no import circles")
        return 0
    for c in circles:
        members = set(c)
        print("circle: " + ", ".join(name(m) for m in c))
        for s in c:
            for t in sorted(edges[s] & members):
                print(f"    {name(s)} -> {name(t)}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
