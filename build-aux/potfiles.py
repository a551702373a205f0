#!/usr/bin/env python3
# Lists every file with strings for translators, sorted, as po/POTFILES.in
# must. With --check, fails (and says which files) when POTFILES.in differs.
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
marks = re.compile(r'(?<![A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|ngettext)\s*\(|translatable="yes"')

def wanted():
    files = []
    for path in sorted(root.glob('src/**/*.c')) + sorted(root.glob('ui/**/*.ui')):
        if marks.search(path.read_text(encoding='utf-8')):
            files.append(path.relative_to(root).as_posix())
    for pattern in ('data/*.desktop.in', 'data/*.metainfo.xml.in', 'data/*.gschema.xml'):
        files += [p.relative_to(root).as_posix() for p in sorted(root.glob(pattern))]
    return sorted(set(files))

def main():
    potfiles = root / 'po' / 'POTFILES.in'
    expected = wanted()
    if '--check' in sys.argv:
        listed = [l.strip() for l in potfiles.read_text(encoding='utf-8').splitlines()
                  if l.strip() and not l.startswith('#')]
        missing = sorted(set(expected) - set(listed))
        extra = sorted(set(listed) - set(expected))
        if missing or extra or listed != sorted(listed):
            for f in missing:
                print(f'missing from po/POTFILES.in: {f}')
            for f in extra:
                print(f'listed in po/POTFILES.in without strings or missing: {f}')
            if listed != sorted(listed):
                print('po/POTFILES.in is not sorted')
            print('run build-aux/potfiles.py to update it')
            return 1
        print(f'po/POTFILES.in lists all {len(expected)} files with translatable strings')
        return 0
    potfiles.write_text('# Files with strings for translators (build-aux/potfiles.py)\n' +
                        ''.join(f + '\n' for f in expected), encoding='utf-8')
    return 0

sys.exit(main())
