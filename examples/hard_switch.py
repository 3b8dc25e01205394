"""Hard switching: tasklets that block where C# code is on their stack.

sorted() calls its key function from native code, and so does map(); a tasklet that
waits on a channel inside such a call cannot leave that stack behind. It keeps it on its
own parked OS thread while the other tasklets run, and the order of events is exactly
the one of ordinary (soft) switches.
"""
import stackless

prices = stackless.channel()

def ask_price(item):
    # runs inside sorted(): blocks until the pricing tasklet answers
    prices.send(item)
    return prices.receive()

def shopper():
    basket = ["pear", "apple", "fig"]
    by_price = sorted(basket, key=ask_price)
    print("cheapest first:", by_price)

def pricer():
    table = {"pear": 3, "apple": 2, "fig": 5}
    for _ in range(3):
        item = prices.receive()
        print("pricing", item, "->", table[item], "(the shopper is nested",
              "%d native call deep)" % (shopper_tasklet.nesting_level - 1))
        prices.send(table[item])

shopper_tasklet = stackless.tasklet(shopper)()
stackless.tasklet(pricer)()
stackless.run()
