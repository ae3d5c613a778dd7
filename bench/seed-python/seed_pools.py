#!/usr/bin/python3
"""seed_pools.py - the seed's Python workloads over concurrent.futures pools,
reported as scalestudy records, so Python threads and processes can be read
next to scal-omp and scal-mpi on the same tasks.

    seed_pools.py WORKLOAD [options]        (seed_pools.py --help)

Workloads are DESIGN.md's (factor, sleep, spin, paths), written here in plain
Python as the seed writes them; factor, sleep and spin give the same checksum
as the C engines.  Pools: map (Executor.map), submit (submit all, collect in
task order), as-completed (concurrent.futures.as_completed).  Every task is
timed inside its worker, as the seed's `timed` decorator does.

Needs Debian's python3; the paths workload also needs python3-numpy.
Exit status: 0 done and valid; 1 a run or its validation failed; 2 bad usage
or input (the message names the option and the value).
"""

import argparse
import concurrent.futures as cf
import functools
import json
import math
import multiprocessing as mp
import os
import platform
import socket
import struct
import sys
import time
from itertools import repeat

PROG = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else "seed_pools.py"

# ---------------------------------------------------------------------------
# The counter-based RNG of common/scal_rng.h (SplitMix64 streams), bit for bit.

MASK64 = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15


def mix64(z):
    """SplitMix64's output function: scal_mix64()."""
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return z ^ (z >> 31)


class Rng:
    """Stream `stream` of seed `seed`: scal_rng_init() and friends."""

    __slots__ = ("state",)

    def __init__(self, seed, stream):
        self.state = mix64(mix64(seed & MASK64) ^ ((stream * GOLDEN + 0x2545F4914F6CDD1D) & MASK64))

    def next(self):
        self.state = (self.state + GOLDEN) & MASK64
        return mix64(self.state)

    def uniform(self):
        """[0, 1), 53 bits."""
        return (self.next() >> 11) * 2.0 ** -53

    def uniform_pos(self):
        """(0, 1]: safe for log."""
        return ((self.next() >> 11) + 1) * 2.0 ** -53

    def normal(self):
        """Box-Muller, u1 drawn first: scal_rng_normal()."""
        u1 = self.uniform_pos()
        u2 = self.uniform()
        return math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)

    def below(self, n):
        """Uniform integer in [0, n) without modulo bias (Lemire): scal_rng_below()."""
        m = self.next() * n
        low = m & MASK64
        if low < n:
            t = ((1 << 64) - n) % n
            while low < t:
                m = self.next() * n
                low = m & MASK64
        return m >> 64


def sleep_seconds(seed, k, mean, sigma):
    """scal_sleep_seconds(): task k's draw, negative -> 0."""
    s = mean + sigma * Rng(seed, k).normal()
    return s if s > 0 else 0.0


# Query pair k is drawn as the C paths code draws it: stream
# (seed ^ PAIRS_SALT, k), source then target, each uniform below m.
PAIRS_SALT = 0x7061697273716B21  # "pairsqk!"


def pair_draw(m, seed, k):
    r = Rng(seed ^ PAIRS_SALT, k)
    s = r.below(m)
    return s, r.below(m)


# ---------------------------------------------------------------------------
# Checksum: scal_checksum() in common/workloads.c.  A result is (v0, v1, v2, x):
# three signed 64-bit integers and a double.


def checksum(results):
    total = 0
    for r, (v0, v1, v2, x) in enumerate(results):
        xbits = struct.unpack("<Q", struct.pack("<d", float(x)))[0]
        h = mix64((r + GOLDEN) & MASK64)
        h = mix64(h ^ (v0 & MASK64))
        h = mix64(h ^ (v1 & MASK64))
        h = mix64(h ^ (v2 & MASK64))
        h = mix64(h ^ xbits)
        total = (total + h) & MASK64
    return total


# ---------------------------------------------------------------------------
# The tasks.  Each runs in a worker (thread or process) and is timed there.


def timed(fn):
    """The seed's decorator: fn(...) -> (result, seconds spent in fn)."""

    @functools.wraps(fn)
    def wrapper(*args):
        t0 = time.perf_counter()
        result = fn(*args)
        return result, time.perf_counter() - t0

    return wrapper


