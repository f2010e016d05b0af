#!/usr/bin/env python3
"""Validate the hand-annotated summary evaluation set.

Run from anywhere:  python3 tests/summary/check.py
Loads gold.jsonl and the article .txt files next to it, checks the annotation
conventions described in README.md, prints totals, and exits non-zero on any
error.
"""
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCING = {"person", "organization", "anonymous", "unnamed"}
ARTICLE_KEYS = {"id", "file", "parties", "statements", "hedges"}
STATEMENT_KEYS = {"content", "speaker", "party", "sourcing", "target"}
MIN_WORDS, MAX_WORDS = 350, 800
MIN_CONTENT_WORDS, MAX_CONTENT_WORDS = 5, 15

errors = []
warnings = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def warn(where, msg):
    warnings.append(f"{where}: {msg}")


def words(text):
    return len(text.split())


def check_layout(where, text):
    lines = text.split("\n")
    if len(lines) < 3 or not lines[0].strip() or lines[1].strip():
        err(where, "first line must be a headline followed by a blank line")
    if "\n\n\n" in text:
        err(where, "paragraphs must be separated by exactly one blank line")
    if "\r" in text:
        err(where, "file must use \\n line endings")


def main():
    gold_path = os.path.join(HERE, "gold.jsonl")
    with open(gold_path, encoding="utf-8") as f:
        raw_lines = [ln for ln in f.read().split("\n") if ln.strip()]

    totals = Counter()
    by_sourcing = Counter()
    targets_by_sourcing = Counter()
    per_article = []
    seen_ids = set()
    listed_files = set()

    for lineno, line in enumerate(raw_lines, 1):
        where = f"gold.jsonl:{lineno}"
        try:
            art = json.loads(line)
        except json.JSONDecodeError as e:
            err(where, f"invalid JSON: {e}")
            continue
        keys = set(art)
        if keys != ARTICLE_KEYS:
            err(where, f"keys {sorted(keys)} != {sorted(ARTICLE_KEYS)}")
            continue
        aid = art["id"]
        where = f"{aid}"
        if aid in seen_ids:
            err(where, "duplicate id")
        seen_ids.add(aid)
        if art["file"] != aid + ".txt":
            err(where, f"file {art['file']!r} should be {aid + '.txt'!r}")
        if not re.fullmatch(r"\d\d-[a-z0-9-]+", aid):
            err(where, "id must look like NN-slug")
        listed_files.add(art["file"])
        path = os.path.join(HERE, art["file"])
        if not os.path.exists(path):
            err(where, f"missing article file {art['file']}")
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        check_layout(where, text)
        nwords = words(text)
        if not MIN_WORDS <= nwords <= MAX_WORDS:
            err(where, f"article has {nwords} words, expected {MIN_WORDS}-{MAX_WORDS}")

        # Parties
        party_names = set()
        for p in art["parties"]:
            if set(p) != {"name", "names"} or not isinstance(p["names"], list):
                err(where, f"bad party entry {p!r}")
                continue
            if p["name"] in party_names:
                err(where, f"duplicate party {p['name']!r}")
            party_names.add(p["name"])
            forms = [p["name"]] + p["names"]
            if not any(form.lower() in text.lower() for form in forms):
                err(where, f"party {p['name']!r}: none of its names occur in the text")
        used_parties = set()

        # Statements
        contents = []
        n_targets = 0
        for i, st in enumerate(art["statements"], 1):
            sw = f"{aid} statement {i}"
            if set(st) != STATEMENT_KEYS:
                err(sw, f"keys {sorted(st)} != {sorted(STATEMENT_KEYS)}")
                continue
            c = st["content"]
            n = text.count(c)
            if n != 1:
                err(sw, f"content occurs {n} times (must be exactly once): {c!r}")
            cw = words(c)
            if not MIN_CONTENT_WORDS <= cw <= MAX_CONTENT_WORDS:
                err(sw, f"content has {cw} words, expected {MIN_CONTENT_WORDS}-{MAX_CONTENT_WORDS}: {c!r}")
            contents.append(c)
            if not st["speaker"] or st["speaker"] not in text:
                err(sw, f"speaker {st['speaker']!r} not found verbatim in the text")
            src = st["sourcing"]
            if src not in SOURCING:
                err(sw, f"invalid sourcing {src!r}")
            party = st["party"]
            if party is not None and party not in party_names:
                err(sw, f"party {party!r} not in parties list")
            if src in ("person", "organization") and party is None:
                err(sw, f"sourcing {src} needs a party")
            if src in ("anonymous", "unnamed") and party is not None:
                err(sw, f"sourcing {src} must have party null (got {party!r})")
            tgt = st["target"]
            if tgt is not None:
                n_targets += 1
                targets_by_sourcing[src] += 1
                if tgt not in party_names:
                    err(sw, f"target {tgt!r} not in parties list")
                if tgt == party:
                    warn(sw, f"target equals speaker party {tgt!r}")
                used_parties.add(tgt)
            if party is not None:
                used_parties.add(party)
            by_sourcing[src] += 1
        # Contents should not overlap each other (each marks a distinct statement).
        for a in range(len(contents)):
            for b in range(len(contents)):
                if a != b and contents[a] in contents[b]:
                    err(where, f"content {contents[a]!r} is contained in {contents[b]!r}")
        for name in sorted(party_names - used_parties):
            warn(where, f"party {name!r} neither speaks nor is a target")

        # Hedges
        if not isinstance(art["hedges"], list):
            err(where, "hedges must be a list")
        else:
            for h, k in Counter(art["hedges"]).items():
                n = text.count(h)
                if n < k:
                    err(where, f"hedge {h!r} listed {k} times but occurs {n} times")

        totals["articles"] += 1
        totals["statements"] += len(art["statements"])
        totals["with_target"] += n_targets
        totals["hedges"] += len(art["hedges"])
        totals["words"] += nwords
        per_article.append((aid, nwords, len(art["statements"]), n_targets, len(art["hedges"])))

    # Every NN-*.txt in the folder must be listed.
    for fn in sorted(os.listdir(HERE)):
        if re.fullmatch(r"\d\d-.*\.txt", fn) and fn not in listed_files:
            err(fn, "article file not listed in gold.jsonl")

    print(f"{'article':28} {'words':>5} {'stmts':>5} {'tgts':>5} {'hedges':>6}")
    for aid, nw, ns, nt, nh in per_article:
        print(f"{aid:28} {nw:5} {ns:5} {nt:5} {nh:6}")
    print()
    print(f"articles:   {totals['articles']}")
    print(f"words:      {totals['words']}")
    print(f"statements: {totals['statements']}")
    for src in ("person", "organization", "anonymous", "unnamed"):
        print(f"  {src:13} {by_sourcing[src]:4}  (with target: {targets_by_sourcing[src]})")
    print(f"with target: {totals['with_target']}")
    print(f"hedges:     {totals['hedges']}")
    for w in warnings:
        print("WARNING", w)
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
