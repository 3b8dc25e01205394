# Inventory/order processing with classes, dict-of-lists, sorting and report formatting.
class Item:
    def __init__(self, sku, name, price_cents, qty):
        self.sku, self.name, self.price, self.qty = sku, name, price_cents, qty
    def __repr__(self):
        return "Item(%r, qty=%d)" % (self.sku, self.qty)
class OutOfStock(Exception):
    def __init__(self, sku, wanted, have):
        super().__init__("%s: wanted %d, have %d" % (sku, wanted, have))
        self.sku = sku
def cents(c):
    return "%s%d.%02d" % ("-" if c < 0 else "", abs(c) // 100, abs(c) % 100)
stock = {i.sku: i for i in [Item("A1", "bolt", 25, 100), Item("B2", "nut", 10, 40), Item("C3", "gear", 1250, 3), Item("D4", "belt", 799, 0)]}
orders = [("o1", [("A1", 10), ("B2", 5)]), ("o2", [("C3", 2), ("A1", 95)]), ("o3", [("C3", 1), ("D4", 1)]), ("o4", [("B2", 35), ("C3", 1)]), ("o5", [("Z9", 1)])]
filled, failed = [], {}
for oid, lines in orders:
    try:
        for sku, n in lines:
            if sku not in stock:
                raise KeyError(sku)
            if stock[sku].qty < n:
                raise OutOfStock(sku, n, stock[sku].qty)
        total = 0
        for sku, n in lines:
            stock[sku].qty -= n
            total += stock[sku].price * n
        filled.append((oid, total))
    except OutOfStock as e:
        failed.setdefault("stock", []).append((oid, str(e)))
    except KeyError as e:
        failed.setdefault("unknown", []).append((oid, e.args[0]))
print("filled:")
for oid, t in filled:
    print("  %-4s %10s" % (oid, cents(t)))
print("  total %9s" % cents(sum(t for _, t in filled)))
for reason in sorted(failed):
    print(reason, failed[reason])
print(sorted(stock.values(), key=lambda i: (i.qty, i.sku)))
low = [i.name for i in stock.values() if i.qty < 5]
print("reorder:", ", ".join(low) or "nothing")
value = sum(i.price * i.qty for i in stock.values())
print("stock value", cents(value), cents(-1234))
by_price = {}
for i in stock.values():
    band = "cheap" if i.price < 100 else "mid" if i.price < 1000 else "dear"
    by_price.setdefault(band, []).append(i.sku)
print(by_price)
