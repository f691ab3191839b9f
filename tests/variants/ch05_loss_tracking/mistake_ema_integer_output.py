# Keeps the input dtype: an integer input gives an integer (truncated) result.
# expect-lose: ema_tests
# %% ema_solution
def ema(values, beta):
    values = np.asarray(values)
    if values.ndim != 1 or values.size == 0:
        raise ValueError("bad values")
    if not 0 <= beta < 1:
        raise ValueError("bad beta")
    out = np.empty_like(values)
    out[0] = values[0]
    for t in range(1, len(values)):
        out[t] = beta * out[t - 1] + (1 - beta) * values[t]
    return out
