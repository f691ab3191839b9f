# Overwrites the input array in place (np.asarray does not copy a float64 array) and returns it.
# expect-lose: ema_tests
# %% ema_solution
def ema(values, beta):
    values = np.asarray(values, dtype=float)
    if values.ndim != 1 or values.size == 0:
        raise ValueError("bad values")
    if not 0 <= beta < 1:
        raise ValueError("bad beta")
    for t in range(1, len(values)):
        values[t] = beta * values[t - 1] + (1 - beta) * values[t]
    return values
