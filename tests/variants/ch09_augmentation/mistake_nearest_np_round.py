# Nearest neighbour with np.round, which rounds exact halves to even (2.5 -> 2), not up as the contract says.
# expect-lose: warp_tests
# %% warp_solution
def warp_affine(image, matrix, mode="nearest"):
    src = np.asarray(image, dtype=float)
    m = np.asarray(matrix, dtype=float)
    if src.ndim != 2 or m.shape != (3, 3) or mode not in ("nearest", "bilinear"):
        raise ValueError("bad input")
    h, w = src.shape
    rows, cols = np.mgrid[0:h, 0:w]
    xs, ys, _ = np.linalg.inv(m) @ np.stack([cols.ravel(), rows.ravel(), np.ones(rows.size)])
    inside = (xs >= -1e-6) & (xs <= w - 1 + 1e-6) & (ys >= -1e-6) & (ys <= h - 1 + 1e-6)
    xs, ys = np.clip(xs, 0, w - 1), np.clip(ys, 0, h - 1)
    if mode == "nearest":
        values = src[np.round(ys).astype(int), np.round(xs).astype(int)]
    else:
        x0, y0 = np.floor(xs).astype(int), np.floor(ys).astype(int)
        x1, y1 = np.minimum(x0 + 1, w - 1), np.minimum(y0 + 1, h - 1)
        fx, fy = xs - x0, ys - y0
        values = (src[y0, x0] * (1 - fx) + src[y0, x1] * fx) * (1 - fy) + (src[y1, x0] * (1 - fx)
                                                                           + src[y1, x1] * fx) * fy
    return np.where(inside, values, 0.0).reshape(h, w)
