# Starts the average at 0 instead of at the first value: the curve is pulled towards zero early on.
# expect-lose: ema_tests
# %% ema_solution
def ema(values, beta):
    values = np.asarray(values, dtype=float)
    if values.ndim != 1 or values.size == 0:
        raise ValueError("bad values")
    if not 0 <= beta < 1:
        raise ValueError("bad beta")
    out, s = [], 0.0
    for v in values:
        s = beta * s + (1 - beta) * v
        out.append(s)
    return np.array(out)
