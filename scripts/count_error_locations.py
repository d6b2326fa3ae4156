#!/usr/bin/env python3
"""Counts the throw statements that build an apreptis error and how many of them carry a Location.

usage: scripts/count_error_locations.py [--list] GLOB...   (e.g. 'app/core/*.cpp' 'geo/io/*.cpp')

Error's constructors are (message) and (Location, what) (geo/errors.hpp): a throw whose exception
gets two arguments carries a Location. Command-line errors (UsageError, OptionError) name an
option, not a place in a file, and are not counted. --list prints the throws without one.
"""
import glob
import re
import sys

args = [a for a in sys.argv[1:] if a != '--list']
files = sorted({f for g in args for f in glob.glob(g, recursive=True)})
total = with_location = 0
without = []
for path in files:
    src = re.sub(r'//[^\n]*', '', open(path, encoding='utf-8').read())
    for m in re.finditer(r'\bthrow\s+([A-Za-z_:]+)\s*\(', src):
        name = m.group(1)
        if not name.endswith('Error') or name.split('::')[-1] in ('UsageError', 'OptionError'):
            continue
        total += 1
        depth, i = 0, m.end()
        while i < len(src):  # to the end of the first argument
            c = src[i]
            if c in '([{':
                depth += 1
            elif c in ')]}':
                if depth == 0:
                    break
                depth -= 1
            elif c == ',' and depth == 0:
                break
            i += 1
        if src[i] == ',':
            with_location += 1
        else:
            line = src.count('\n', 0, m.start()) + 1
            without.append(f'{path}:{line}: {name}')
print(f'throws {total}, with a Location {with_location}, without {total - with_location}')
if '--list' in sys.argv:
    print('\n'.join(without))
