#!/usr/bin/env python3
"""The network measures' golden values, from python-igraph (and networkx
where igraph has no such measure), on published networks and one generated
directed weighted network.

Writes, for each network NAME, into the folder given (default: the
committed tests/data/measures):
  NAME.edges, NAME.nodes   the network as collabnet reads it (an edge list
                           and its 'node school' file; a directed one's
                           nodes file starts with collabnet's marker)
  NAME.teachers.csv        per-teacher measures
  NAME.network.csv         whole-network measures (measure,value)
  NAME.schools.csv         per-school measures

Run with Debian's interpreter (python3-igraph 0.10, python3-networkx 2.8):
  /usr/bin/python3 tests/measures/make_golden.py [OUT_DIR]
  /usr/bin/python3 tests/measures/make_golden.py --check
The test suite runs the second: it writes into a scratch folder and
compares every file with the committed one, so a change on either side
(the libraries' or this script's) shows.
"""

import math
import os
import random
import sys
import tempfile
import warnings

import igraph as ig
import networkx as nx

DIRECTED_MARKER = ("# directed: each line of the edge list is a tie from its "
                   "first node to its second")


def karate():
    """Zachary's karate club: undirected, unweighted; schools are the two
    clubs it split into."""
    k = nx.karate_club_graph()
    names = [f"K{v:02d}" for v in k.nodes()]
    schools = ["HI" if k.nodes[v]["club"] == "Mr. Hi" else "OFFICER"
               for v in k.nodes()]
    edges = [(u, v, 1.0) for u, v in k.edges()]
    return names, schools, edges, False


def florentine():
    """Padgett's Florentine families, marriage ties: undirected, one
    school."""
    f = nx.florentine_families_graph()
    names = sorted(f.nodes())
    index = {n: i for i, n in enumerate(names)}
    edges = [(index[u], index[v], 1.0) for u, v in f.edges()]
    return names, ["FLORENCE"] * len(names), edges, False


def davis():
    """Davis' southern women, projected onto the women: two women are tied
    when they attended an event together, weighted by how many."""
    d = nx.davis_southern_women_graph()
    women = [n for n, a in d.nodes(data=True) if a["bipartite"] == 0]
    p = nx.bipartite.weighted_projected_graph(d, women)
    names = [w.replace(" ", "_") for w in women]
    index = {w: i for i, w in enumerate(women)}
    edges = sorted((min(index[u], index[v]), max(index[u], index[v]),
                    float(a["weight"])) for u, v, a in p.edges(data=True))
    return names, ["DAVIS"] * len(names), edges, False


def directed_weighted():
    """A generated directed weighted network of 40 teachers in 4 schools:
    ties mostly within a school, some mutual, weights 1 to 4, two
    isolates and a pair cut off from the rest."""
    rng = random.Random(20190601)
    n = 40
    schools = [f"S{i % 4 + 1}" for i in range(n)]
    arcs = {}
    for _ in range(110):
        u, v = rng.randrange(36), rng.randrange(36)
        if u == v:
            continue
        same = schools[u] == schools[v]
        if not same and rng.random() < 0.6:
            continue
        arcs[(u, v)] = float(rng.randint(1, 4))
        if rng.random() < 0.3:
            arcs[(v, u)] = float(rng.randint(1, 4))
    arcs[(36, 37)] = 2.0  # a pair of their own; 38 and 39 have no tie
    names = [f"T{i:03d}" for i in range(n)]
    edges = [(u, v, w) for (u, v), w in sorted(arcs.items())]
    return names, schools, edges, True


NETWORKS = {
    "karate": karate,
    "florentine": florentine,
    "davis": davis,
    "directed": directed_weighted,
}


