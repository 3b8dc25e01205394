# Bank account simulation with a transaction log and custom errors.
class InsufficientFunds(Exception):
    pass
class Account:
    next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account.next_id; Account.next_id += 1
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amt):
        if amt <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amt
        self.history.append(("dep", amt))
    def withdraw(self, amt):
        if amt > self.balance:
            raise InsufficientFunds("%s has %d, needs %d" % (self.owner, self.balance, amt))
        self.balance -= amt
        self.history.append(("wd", amt))
    def __repr__(self):
        return "<Account #%d %s: %d>" % (self.id, self.owner, self.balance)
class Savings(Account):
    def __init__(self, owner, balance=0, rate_pct=2):
        super().__init__(owner, balance)
        self.rate_pct = rate_pct
    def add_interest(self):
        interest = self.balance * self.rate_pct // 100
        self.deposit(interest)
        return interest
class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, cls, *a, **k):
        acc = cls(*a, **k)
        self.accounts[acc.id] = acc
        return acc
    def transfer(self, src, dst, amt):
        a, b = self.accounts[src], self.accounts[dst]
        a.withdraw(amt)
        b.deposit(amt)
    def total(self):
        return sum(a.balance for a in self.accounts.values())
bank = Bank()
alice = bank.open(Account, "alice", 100)
bob = bank.open(Savings, "bob", 1000, rate_pct=5)
carol = bank.open(Account, "carol")
ops = [("transfer", 1, 2, 50), ("transfer", 3, 1, 10), ("deposit", 3, 0), ("deposit", 3, 75),
       ("transfer", 2, 3, 500), ("interest", 2), ("withdraw", 1, 51), ("withdraw", 1, 50)]
for op in ops:
    try:
        if op[0] == "transfer":
            bank.transfer(*op[1:])
        elif op[0] == "deposit":
            bank.accounts[op[1]].deposit(op[2])
        elif op[0] == "withdraw":
            bank.accounts[op[1]].withdraw(op[2])
        elif op[0] == "interest":
            print("interest paid:", bank.accounts[op[1]].add_interest())
        print("ok  ", op, "total", bank.total())
    except (InsufficientFunds, ValueError) as e:
        print("fail", op, type(e).__name__, e)
for acc in sorted(bank.accounts.values(), key=lambda a: -a.balance):
    print(acc, acc.history)
richest = max(bank.accounts.values(), key=lambda a: a.balance)
print("richest:", richest.owner, isinstance(richest, Savings))
