# Mixes the new value with the previous *raw* value instead of the previous smoothed value.
# expect-lose: ema_tests
# %% ema_solution
def ema(values, beta):
    values = np.asarray(values, dtype=float)
    if values.ndim != 1 or values.size == 0:
        raise ValueError("bad values")
    if not 0 <= beta < 1:
        raise ValueError("bad beta")
    out = [values[0]]
    for t in range(1, len(values)):
        out.append(beta * values[t - 1] + (1 - beta) * values[t])
    return np.array(out)