@timed
def factor_task(k, base):
    """The seed's long_factorize: count g down from v // 2 until it divides v."""
    v = base + k
    g = v // 2
    while g > 1 and v % g != 0:
        g -= 1
    if g < 1:
        g = 1
    return (v, g, v // g, 0.0)


@timed
def sleep_task(k, seed, mean, sigma):
    """The seed's delayed_return: an I/O-like wait that holds no CPU."""
    s = sleep_seconds(seed, k, mean, sigma)
    time.sleep(s)
    return (k, 0, 0, s)


@timed
def spin_task(k, us):
    """Busy-wait `us` microseconds; 0 is an empty task."""
    if us > 0:
        until = time.perf_counter() + us * 1e-6
        while time.perf_counter() < until:
            pass
    return (k, 0, 0, 0.0)


def hop_distance(a, s, t, h, wide):
    """The seed's matvec: frontier v (uint8), v = clamp01(v @ A) hop after hop,
    until t is reached or h hops are done.  v @ A sums in uint8, so when some
    node has 256 or more in-edges (`wide`) the product is taken over blocks of
    255 rows, whose sums cannot wrap, and the clamped blocks are OR-ed."""
    import numpy as np

    if s == t:
        return 0
    m = a.shape[0]
    v = np.zeros(m, dtype=np.uint8)
    v[s] = 1
    for hop in range(1, h + 1):
        if not wide:
            v = v @ a
            np.minimum(v, 1, out=v)
        else:
            nxt = np.zeros(m, dtype=np.uint8)
            for r0 in range(0, m, 255):
                part = v[r0:r0 + 255] @ a[r0:r0 + 255]
                np.minimum(part, 1, out=part)
                nxt |= part
            v = nxt
        if v[t]:
            return hop
    return -1


@timed
def paths_task(a, s, t, h, wide):
    """Threads: `a` is the caller's array.  Processes with --share per-task:
    `a` is pickled with every task, as the seed's naive pool does."""
    return (s, t, hop_distance(a, s, t, h, wide), 0.0)


_shm = None  # the worker's attachment (processes, --share shm)
_shm_a = None


def attach_shm(name, m):
    """Process-pool initializer for --share shm: attach the segment once."""
    global _shm, _shm_a
    import numpy as np
    from multiprocessing import shared_memory

    _shm = shared_memory.SharedMemory(name=name)
    _shm_a = np.ndarray((m, m), dtype=np.uint8, buffer=_shm.buf)


@timed
def paths_shm_task(s, t, h, wide):
    """Processes with --share shm: read the matrix from shared memory."""
    return (s, t, hop_distance(_shm_a, s, t, h, wide), 0.0)


def hello(delay):
    """Pool start-up: report who ran this."""
    import threading

    time.sleep(delay)
    return os.getpid(), threading.get_ident()


# ---------------------------------------------------------------------------
# Validation: every result checked independently of the task code.


def smallest_factor(v):
    if v % 2 == 0:
        return 2
    d = 3
    while d * d <= v:
        if v % d == 0:
            return d
        d += 2
    return v


def bfs_distance(adj, s, t, h):
    """Plain breadth-first search within h hops over adjacency lists."""
    if s == t:
        return 0
    seen = {s}
    frontier = [s]
    for hop in range(1, h + 1):
        nxt = []
        for u in frontier:
            for w in adj(u):
                if w not in seen:
                    if w == t:
                        return hop
                    seen.add(w)
                    nxt.append(w)
        if not nxt:
            break
        frontier = nxt
    return -1


def validate(work, results):
    """Return (number of bad results, message about the first)."""
    bad, first = 0, ""

    def wrong(msg):
        nonlocal bad, first
        bad += 1
        if not first:
            first = msg

    wl = work.workload
    if wl == "factor":
        for k, (v, f1, f2, x) in enumerate(results):
            want_v = work.base + k
            p = smallest_factor(want_v)
            g = 1 if p == want_v else want_v // p
            if (v, f1, f2, x) != (want_v, g, want_v // g, 0.0):
                wrong("task %d: got (%d, %d, %d), want (%d, %d, %d)" % (k, v, f1, f2, want_v, g, want_v // g))
    elif wl == "sleep":
        for k, (v0, v1, v2, x) in enumerate(results):
            want = sleep_seconds(work.seed, k, work.mean, work.sigma)
            if (v0, v1, v2) != (k, 0, 0) or x != want:
                wrong("task %d: slept %r, want %r" % (k, x, want))
    elif wl == "spin":
        for k, r in enumerate(results):
            if r != (k, 0, 0, 0.0):
                wrong("task %d: got %r" % (k, r))
    else:
        import numpy as np

        a, h = work.matrix, work.hops
        for k, (s, t, d, x) in enumerate(results):
            ws, wt = work.pairs[k]
            ok = (s, t, x) == (ws, wt, 0.0) and -1 <= d <= h
            ok = ok and (d == 0) == (s == t)
            if ok and h >= 1 and s != t:
                ok = (d == 1) == bool(a[s, t])
            if not ok:
                wrong("pair %d (%d -> %d): distance %d is impossible" % (k, ws, wt, d))
        rows = {}

        def adj(u):
            if u not in rows:
                rows[u] = np.flatnonzero(a[u]).tolist()
            return rows[u]

        q = len(results)
        n = min(work.sample, q)
        for i in range(n):
            k = i * q // n
            s, t, d, _ = results[k]
            want = bfs_distance(adj, s, t, h)
            if d != want:
                wrong("pair %d (%d -> %d): distance %d, BFS says %d" % (k, s, t, d, want))
    return bad, first


# ---------------------------------------------------------------------------
# Inputs for paths: generated graph and pairs, or files.


class InputError(Exception):
    """Bad input: exit 2."""


def mem_available():
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def check_memory(need, what):
    have = mem_available()
    if have is not None and need > have:
        raise InputError("%s needs %d bytes; only %d are available" % (what, need, have))


def new_matrix(m, shm_name_out):
    """An m x m uint8 zero matrix, in a fresh shared-memory segment when
    shm_name_out is a list (the segment is appended to it)."""
    import numpy as np

    check_memory(m * m, "the %d x %d adjacency matrix" % (m, m))
    if shm_name_out is None:
        return np.zeros((m, m), dtype=np.uint8)
    from multiprocessing import shared_memory

    seg = shared_memory.SharedMemory(create=True, size=max(1, m * m))
    shm_name_out.append(seg)
    a = np.ndarray((m, m), dtype=np.uint8, buffer=seg.buf)
    a[:] = 0
    return a


def graph_row(m, p, seed, i):
    """Out-neighbours of node i of the generated graph, ascending: the C
    engines' row generator (scal_row_gen_next), from stream (seed, i) by
    geometric gaps over the m - 1 candidates j != i."""
    n = m - 1
    if p <= 0.0:
        return []
    if p >= 1.0:
        return [k if k < i else k + 1 for k in range(n)]
    rng, log_q, pos, row = Rng(seed, i), math.log1p(-p), 0, []
    while pos < n:
        gap = math.floor(math.log(rng.uniform_pos()) / log_q)
        if not gap < n - pos:
            break
        pos += int(gap)
        row.append(pos if pos < i else pos + 1)
        pos += 1
    return row


def generate_graph(m, p, seed, shm_out):
    """Edge i -> j with probability p, no self loops: the same graph the C
    engines generate for (m, p, seed), row by row."""
    a = new_matrix(m, shm_out)
    for i in range(m):
        a[i, graph_row(m, p, seed, i)] = 1
    return a


MM_FIELDS = ("pattern", "integer", "real")
MM_SYMMETRIES = ("general", "symmetric")
MAX_NODES = 1 << 20


def read_matrix_market(path, shm_out):
    """Matrix Market coordinate file -> dense uint8 adjacency.  Entry
    "i j [value]" (1-based) is the edge i-1 -> j-1 unless its value is zero;
    symmetric files add j-1 -> i-1.  Repeats are one edge; self loops are
    dropped (a 0-hop path already joins a node to itself)."""
    try:
        f = open(path, encoding="ascii", errors="replace")
    except OSError as e:
        raise InputError("--graph: %s: %s" % (path, e.strerror or e))
    with f:
        lineno = 0

        def fail(msg):
            raise InputError("--graph: %s:%d: %s" % (path, lineno, msg))

        line = f.readline()
        lineno = 1
        head = line.split()
        if len(head) != 5 or head[0] != "%%MatrixMarket" or head[1].lower() != "matrix" \
                or head[2].lower() != "coordinate":
            fail("not a Matrix Market coordinate header: '%s'" % line.strip()[:80])
        field, symmetry = head[3].lower(), head[4].lower()
        if field not in MM_FIELDS:
            fail("field '%s' not supported (choose %s)" % (head[3], "|".join(MM_FIELDS)))
        if symmetry not in MM_SYMMETRIES:
            fail("symmetry '%s' not supported (choose %s)" % (head[4], "|".join(MM_SYMMETRIES)))
        size = None
        for line in f:
            lineno += 1
            s = line.strip()
            if not s or s.startswith("%"):
                continue
            size = s.split()
            break
        if size is None:
            lineno += 1
            fail("missing size line")
        try:
            rows, cols, nnz = (int(x) for x in size) if len(size) == 3 else (None,) * 3
        except ValueError:
            rows = None
        if rows is None:
            fail("size line '%s' is not three integers" % " ".join(size))
        if rows < 1 or cols < 1 or nnz < 0:
            fail("bad size %d x %d with %d entries" % (rows, cols, nnz))
        if rows != cols:
            fail("matrix is %d x %d, not square" % (rows, cols))
        if rows > MAX_NODES:
            fail("%d nodes exceed the limit of %d" % (rows, MAX_NODES))
        a = new_matrix(rows, shm_out)
        want = 2 if field == "pattern" else 3
        seen = 0
        for line in f:
            lineno += 1
            s = line.strip()
            if not s or s.startswith("%"):
                continue
            tok = s.split()
            if len(tok) != want:
                fail("entry '%s' should have %d fields" % (s[:80], want))
            try:
                i, j = int(tok[0]), int(tok[1])
            except ValueError:
                fail("entry '%s': indices are not integers" % s[:80])
            if not (1 <= i <= rows and 1 <= j <= rows):
                fail("entry '%s': index outside 1..%d" % (s[:80], rows))
            value = 1.0
            if want == 3:
                try:
                    value = int(tok[2]) if field == "integer" else float(tok[2])
                except ValueError:
                    fail("entry '%s': bad %s value '%s'" % (s[:80], field, tok[2]))
                if field == "real" and not math.isfinite(value):
                    fail("entry '%s': value '%s' is not finite" % (s[:80], tok[2]))
            seen += 1
            if seen > nnz:
                fail("more entries than the %d announced" % nnz)
            if value != 0 and i != j:
                a[i - 1, j - 1] = 1
                if symmetry == "symmetric":
                    a[j - 1, i - 1] = 1
        if seen < nnz:
            lineno += 1
            fail("%d entries, %d announced" % (seen, nnz))
    return a


def read_pairs(path, m):
    """CSV "source,target" lines, 0-based ids below m.  A first line that
    starts with a letter or a quote is a header; blank lines are skipped."""
    try:
        f = open(path, encoding="ascii", errors="replace")
    except OSError as e:
        raise InputError("--pairs-file: %s: %s" % (path, e.strerror or e))
    pairs = []
    with f:
        for lineno, line in enumerate(f, 1):
            s = line.strip()
            if not s:
                continue
            if lineno == 1 and (s[0].isalpha() or s[0] in "\"'"):
                continue
            fields = [x.strip() for x in s.split(",")]
            if len(fields) != 2 or not all(x.isdigit() for x in fields):
                raise InputError("--pairs-file: %s:%d: '%s' is not source,target" % (path, lineno, s[:80]))
            src, dst = int(fields[0]), int(fields[1])
            if src >= m or dst >= m:
                raise InputError("--pairs-file: %s:%d: node %d outside 0..%d"
                                 % (path, lineno, src if src >= m else dst, m - 1))
            pairs.append((src, dst))
    if not pairs:
        raise InputError("--pairs-file: %s: no pairs" % path)
    return pairs


# ---------------------------------------------------------------------------
# Command line.

WORKLOADS = ("factor", "sleep", "spin", "paths")
POOLS = ("map", "submit", "as-completed")

# option dest -> workloads it applies to (None: all); default
WORKLOAD_OPTIONS = {
    "tasks": (("factor", "sleep", "spin"), 32),
    "pairs": (("paths",), 32),
    "base": (("factor",), 100000001),
    "mean": (("sleep",), 1.0),
    "sigma": (("sleep",), 0.25),
    "seed": (("sleep", "paths"), 1),
    "us": (("spin",), 0.0),
    "nodes": (("paths",), 4096),
    "fraction": (("paths",), 0.01),
    "max_hop": (("paths",), 8),
    "graph": (("paths",), None),
    "pairs_file": (("paths",), None),
    "share": (("paths",), None),
    "sample": (("paths",), 16),
}


def whole(lo, hi):
    def parse(s):
        if not s.isdigit() or not lo <= int(s) <= hi:
            raise argparse.ArgumentTypeError("invalid value '%s': must be a whole number in %d..%d" % (s, lo, hi))
        return int(s)

    return parse


def real(lo, hi):
    def parse(s):
        try:
            v = float(s)
        except ValueError:
            v = float("nan")
        if not math.isfinite(v) or not lo <= v <= hi:
            raise argparse.ArgumentTypeError("invalid value '%s': must be a number in %g..%g" % (s, lo, hi))
        return v

    return parse


def choice(names):
    def parse(s):
        if s not in names:
            raise argparse.ArgumentTypeError("invalid value '%s' (choose %s)" % (s, "|".join(names)))
        return s

    return parse


class Parser(argparse.ArgumentParser):
    def error(self, message):
        sys.stderr.write("%s: %s (see --help)\n" % (PROG, message))
        sys.exit(2)


def allowed_cpus():
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def parse_args(argv):
    ap = Parser(prog=PROG, allow_abbrev=False, description="Run the seed's Python workloads over concurrent.futures "
                "thread or process pools and print scalestudy records.",
                epilog="Exit status: 0 done and valid; 1 a run or its validation failed; "
                "2 bad usage or input.")
    ap.add_argument("workload", type=choice(WORKLOADS), help="|".join(WORKLOADS))
    ap.add_argument("--executor", type=choice(("thread", "process")), default="thread",
                    help="ThreadPoolExecutor or ProcessPoolExecutor [thread|process] (default thread)")
    ap.add_argument("--workers", type=whole(1, 4096), default=None,
                    help="max_workers (default: the CPUs this process may use)")
    ap.add_argument("--pool", type=choice(POOLS), default="map",
                    help="map (Executor.map), submit (collect in task order), as-completed "
                    "[map|submit|as-completed] (default map)")
    ap.add_argument("--chunk", type=whole(1, 1000000000), default=None,
                    help="Executor.map chunksize; process pool with --pool map only (default 1)")
    ap.add_argument("--start-method", type=choice(("fork", "forkserver", "spawn")), default=None,
                    help="multiprocessing start method for --executor process [fork|forkserver|spawn] "
                    "(default: the platform's)")
    ap.add_argument("--repeat", type=whole(1, 1000000), default=1, help="measured repetitions (default 1)")
    ap.add_argument("--warmup", type=whole(0, 1000000), default=0,
                    help="unmeasured repetitions first (default 0)")
    ap.add_argument("--format", type=choice(("human", "csv", "json")), default="human",
                    help="stdout: human report, or one csv/json record per repetition (default human)")
    ap.add_argument("--out", metavar="FILE", help="write every result as CSV, in task order")
    ap.add_argument("--show", type=whole(0, 1000000), default=16,
                    help="results listed in the human report (default 16)")
    ap.add_argument("--tasks", type=whole(1, 100000000), default=None,
                    help="factor, sleep, spin: number of tasks (default 32)")
    ap.add_argument("--pairs", type=whole(1, 100000000), default=None,
                    help="paths: query pairs drawn from --seed (default 32: the seed's "
                    "method takes ~0.2 s a query at 4096 nodes)")
    ap.add_argument("--base", type=whole(2, MASK64), default=None,
                    help="factor: task k factorizes base + k (default 100000001)")
    ap.add_argument("--mean", type=real(0.0, 86400.0), default=None,
                    help="sleep: mean seconds (default 1)")
    ap.add_argument("--sigma", type=real(0.0, 86400.0), default=None,
                    help="sleep: standard deviation in seconds (default 0.25)")
    ap.add_argument("--seed", type=whole(0, MASK64), default=None,
                    help="sleep, paths: random seed (default 1)")
    ap.add_argument("--us", type=real(0.0, 1e9), default=None,
                    help="spin: microseconds each task busy-waits (default 0)")
    ap.add_argument("--nodes", type=whole(1, MAX_NODES), default=None,
                    help="paths: nodes M of the generated graph (default 4096)")
    ap.add_argument("--fraction", type=real(0.0, 1.0), default=None,
                    help="paths: edge probability p of the generated graph (default 0.01)")
    ap.add_argument("--max-hop", type=whole(0, 1000000), default=None,
                    help="paths: hop limit H (default 8)")
    ap.add_argument("--graph", metavar="FILE",
                    help="paths: read the graph from a Matrix Market coordinate file")
    ap.add_argument("--pairs-file", metavar="FILE",
                    help="paths: read query pairs from a CSV file of source,target (0-based)")
    ap.add_argument("--share", type=choice(("per-task", "shm")), default=None,
                    help="paths, process pool: pickle the matrix with every task, or attach "
                    "multiprocessing.shared_memory in each worker (default per-task)")
    ap.add_argument("--sample", type=whole(0, 100000000), default=None,
                    help="paths: pairs re-checked by BFS (default 16)")
    args = ap.parse_args(argv)

    given = {dest for dest in WORKLOAD_OPTIONS if getattr(args, dest) is not None}
    for dest, (wls, default) in WORKLOAD_OPTIONS.items():
        if dest in given and wls is not None and args.workload not in wls:
            ap.error("--%s does not apply to %s" % (dest.replace("_", "-"), args.workload))
        if dest not in given:
            setattr(args, dest, default)
    if args.workers is None:
        args.workers = allowed_cpus()
    if args.executor == "thread":
        if args.start_method is not None:
            ap.error("--start-method %s: applies to --executor process only" % args.start_method)
        if args.share is not None:
            ap.error("--share %s: threads share the matrix already; --share applies to "
                     "--executor process only" % args.share)
    if args.chunk is not None and args.chunk > 1 and (args.executor != "process" or args.pool != "map"):
        ap.error("--chunk %d: only ProcessPoolExecutor.map takes a chunksize "
                 "(use --executor process --pool map)" % args.chunk)
    if args.chunk is None:
        args.chunk = 1
    if args.workload == "paths":
        if args.executor == "process" and args.share is None:
            args.share = "per-task"
        if args.graph is not None and ("nodes" in given or "fraction" in given):
            ap.error("--graph %s: the file sets the graph; drop --nodes and --fraction" % args.graph)
        if args.pairs_file is not None and "pairs" in given:
            ap.error("--pairs-file %s: the file sets the pairs; drop --pairs" % args.pairs_file)
        args.tasks = args.pairs  # a task is one pair
    elif args.workload == "factor":
        if args.base + args.tasks - 1 > MASK64:
            ap.error("--base %d with --tasks %d: base + k overflows 64 bits" % (args.base, args.tasks))
    if args.start_method is None:
        args.start_method = mp.get_start_method(allow_none=False)
    return args


# ---------------------------------------------------------------------------
# The work: what each task is called with.


class Work:
    """One run's workload: the task function and its per-task arguments."""

    def __init__(self, args):
        self.workload = args.workload
        self.base, self.seed, self.mean, self.sigma, self.us = args.base, args.seed, args.mean, args.sigma, args.us
        self.tasks = args.tasks
        self.hops, self.sample = args.max_hop, args.sample
        self.kernel, self.share = "-", "-"
        self.matrix, self.pairs, self.wide = None, None, False
        self.shm = []  # shared-memory segments this process created
        self.matrix_bytes = 0
        self.initializer, self.initargs = None, ()

    def prepare(self, args):
        if self.workload != "paths":
            return
        try:
            import numpy  # noqa: F401
        except ImportError:
            raise InputError("paths needs numpy: apt-get install python3-numpy")
        use_shm = args.executor == "process" and args.share == "shm"
        shm_out = self.shm if use_shm else None
        if args.graph is not None:
            self.matrix = read_matrix_market(args.graph, shm_out)
        else:
            self.matrix = generate_graph(args.nodes, args.fraction, args.seed, shm_out)
        m = self.matrix.shape[0]
        if args.pairs_file is not None:
            self.pairs = read_pairs(args.pairs_file, m)
        else:
            self.pairs = [pair_draw(m, args.seed, k) for k in range(args.tasks)]
        self.tasks = len(self.pairs)
        self.wide = int(self.matrix.sum(axis=0, dtype="int64").max(initial=0)) > 255
        self.kernel = "numpy-matvec"
        self.share = args.share if args.executor == "process" else "-"
        # One copy in the caller (threads; shm holds the caller's copy), plus,
        # with per-task pickling, one unpickled copy in each busy worker.
        copies = 1 + (args.workers if self.share == "per-task" else 0)
        self.matrix_bytes = copies * m * m
        if use_shm:
            self.initializer, self.initargs = attach_shm, (self.shm[0].name, m)

    def call(self):
        """(function, list of per-argument iterables), fresh for each repetition."""
        n = self.tasks
        wl = self.workload
        if wl == "factor":
            return factor_task, [range(n), repeat(self.base, n)]
        if wl == "sleep":
            return sleep_task, [range(n), repeat(self.seed, n), repeat(self.mean, n), repeat(self.sigma, n)]
        if wl == "spin":
            return spin_task, [range(n), repeat(self.us, n)]
        src = [int(s) for s, _ in self.pairs]
        dst = [int(t) for _, t in self.pairs]
        if self.share == "shm":
            return paths_shm_task, [src, dst, repeat(self.hops, n), repeat(self.wide, n)]
        return paths_task, [repeat(self.matrix, n), src, dst, repeat(self.hops, n), repeat(self.wide, n)]

    def release(self):
        self.matrix = None
        for seg in self.shm:
            try:
                seg.close()
            except BufferError:
                pass
            seg.unlink()
        self.shm = []


# ---------------------------------------------------------------------------
# Running.


def start_pool(args, work):
    """Create the executor and make sure all its workers are up."""
    if args.executor == "thread":
        ex = cf.ThreadPoolExecutor(max_workers=args.workers)
    else:
        ex = cf.ProcessPoolExecutor(max_workers=args.workers, mp_context=mp.get_context(args.start_method),
                                    initializer=work.initializer, initargs=work.initargs)
    # A pool starts workers on demand: hand out tasks that stay busy a
    # moment until every worker has answered.
    seen = set()
    delay = 0.02
    for _ in range(20):
        seen |= set(f.result() for f in [ex.submit(hello, delay) for _ in range(args.workers)])
        if len(seen) >= args.workers:
            break
        delay *= 1.5
    return ex


def run_rep(ex, args, work):
    """One repetition: (wall_s, first_result_s, results, task seconds)."""
    fn, cols = work.call()
    n = work.tasks
    results = [None] * n
    secs = [0.0] * n
    first = None
    t0 = time.perf_counter()
    if args.pool == "map":
        it = ex.map(fn, *cols, chunksize=args.chunk) if args.executor == "process" else ex.map(fn, *cols)
        for k, (r, dt) in enumerate(it):
            if first is None:
                first = time.perf_counter() - t0
            results[k], secs[k] = r, dt
    elif args.pool == "submit":
        futures = [ex.submit(fn, *a) for a in zip(*cols)]
        for k, fut in enumerate(futures):
            r, dt = fut.result()
            if first is None:
                first = time.perf_counter() - t0
            results[k], secs[k] = r, dt
    else:
        futures = {ex.submit(fn, *a): k for k, a in enumerate(zip(*cols))}
        for fut in cf.as_completed(futures):
            r, dt = fut.result()
            if first is None:
                first = time.perf_counter() - t0
            k = futures[fut]
            results[k], secs[k] = r, dt
    wall = time.perf_counter() - t0
    return wall, first, results, secs


def descendants(root):
    """Every process below `root`, from the ppid fields in /proc/*/stat."""
    children = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return []
    for e in entries:
        if not e.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % e) as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rfind(")") + 2:].split()[1])
        children.setdefault(ppid, []).append(int(e))
    out, todo = [], [root]
    while todo:
        for c in children.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out


def pss_of(pid):
    try:
        with open("/proc/%d/smaps_rollup" % pid) as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def pss_bytes():
    """PSS of this process plus all its descendants (0 where unreadable)."""
    me = os.getpid()
    return sum(pss_of(p) for p in [me] + descendants(me))


FIELDS = ("engine workload kernel pool share bind ranks threads workers nodes tasks rep wall_s task_sum_s "
          "task_min_s task_max_s speedup efficiency first_result_s setup_s checksum valid oversubscribed cpus "
          "pss_bytes matrix_bytes_per_node host version gil chunk "
          "busy_mean_s busy_max_s steal_s nivcsw others_running noisy freq_mhz cycles instructions rank_hosts "
          "fom fom_unit").split()
# scalestudy's noise monitor fields: not measured here, so unknown (empty in csv, null in json).
MONITOR = {k: None for k in FIELDS[FIELDS.index("chunk") + 1:FIELDS.index("rank_hosts")]}
FLOATS = {"wall_s", "task_sum_s", "task_min_s", "task_max_s", "speedup", "efficiency", "first_result_s", "setup_s"}
STRINGS = {"engine", "workload", "kernel", "pool", "share", "bind", "cpus", "host", "version", "checksum",
           "rank_hosts", "fom_unit"}


def gil_enabled():
    f = getattr(sys, "_is_gil_enabled", None)
    return int(bool(f())) if f is not None else 1


def fmt(name, value):
    if value is None:
        return ""
    if name in FLOATS:
        return "%.9g" % value
    if name == "checksum":
        return "%016x" % value
    return str(value)


def emit(rec, form):
    if form == "csv":
        print(",".join(fmt(k, rec[k]) for k in FIELDS))
    else:
        print("{" + ",".join('"%s":%s' % (k, "null" if rec[k] is None else
                                          json.dumps(fmt(k, rec[k])) if k in STRINGS else fmt(k, rec[k]))
                             for k in FIELDS) + "}")


def describe(work, k, r):
    v0, v1, v2, x = r
    if work.workload == "factor":
        return "%d is prime" % v0 if v1 == 1 else "%d = %d x %d" % (v0, v1, v2)
    if work.workload == "sleep":
        return "task %d slept %.3f s" % (k, x)
    if work.workload == "spin":
        return "task %d done" % k
    return "%d -> %d: %s" % (v0, v1, "unreachable within %d hops" % work.hops if v2 < 0 else "%d hops" % v2)


def signed64(v):
    return v - (1 << 64) if v >= 1 << 63 else v


def write_out(path, work, results):
    heads = {"factor": "task,value,f1,f2", "sleep": "task,seconds", "spin": "task", "paths": "source,target,distance"}
    tmp = "%s.tmp.%d" % (path, os.getpid())
    with open(tmp, "w") as f:
        f.write(heads[work.workload] + "\n")
        for k, (v0, v1, v2, x) in enumerate(results):
            if work.workload == "factor":  # signed, as the C engines print them
                f.write("%d,%d,%d,%d\n" % (k, signed64(v0), signed64(v1), signed64(v2)))
            elif work.workload == "sleep":
                f.write("%d,%.9f\n" % (k, x))
            elif work.workload == "spin":
                f.write("%d\n" % k)
            else:
                f.write("%d,%d,%d\n" % (v0, v1, v2))
    os.replace(tmp, path)


def main(argv):
    args = parse_args(argv)
    work = Work(args)
    t_setup = time.perf_counter()
    try:
        work.prepare(args)
    except InputError as e:
        work.release()
        sys.stderr.write("%s: %s\n" % (PROG, e))
        return 2
    if args.out is not None:
        d = os.path.dirname(os.path.abspath(args.out))
        if not os.path.isdir(d) or not os.access(d, os.W_OK):
            work.release()
            sys.stderr.write("%s: --out: %s: directory not writable\n" % (PROG, args.out))
            return 2
    engine = "py-threads" if args.executor == "thread" else "py-processes"
    oversub = int(args.workers > allowed_cpus())
    if oversub:
        sys.stderr.write("%s: warning: %d workers on %d allowed CPUs (oversubscribed)\n"
                         % (PROG, args.workers, allowed_cpus()))
    status = 0
    try:
        ex = start_pool(args, work)
        setup_s = time.perf_counter() - t_setup
        base = {
            "engine": engine, "workload": args.workload, "kernel": work.kernel, "pool": args.pool,
            "share": work.share, "bind": "none",
            "ranks": 1 if args.executor == "thread" else args.workers,
            "threads": args.workers if args.executor == "thread" else 1,
            "workers": args.workers, "nodes": 1, "tasks": work.tasks, "setup_s": setup_s,
            "oversubscribed": oversub, "cpus": "-", "matrix_bytes_per_node": work.matrix_bytes,
            "host": socket.gethostname().split(".")[0], "version": "python-" + platform.python_version(),
            "gil": gil_enabled(), "chunk": args.chunk, **MONITOR,
            "rank_hosts": socket.gethostname().split(".")[0],
            "fom": None, "fom_unit": "",  # no workload here has a figure of merit of its own
        }
        if args.format == "csv":
            print(",".join(FIELDS))
        elif args.format == "human":
            print("%s %s: %d tasks on %d %s (%s%s), pool %s%s" % (
                engine, args.workload, work.tasks, args.workers,
                "threads" if args.executor == "thread" else "processes",
                "ThreadPoolExecutor" if args.executor == "thread" else "ProcessPoolExecutor, " + args.start_method,
                ", GIL" if base["gil"] else ", no GIL", args.pool,
                ", share " + work.share if work.share != "-" else ""))
        last = None
        with ex:
            for rep in range(1 - args.warmup, args.repeat + 1):
                wall, first, results, secs = run_rep(ex, args, work)
                if rep < 1:
                    continue
                pss = pss_bytes()
                bad, why = validate(work, results)
                if bad:
                    sys.stderr.write("%s: rep %d: %d invalid results; first: %s\n" % (PROG, rep, bad, why))
                    status = 1
                total = sum(secs)
                rec = dict(base, rep=rep, wall_s=wall, task_sum_s=total, task_min_s=min(secs),
                           task_max_s=max(secs), speedup=total / wall if wall > 0 else 0.0,
                           first_result_s=first, checksum=checksum(results), valid=int(not bad), pss_bytes=pss)
                rec["efficiency"] = rec["speedup"] / args.workers
                if args.format == "human":
                    if rep == 1:
                        for k in range(min(args.show, work.tasks)):
                            print("  %-44s %10.6f s" % (describe(work, k, results[k]), secs[k]))
                        if work.tasks > args.show:
                            print("  ... (%d more)" % (work.tasks - args.show))
                        print("\n  %4s %10s %12s %8s %10s %15s %s" % (
                            "rep", "wall_s", "task_sum_s", "speedup", "efficiency", "first_result_s", "valid"))
                    print("  %4d %10.4f %12.4f %8.3f %10.3f %15.4f %s" % (
                        rep, wall, total, rec["speedup"], rec["efficiency"], first, "yes" if not bad else "NO"))
                else:
                    emit(rec, args.format)
                sys.stdout.flush()
                last = (rec, results)
        if args.format == "human" and last:
            rec = last[0]
            print("\n  checksum %016x, setup %.4f s, PSS %d bytes" % (rec["checksum"], setup_s, rec["pss_bytes"]))
        if args.out is not None and last and status == 0:
            write_out(args.out, work, last[1])
    finally:
        work.release()
    return status


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:
        # stdout closed early (| head): stop quietly, as a C program on SIGPIPE.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
