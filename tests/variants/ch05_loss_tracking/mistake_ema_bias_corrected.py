# Adam-style: starts at 0 and divides by (1 - beta^t). Right at t = 1, but not the chapter's EMA after.
# expect-lose: ema_tests
# %% ema_solution
def ema(values, beta):
    values = np.asarray(values, dtype=float)
    if values.ndim != 1 or values.size == 0:
        raise ValueError("bad values")
    if not 0 <= beta < 1:
        raise ValueError("bad beta")
    out, s = [], 0.0
    for t, v in enumerate(values, start=1):
        s = beta * s + (1 - beta) * v
        out.append(s / (1 - beta**t))
    return np.array(out)
