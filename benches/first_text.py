#!/usr/bin/env python3
"""End-to-end start-up as a user sees it (issue #27), measured in a pseudo-terminal.

    cargo build --release && python3 benches/first_text.py [CALL] [DIRECTORY]

For each case, the median over 15 runs of the time from spawning the program until a given
text appears in what it writes to a 120x40 pseudo-terminal: the first text of one call in
callread against `less` on the same file, and the first text of a directory of calls against
one call. Then `callread guidance` and `callread dump` on a one-paragraph file, fresh
processes, run to completion. CALL defaults to the first bundled transcript, DIRECTORY to
../shared/corpus/guidance-wide/calls (325 calls).
"""
import os, pty, select, shutil, signal, statistics, struct, subprocess, sys, tempfile, time
import fcntl, termios

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, 'target', 'release', 'callread')


def first_text(needle, argv):
    """Milliseconds from spawn until `needle` is written to the terminal."""
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ['TERM'] = 'xterm-256color'
        os.execvp(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 40, 120, 0, 0))
    seen, ms = b'', None
    while ms is None:
        ready, _, _ = select.select([fd], [], [], 5)
        if not ready:
            break
        try:
            seen += os.read(fd, 65536)
        except OSError:
            break
        if needle.encode() in seen:
            ms = (time.perf_counter() - t0) * 1000
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)
    return ms


def to_end(argv):
    t0 = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return (time.perf_counter() - t0) * 1000


def median(f, runs=15):
    return statistics.median(x for x in (f() for _ in range(runs)) if x is not None)


def main():
    call = sys.argv[1] if len(sys.argv) > 1 else sorted(
        os.path.join(ROOT, 'assets', 'transcripts', f)
        for f in os.listdir(os.path.join(ROOT, 'assets', 'transcripts')))[0]
    directory = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        ROOT, '..', 'shared', 'corpus', 'guidance-wide', 'calls')
    # The first line of English speech: on the first screen of both programs.
    first_line = next(l for l in open(call, encoding='utf-8').read().split('\n')
                      if len(l) > 30 and l[:12].isascii() and l[0].isalpha())
    needle = first_line[:12]
    rows = []
    one = median(lambda: first_text(needle, [BIN, '--no-state', call]))
    if shutil.which('less'):
        less = median(lambda: first_text(needle, ['less', call]))
        rows.append(('first text of one call', one, 'less on it', less))
    if os.path.isdir(directory):
        many = median(lambda: first_text('──', [BIN, '--no-state', directory]))
        rows.append((f'first text of a directory ({len(os.listdir(directory))} calls)', many,
                     'one call', one))
    with tempfile.NamedTemporaryFile('w', suffix='.txt', delete=False) as tiny:
        tiny.write('We expect revenue of $1.2 billion to $1.3 billion for the full year 2025.\n')
    guidance = median(lambda: to_end([BIN, 'guidance', tiny.name]))
    dump = median(lambda: to_end([BIN, 'dump', tiny.name]))
    rows.append(('`guidance` on a one-paragraph file', guidance, '`dump` on it', dump))
    os.unlink(tiny.name)
    print('| what | callread | reference | ratio |\n| --- | --- | --- | --- |')
    for what, ours, ref_name, ref in rows:
        print(f'| {what} | {ours:.1f} ms | {ref_name}: {ref:.1f} ms | {ours / ref:.1f}x |')


if __name__ == '__main__':
    main()
