#!/usr/bin/env python3
"""Checks that no source file includes a header of a layer above its own.

The layers of DESIGN.md, top to bottom: core, engine, forge, report, ui
(cli sits beside ui). Each may include the headers of the layers it is
allowed to depend on and nothing else; the per-layer include paths make
most upward includes fail to compile, this catches the rest (a path
written out, "../ui/…").
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src')
ALLOWED = {
    'core': {'core'},
    'engine': {'core', 'engine'},
    'forge': {'core', 'forge'},
    'report': {'core', 'engine', 'report'},
    'ui': {'core', 'engine', 'forge', 'report', 'ui'},
    'cli': {'core', 'engine', 'forge', 'report', 'cli'},
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def headers_by_layer():
    owner = {}
    for layer in ALLOWED:
        d = os.path.join(ROOT, layer)
        if not os.path.isdir(d):
            continue
        for name in os.listdir(d):
            if name.endswith('.h'):
                owner[name] = layer
    return owner


def main():
    owner = headers_by_layer()
    bad = []
    for layer, allowed in ALLOWED.items():
        d = os.path.join(ROOT, layer)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if not name.endswith(('.c', '.h')):
                continue
            with open(os.path.join(d, name), encoding='utf-8') as f:
                text = f.read()
            for inc in INCLUDE.findall(text):
                base = os.path.basename(inc)
                target = owner.get(base)
                if target is None:
                    for other in ALLOWED:
                        if ('/' + other + '/') in ('/' + inc) and other not in allowed:
                            target = other
                if target is not None and target not in allowed:
                    bad.append(f'src/{layer}/{name}: includes "{inc}" of the {target} layer')
    for line in bad:
        print(line, file=sys.stderr)
    if bad:
        print(f'{len(bad)} upward include(s)', file=sys.stderr)
        return 1
    print('layers: no upward includes')
    return 0


if __name__ == '__main__':
    sys.exit(main())
