# An LRU cache class built on a dict plus a doubly linked list; used as a memoizing decorator.
class _Node:
    __slots__ = ("key", "val", "prev", "next")
    def __init__(self, key=None, val=None):
        self.key, self.val, self.prev, self.next = key, val, None, None
class LRU:
    def __init__(self, capacity):
        self.cap = capacity; self.map = {}
        self.head = _Node(); self.tail = _Node()
        self.head.next = self.tail; self.tail.prev = self.head
        self.hits = self.misses = 0
    def _unlink(self, n):
        n.prev.next, n.next.prev = n.next, n.prev
    def _front(self, n):
        n.next = self.head.next; n.prev = self.head
        self.head.next.prev = n; self.head.next = n
    def get(self, key, default=None):
        n = self.map.get(key)
        if n is None:
            self.misses += 1
            return default
        self.hits += 1
        self._unlink(n); self._front(n)
        return n.val
    def put(self, key, val):
        if key in self.map:
            n = self.map[key]; n.val = val; self._unlink(n); self._front(n); return
        if len(self.map) >= self.cap:
            old = self.tail.prev; self._unlink(old); del self.map[old.key]
            print("  evict", old.key)
        n = _Node(key, val); self.map[key] = n; self._front(n)
    def keys(self):
        out = []; n = self.head.next
        while n is not self.tail:
            out.append(n.key); n = n.next
        return out
    def __len__(self):
        return len(self.map)
    def __contains__(self, k):
        return k in self.map
c = LRU(3)
for k in "abcad":
    c.put(k, k.upper())
    print(k, c.keys())
print(c.get("a"), c.get("b"), c.keys(), len(c), "c" in c, c.hits, c.misses)
def lru_cache(size):
    def deco(fn):
        cache = LRU(size)
        sentinel = object()
        def wrapper(*args):
            v = cache.get(args, sentinel)
            if v is sentinel:
                v = fn(*args); cache.put(args, v)
            return v
        wrapper.cache = cache
        return wrapper
    return deco
@lru_cache(100)
def binom(n, k):
    if k == 0 or k == n:
        return 1
    return binom(n - 1, k - 1) + binom(n - 1, k)
print(binom(30, 15), binom(60, 30), len(binom.cache), binom.cache.hits > 0)
