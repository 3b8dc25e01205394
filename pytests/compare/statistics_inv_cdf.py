# _statistics._normal_dist_inv_cdf (AS241) over the central region, both tails, the split
# points and the edges, exactly; and NormalDist.inv_cdf, which uses it.
import _statistics, statistics

ps = [1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.05, 0.074, 0.075, 0.076, 0.1, 0.25, 0.3,
      0.5, 0.6, 0.7, 0.9, 0.924, 0.925, 0.926, 0.99, 0.999, 1 - 1e-10, 1 - 1e-16]
for p in ps:
    print(p, repr(_statistics._normal_dist_inv_cdf(p, 0.0, 1.0)), repr(_statistics._normal_dist_inv_cdf(p, 10.0, 2.5)))
# Around where the tail formula switches (sqrt(-log r) == 5).
import math
edge = math.exp(-25.0)
for k in range(-3, 4):
    p = edge * (1 + k * 1e-9)
    print(k, repr(_statistics._normal_dist_inv_cdf(p, 0, 1)))
for p, sigma in [(0.0, 1), (1.0, 1), (-0.5, 1), (1.5, 1), (float("nan"), 1), (0.5, 0), (0.5, -0.0), (0.3, float("nan")), (0.3, float("inf"))]:
    try:
        print(p, sigma, repr(_statistics._normal_dist_inv_cdf(p, 0, sigma)))
    except Exception as e:
        print(p, type(e).__name__, e)
d = statistics.NormalDist(100, 15)
print([round(d.inv_cdf(p), 12) for p in (0.1, 0.5, 0.975)], d.quantiles(4))
for bad in [("a", 0, 1), (0.5, 0), (0.5, 0, 1, 2)]:
    try:
        _statistics._normal_dist_inv_cdf(*bad)
    except TypeError as e:
        print("TypeError")
