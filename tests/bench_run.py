#!/usr/bin/env python3
"""Time one command for tests/bench.sh and measure its peak RSS.

Usage: python3 tests/bench_run.py REPEAT MAXSEC INPUT -- COMMAND [ARG...]

Runs COMMAND with standard input from INPUT and standard output to /dev/null,
REPEAT times (fewer once one run has taken more than MAXSEC seconds), and
prints one line: "median_seconds max_rss_kb runs exit_status rss_how".

The peak RSS is the command's own (not its children's).  Linux records the
memory high-water mark of the address space a process execs from, and a child
forked (or vforked) by Python starts from Python's, so os.wait4's ru_maxrss
can never show less than this interpreter's own size (about 10-15 MB).  So
when GNU time is installed, the command runs under `/usr/bin/time -f %M`,
which forks from its own small process, and rss_how is "time"; otherwise the
figure is os.wait4's, an upper bound, and rss_how is "wait4-upper-bound".
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time


GNU_TIME = '/usr/bin/time'


def once(cmd, path, rssfile):
    if rssfile:
        cmd = [GNU_TIME, '-f', '%M', '-o', rssfile] + cmd
    with open(path, 'rb') as fin, open(os.devnull, 'wb') as fout:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdin=fin, stdout=fout)
        _, status, ru = os.wait4(p.pid, 0)
        dt = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    kb = ru.ru_maxrss
    if rssfile:
        try:
            with open(rssfile) as f:
                kb = int(f.read().split()[-1])
        except (OSError, ValueError, IndexError):
            pass
    return dt, kb, p.returncode


def main(argv):
    if len(argv) < 5 or argv[3] != '--':
        sys.stderr.write('usage: bench_run.py REPEAT MAXSEC INPUT -- COMMAND [ARG...]\n')
        return 2
    repeat, maxsec, path, cmd = int(argv[0]), float(argv[1]), argv[2], argv[4:]
    rssfile = None
    if os.access(GNU_TIME, os.X_OK):
        fd, rssfile = tempfile.mkstemp(prefix='bench-rss-')
        os.close(fd)
    times, rss, status = [], 0, 0
    for _ in range(max(1, repeat)):
        try:
            dt, kb, st = once(cmd, path, rssfile)
        except OSError as e:
            sys.stderr.write('bench_run.py: %s: %s\n' % (cmd[0], e))
            return 1
        times.append(dt)
        rss = max(rss, kb)
        status = status or st
        if dt > maxsec:
            break
    if rssfile:
        os.unlink(rssfile)
    print('%.6f %d %d %d %s' % (statistics.median(times), rss, len(times), status,
                                'time' if rssfile else 'wait4-upper-bound'))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
