# Swaps the weights: beta multiplies the new value and 1 - beta the past.
# expect-lose: ema_tests
# %% ema_solution
def ema(values, beta):
    values = np.asarray(values, dtype=float)
    if values.ndim != 1 or values.size == 0:
        raise ValueError("bad values")
    if not 0 <= beta < 1:
        raise ValueError("bad beta")
    out = [values[0]]
    for v in values[1:]:
        out.append((1 - beta) * out[-1] + beta * v)
    return np.array(out)
