# Graph algorithms: BFS shortest paths, Dijkstra with a simple list-based queue, topological sort, cycle detection.
edges = [("A", "B", 4), ("A", "C", 2), ("B", "C", 5), ("B", "D", 10), ("C", "E", 3), ("E", "D", 4), ("D", "F", 11), ("E", "F", 20)]
graph = {}
for u, v, w in edges:
    graph.setdefault(u, []).append((v, w))
    graph.setdefault(v, [])
def dijkstra(src):
    dist = {n: None for n in graph}
    prev = {}
    dist[src] = 0
    frontier = [(0, src)]
    while frontier:
        frontier.sort()
        d, u = frontier.pop(0)
        if d > dist[u]:
            continue
        for v, w in graph[u]:
            nd = d + w
            if dist[v] is None or nd < dist[v]:
                dist[v] = nd; prev[v] = u
                frontier.append((nd, v))
    return dist, prev
dist, prev = dijkstra("A")
for n in sorted(dist):
    path = [n]
    while path[-1] in prev:
        path.append(prev[path[-1]])
    print(n, dist[n], "->".join(reversed(path)))
def bfs(start):
    order = [start]; seen = {start}; i = 0
    while i < len(order):
        for v, _ in graph[order[i]]:
            if v not in seen:
                seen.add(v); order.append(v)
        i += 1
    return order
print(bfs("A"), bfs("D"))
def topo(g):
    indeg = {n: 0 for n in g}
    for u in g:
        for v, _ in g[u]:
            indeg[v] += 1
    ready = sorted(n for n in g if indeg[n] == 0); out = []
    while ready:
        n = ready.pop(0); out.append(n)
        for v, _ in g[n]:
            indeg[v] -= 1
            if indeg[v] == 0:
                ready.append(v); ready.sort()
    if len(out) != len(g):
        raise ValueError("cycle detected")
    return out
print(topo(graph))
graph["F"].append(("A", 1))
try:
    topo(graph)
except ValueError as e:
    print("VE", e)
def components(pairs):
    parent = {}
    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]; x = parent[x]
        return x
    for a, b in pairs:
        parent[find(a)] = find(b)
    groups = {}
    for x in parent:
        groups.setdefault(find(x), []).append(x)
    return sorted(sorted(g) for g in groups.values())
print(components([(1, 2), (3, 4), (2, 5), (6, 6), (4, 7), (8, 9), (9, 1)]))
