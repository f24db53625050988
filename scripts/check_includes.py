#!/usr/bin/env python3
"""Checks that the architecture's arrows hold: no file includes a header of
a project folder that its target does not list in DEPS.

Usage:
  check_includes.py MANIFEST SOURCE_DIR   check the build's manifest
  check_includes.py --self-test           check the checker on a made-up tree

MANIFEST is written by CMake (collabnet_write_include_manifest): one line a
target, tab-separated: target, its folder, the folders it may include from
(its own and its DEPS'), and its files, relative to SOURCE_DIR. An include
"a/b/c.h" belongs to the registered folder that is the longest prefix of
"a/b"; includes of no registered folder (absl/, google/, gtest/) are not the
project's and are not checked. Exits 1 listing every stray include.
"""
import os
import re
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def read_manifest(path):
    units = []
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            name, folder, allowed, files = line.split("\t")
            units.append((name, folder, set(filter(None, allowed.split(","))),
                          list(filter(None, files.split(",")))))
    return units


def owner(include, folders):
    """The registered folder an included path belongs to, or None."""
    directory = os.path.dirname(include)
    best = None
    for folder in folders:
        if directory == folder or directory.startswith(folder + "/"):
            if best is None or len(folder) > len(best):
                best = folder
    return best


def check(units, source_dir):
    folders = {folder for _, folder, _, _ in units}
    problems = []
    for name, folder, allowed, files in units:
        for rel in files:
            path = os.path.join(source_dir, rel)
            if not os.path.exists(path):
                continue  # generated
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            for include in INCLUDE.findall(text):
                home = owner(include, folders)
                if home is None or home in allowed:
                    continue
                problems.append(
                    f"{rel} includes {include}, but {name} (in {folder}/) does "
                    f"not list the library of {home}/ in DEPS")
    return problems


def self_test():
    with tempfile.TemporaryDirectory() as root:
        def write(rel, text):
            os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
            with open(os.path.join(root, rel), "w") as f:
                f.write(text)
        write("graph/g.h", '#include "proto/p.pb.h"\n')
        write("sim/s.cc", '#include "graph/g.h"\n#include "io/f.h"\n'
                          '#include "absl/status/status.h"\n')
        write("io/f.h", "")
        units = [("collabnet_graph", "graph", {"graph", "proto"}, ["graph/g.h"]),
                 ("collabnet_proto", "proto", {"proto"}, []),
                 ("collabnet_io", "io", {"io"}, ["io/f.h"]),
                 ("collabnet_sim", "sim", {"sim", "graph"}, ["sim/s.cc"])]
        problems = check(units, root)
        if len(problems) != 1 or "sim/s.cc includes io/f.h" not in problems[0]:
            print("self-test failed: expected one stray include (sim/s.cc of "
                  "io/f.h), got:", problems)
            return 1
    print("self-test: the stray include was found, the allowed ones passed")
    return 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) != 3:
        print(__doc__)
        return 2
    units = read_manifest(argv[1])
    problems = check(units, argv[2])
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"{len(units)} targets: every include is of a folder in DEPS")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
