#!/usr/bin/env python3
"""graph_reference.py - check a paths --out file against igraph.

usage: graph_reference.py GRAPH.el OUT.csv MAX_HOP

GRAPH.el is an edge list as scal-omp --write-graph FILE.el writes it
("# Nodes: M Edges: E", then "u v" lines, 0-based, each the arc u -> v).
Every row source,target,distance of OUT.csv must hold igraph's directed
shortest-path length from source to target when it is at most MAX_HOP, else
-1.  Prints the first mismatches; exits 0 when all agree, 1 otherwise, 77
when igraph is missing.
"""
import sys

try:
    import igraph
except ImportError:
    print("graph_reference: python3-igraph is not installed", file=sys.stderr)
    sys.exit(77)


def main():
    graph_path, out_path, h = sys.argv[1], sys.argv[2], int(sys.argv[3])
    m = None
    data = []
    with open(graph_path) as f:
        for line in f:
            if line.startswith("# Nodes:"):
                m = int(line.split()[2])
            elif line.strip() and not line.startswith("#"):
                data.append(line)
                break
        # the rest in one piece: millions of arcs at scale 20 (numpy, when
        # there, parses them without a Python object per id)
        data.append(f.read())
    text = "".join(data)
    try:
        import numpy
        ids = numpy.fromstring(text, dtype=numpy.int64, sep=" ")
        edges = ids.reshape(-1, 2).tolist()
    except ImportError:
        ids = [int(x) for x in text.split()]
        edges = list(zip(ids[0::2], ids[1::2]))
    if m is None:
        m = 1 + max(max(e) for e in edges)
    g = igraph.Graph(n=m, edges=edges, directed=True)
    rows = []
    with open(out_path) as f:
        assert f.readline().strip() == "source,target,distance"
        for line in f:
            s, t, d = (int(x) for x in line.split(","))
            rows.append((s, t, d))
    sources = sorted({s for s, _, _ in rows})
    targets = sorted({t for _, t, _ in rows})
    index = {s: i for i, s in enumerate(sources)}
    column = {t: i for i, t in enumerate(targets)}
    dist = g.distances(source=sources, target=targets, mode="out")
    bad = 0
    for s, t, d in rows:
        ref = dist[index[s]][column[t]]
        ref = -1 if ref == float("inf") or ref > h else int(ref)
        if ref != d:
            bad += 1
            if bad <= 5:
                print(f"graph_reference: {s} -> {t}: {d}, igraph says {ref}", file=sys.stderr)
    print(f"graph_reference: {len(rows)} pairs, {bad} differ from igraph ({m} nodes, "
          f"{len(edges)} arcs)")
    return 1 if bad or not rows else 0


sys.exit(main())
