#!/usr/bin/env python3
"""Fails when a Catch2 TEST_CASE name holds a ';'.

CTest's test list is a CMake list, so a ';' in a name splits it in two: the halves match no
test, the test never runs, and CTest reports it as passed. Usage: check_test_names.py TESTS_DIR
"""
import pathlib
import re
import sys

NAME = re.compile(r'TEST_CASE\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)')
LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')


def main() -> int:
    root = pathlib.Path(sys.argv[1])
    bad = []
    for path in sorted(root.rglob("*.cpp")):
        text = path.read_text(encoding="utf-8")
        for match in NAME.finditer(text):
            name = "".join(LITERAL.findall(match.group(1)))
            if ";" in name:
                line = text.count("\n", 0, match.start()) + 1
                bad.append(f"{path}:{line}: test name holds ';' (CTest would never run it): {name}")
    for message in bad:
        print(message, file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
