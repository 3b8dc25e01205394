"""Two tasklets hand a ball back and forth over a pair of channels."""
import stackless

def player(name, inbox, outbox, rounds):
    for _ in range(rounds):
        ball = inbox.receive()
        print("%s hits the ball (%d)" % (name, ball))
        outbox.send(ball + 1)
    print(name, "is done")

to_ping, to_pong = stackless.channel(), stackless.channel()
stackless.tasklet(player)("ping", to_ping, to_pong, 3)
stackless.tasklet(player)("pong", to_pong, to_ping, 3)
stackless.tasklet(to_ping.send)(0)   # serve: a tasklet whose function is a bound channel method
stackless.run()
print("balls left in flight:", to_ping.balance + to_pong.balance)