def number(x):
    """A value as the golden files hold it: 17 significant digits, NA for
    an undefined one."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "NA"
    return repr(float(x))


def write_network(out, name, names, schools, edges, directed):
    with open(os.path.join(out, name + ".edges"), "w") as f:
        f.write("source target weight\n")
        for u, v, w in edges:
            f.write(f"{names[u]} {names[v]} {w:g}\n")
    with open(os.path.join(out, name + ".nodes"), "w") as f:
        if directed:
            f.write(DIRECTED_MARKER + "\n")
        f.write("node school\n")
        for n, s in zip(names, schools):
            f.write(f"{n} {s}\n")


def teacher_measures(g, directed, schools):
    # ARPACK starts eigenvector centrality from a random vector.
    ig.set_random_number_generator(random.Random(1))
    n = g.vcount()
    w = g.es["weight"]
    out_mode = "out" if directed else "all"
    in_mode = "in" if directed else "all"
    ei = []
    for v in range(n):
        internal = external = 0
        for e in g.incident(v, mode="all"):
            a, b = g.es[e].tuple
            other = b if a == v else a
            if schools[other] == schools[v]:
                internal += 1
            else:
                external += 1
        ei.append((external - internal) / (external + internal)
                  if internal + external > 0 else float("nan"))
    betweenness = g.betweenness(directed=directed)
    pairs = (n - 1) * (n - 2) / (1 if directed else 2)
    columns = {
        "in_degree": g.degree(mode=in_mode),
        "out_degree": g.degree(mode=out_mode),
        "in_strength": g.strength(mode=in_mode, weights=w),
        "out_strength": g.strength(mode=out_mode, weights=w),
        "betweenness": betweenness,
        "betweenness_normalized": [b / pairs for b in betweenness],
        "closeness": g.closeness(mode=out_mode, normalized=True),
        "harmonic": g.harmonic_centrality(mode=out_mode, normalized=True),
        "pagerank": g.pagerank(directed=directed, damping=0.85, weights=w),
        "eigenvector": g.eigenvector_centrality(directed=directed,
                                                scale=True, weights=w),
        "coreness": g.coreness(mode="all"),
        "clustering": g.transitivity_local_undirected(mode="nan"),
        "constraint": g.constraint(weights=w),
        "ei_index": ei,
    }
    return columns


def centralization(degrees, n, directed_all):
    """Freeman's degree centralisation, normalised by the star's (igraph's
    igraph_centralization_degree_tmax): (n-1)(n-2) undirected, (n-1)^2
    for in- or out-degree."""
    top = max(degrees)
    total = sum(top - d for d in degrees)
    tmax = (n - 1) ** 2 if directed_all else (n - 1) * (n - 2)
    return total / tmax


def network_measures(g, directed, schools):
    n = g.vcount()
    w = g.es["weight"]
    school_ids = sorted(set(schools))
    types = [school_ids.index(s) for s in schools]
    internal = sum(1 for e in g.es if schools[e.source] == schools[e.target])
    external = g.ecount() - internal
    values = {
        "teachers": n,
        "ties": g.ecount(),
        "density": g.density(loops=False),
        "reciprocity": g.reciprocity(ignore_loops=True, mode="default"),
        "transitivity": g.transitivity_undirected(mode="nan"),
        "weak_components": len(g.connected_components(mode="weak")),
        "strong_components": len(g.connected_components(mode="strong")),
        "isolates": sum(1 for d in g.degree(mode="all") if d == 0),
        "assortativity_school": (
            g.assortativity_nominal(types, directed=directed)
            if len(school_ids) > 1 else float("nan")),
        "ei_index": (external - internal) / (external + internal),
    }
    if directed:
        values["in_degree_centralization"] = centralization(
            g.degree(mode="in"), n, True)
        values["out_degree_centralization"] = centralization(
            g.degree(mode="out"), n, True)
    else:
        values["degree_centralization"] = centralization(
            g.degree(), n, False)
    # Communities are random in both libraries: the tests compare
    # modularity within a tolerance, never the partition.
    ig.set_random_number_generator(random.Random(1))
    undirected = g.as_undirected(combine_edges="sum") if directed else g
    louvain = undirected.community_multilevel(weights="weight")
    leiden = max(
        (undirected.community_leiden(objective_function="modularity",
                                     weights="weight", n_iterations=-1)
         for _ in range(10)),
        key=lambda c: c.modularity)
    values["modularity_louvain"] = louvain.modularity
    values["modularity_leiden"] = leiden.modularity
    return values


def school_measures(g, schools):
    rows = []
    for s in sorted(set(schools)):
        members = [v for v in range(g.vcount()) if schools[v] == s]
        inside = set(members)
        internal = external = 0
        for e in g.es:
            a, b = e.source in inside, e.target in inside
            if a and b:
                internal += 1
            elif a or b:
                external += 1
        size = len(members)
        pairs = size * (size - 1) / (1 if g.is_directed() else 2)
        sub = g.induced_subgraph(members)
        rows.append({
            "school": s,
            "teachers": size,
            "internal_ties": internal,
            "external_ties": external,
            "density": internal / pairs if pairs > 0 else float("nan"),
            "reciprocity": (sub.reciprocity() if sub.ecount() > 0
                            else float("nan")),
            "ei_index": ((external - internal) / (external + internal)
                         if internal + external > 0 else float("nan")),
            "isolates": sum(1 for v in members if g.degree(v) == 0),
        })
    return rows


def main():
    # igraph warns that directed eigenvector centrality of a network that is
    # not strongly connected is not unique; it is computed as igraph does.
    warnings.simplefilter("ignore", RuntimeWarning)
    here = os.path.dirname(os.path.abspath(__file__))
    committed = os.path.join(here, "..", "data", "measures")
    if sys.argv[1:] == ["--check"]:
        with tempfile.TemporaryDirectory() as scratch:
            write_all(scratch)
            names = sorted(os.listdir(scratch))
            missing = set(names) - set(os.listdir(committed))
            if missing:
                sys.exit(f"not committed: {sorted(missing)}")
            differ = [n for n in names
                      if not same_file(os.path.join(scratch, n),
                                       os.path.join(committed, n))]
            if differ:
                sys.exit(f"made anew, these differ from the committed "
                         f"golden files: {differ}")
        print(f"{len(names)} golden files made anew, all as committed")
        return
    write_all(sys.argv[1] if len(sys.argv) > 1 else committed)


def same_file(made, committed):
    """Equal line by line, numbers within 1e-9 relative: the iterative
    solvers' last digits vary from run to run."""
    with open(made) as a, open(committed) as b:
        lines_a, lines_b = a.read().splitlines(), b.read().splitlines()
    if len(lines_a) != len(lines_b):
        return False
    for la, lb in zip(lines_a, lines_b):
        for x, y in zip(la.split(","), lb.split(",")):
            if x == y:
                continue
            try:
                fx, fy = float(x), float(y)
            except ValueError:
                return False
            if not math.isclose(fx, fy, rel_tol=1e-9, abs_tol=1e-12):
                return False
        if la.count(",") != lb.count(","):
            return False
    return True


def write_all(out):
    os.makedirs(out, exist_ok=True)
    for name, make in NETWORKS.items():
        names, schools, edges, directed = make()
        write_network(out, name, names, schools, edges, directed)
        g = ig.Graph(n=len(names), edges=[(u, v) for u, v, _ in edges],
                     directed=directed)
        g.es["weight"] = [w for _, _, w in edges]
        columns = teacher_measures(g, directed, schools)
        with open(os.path.join(out, name + ".teachers.csv"), "w") as f:
            f.write("teacher," + ",".join(columns) + "\n")
            for v, n in enumerate(names):
                f.write(n + "," + ",".join(number(c[v])
                                           for c in columns.values()) + "\n")
        with open(os.path.join(out, name + ".network.csv"), "w") as f:
            f.write("measure,value\n")
            for k, v in network_measures(g, directed, schools).items():
                f.write(f"{k},{number(v)}\n")
        rows = school_measures(g, schools)
        with open(os.path.join(out, name + ".schools.csv"), "w") as f:
            f.write(",".join(rows[0]) + "\n")
            for r in rows:
                f.write(",".join(str(v) if isinstance(v, str) else number(v)
                                 for v in r.values()) + "\n")


if __name__ == "__main__":
    main()
