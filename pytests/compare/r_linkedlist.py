# Linked list, stack and queue classes with iteration and dunder methods.
class Node:
    __slots__ = ("val", "next")
    def __init__(self, val, nxt=None):
        self.val = val; self.next = nxt
class LinkedList:
    def __init__(self, items=()):
        self.head = None; self.size = 0
        for it in reversed(list(items)):
            self.push(it)
    def push(self, v):
        self.head = Node(v, self.head); self.size += 1
    def pop(self):
        if self.head is None:
            raise IndexError("pop from empty list")
        v = self.head.val; self.head = self.head.next; self.size -= 1
        return v
    def __iter__(self):
        n = self.head
        while n:
            yield n.val
            n = n.next
    def __len__(self):
        return self.size
    def __repr__(self):
        return "LL(" + " -> ".join(map(repr, self)) + ")"
    def reverse(self):
        prev = None; n = self.head
        while n:
            n.next, prev, n = prev, n, n.next
        self.head = prev
    def __contains__(self, v):
        return any(x == v for x in self)
    def __getitem__(self, i):
        for k, v in enumerate(self):
            if k == i:
                return v
        raise IndexError(i)
ll = LinkedList([1, 2, 3, 4])
print(ll, len(ll), 3 in ll, 9 in ll, ll[2])
ll.reverse(); print(ll)
ll.push(0); print(ll.pop(), ll.pop(), ll)
try:
    LinkedList().pop()
except IndexError as e:
    print("IE", e)
class Queue:
    def __init__(self):
        self.inbox = []; self.outbox = []
    def put(self, v):
        self.inbox.append(v)
    def get(self):
        if not self.outbox:
            while self.inbox:
                self.outbox.append(self.inbox.pop())
        return self.outbox.pop()
    def __len__(self):
        return len(self.inbox) + len(self.outbox)
q = Queue()
for i in range(5): q.put(i)
print(q.get(), q.get()); q.put(99)
print([q.get() for _ in range(len(q))])
def balanced(s):
    stack = []; pairs = {")": "(", "]": "[", "}": "{"}
    for ch in s:
        if ch in "([{":
            stack.append(ch)
        elif ch in pairs:
            if not stack or stack.pop() != pairs[ch]:
                return False
    return not stack
for s in ["([]{})", "([)]", "((", "", "{[()()]}"]:
    print(repr(s), balanced(s))
def rpn(expr):
    st = []
    for tok in expr.split():
        if tok in "+-*/":
            b, a = st.pop(), st.pop()
            st.append({"+": a + b, "-": a - b, "*": a * b, "/": a // b}[tok])
        else:
            st.append(int(tok))
    return st.pop()
print(rpn("3 4 + 2 *"), rpn("5 1 2 + 4 * + 3 -"))
