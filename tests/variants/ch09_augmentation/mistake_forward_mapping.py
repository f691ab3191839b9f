# Forward mapping: push every input pixel to its rounded output position; rotations leave holes.
# expect-lose: warp_tests
# %% warp_solution
def warp_affine(image, matrix, mode="nearest"):
    img = np.asarray(image, dtype=float)
    m = np.asarray(matrix, dtype=float)
    if img.ndim != 2 or m.shape != (3, 3) or mode not in ("nearest", "bilinear"):
        raise ValueError("bad input")
    h, w = img.shape
    out = np.zeros_like(img)
    for r in range(h):
        for c in range(w):
            x, y, _ = m @ [c, r, 1.0]
            xi, yi = int(np.floor(x + 0.5)), int(np.floor(y + 0.5))
            if 0 <= xi < w and 0 <= yi < h:
                out[yi, xi] = img[r, c]
    return out
