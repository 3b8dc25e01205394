# A tokenizer and recursive-descent calculator with variables.
class Token:
    def __init__(self, kind, text):
        self.kind = kind
        self.text = text
    def __repr__(self):
        return "%s:%s" % (self.kind, self.text)
def tokenize(src):
    toks = []
    i = 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            toks.append(Token("num", src[i:j])); i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            toks.append(Token("name", src[i:j])); i = j
        elif ch in "+-*/%()=^":
            toks.append(Token("op", ch)); i += 1
        else:
            raise SyntaxError("bad char %r at %d" % (ch, i))
    toks.append(Token("end", ""))
    return toks
class Parser:
    def __init__(self, toks, env):
        self.toks = toks; self.pos = 0; self.env = env
    def peek(self):
        return self.toks[self.pos]
    def take(self, text=None):
        t = self.toks[self.pos]
        if text is not None and t.text != text:
            raise SyntaxError("expected %r got %r" % (text, t.text))
        self.pos += 1
        return t
    def statement(self):
        if self.peek().kind == "name" and self.toks[self.pos + 1].text == "=":
            name = self.take().text; self.take("=")
            v = self.expr(); self.env[name] = v
            return v
        return self.expr()
    def expr(self):
        v = self.term()
        while self.peek().text in ("+", "-"):
            op = self.take().text
            r = self.term()
            v = v + r if op == "+" else v - r
        return v
    def term(self):
        v = self.power()
        while self.peek().text in ("*", "/", "%"):
            op = self.take().text
            r = self.power()
            if op == "*": v *= r
            elif op == "/": v //= r
            else: v %= r
        return v
    def power(self):
        base = self.unary()
        if self.peek().text == "^":
            self.take()
            return base ** self.power()
        return base
    def unary(self):
        if self.peek().text == "-":
            self.take(); return -self.unary()
        return self.atom()
    def atom(self):
        t = self.take()
        if t.kind == "num": return int(t.text)
        if t.kind == "name":
            if t.text not in self.env:
                raise NameError("undefined " + t.text)
            return self.env[t.text]
        if t.text == "(":
            v = self.expr(); self.take(")"); return v
        raise SyntaxError("unexpected %r" % t.text)
env = {}
lines = ["1 + 2 * 3", "(1 + 2) * 3", "x = 2 ^ 3 ^ 2", "x / 7", "y = -x % 10", "x + y",
         "2 ^ 100", "big = 2^64 - 1", "big * big", "10 / 0", "3 +", "z + 1", "4 $ 4", "((((7))))"]
print(tokenize("a1 = (b + 22)"))
for line in lines:
    try:
        print("%-16s => %s" % (line, Parser(tokenize(line), env).statement()))
    except (SyntaxError, NameError, ZeroDivisionError) as e:
        print("%-16s => %s: %s" % (line, type(e).__name__, e))
print(sorted(env.items()))
