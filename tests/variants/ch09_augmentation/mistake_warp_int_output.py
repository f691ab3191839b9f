# The output is allocated with np.zeros_like(image): an integer image gives an integer output, and bilinear
# values are truncated (the classic dtype mistake with uint8 pictures).
# expect-lose: warp_tests
# %% warp_solution
def warp_affine(image, matrix, mode="nearest"):
    img = np.asarray(image)
    m = np.asarray(matrix, dtype=float)
    if img.ndim != 2 or m.shape != (3, 3) or mode not in ("nearest", "bilinear"):
        raise ValueError("bad input")
    h, w = img.shape
    inverse = np.linalg.inv(m)
    out = np.zeros_like(img)
    for r in range(h):
        for c in range(w):
            x, y, _ = inverse @ [c, r, 1.0]
            if x < -1e-6 or y < -1e-6 or x > w - 1 + 1e-6 or y > h - 1 + 1e-6:
                continue
            x, y = min(max(x, 0.0), w - 1.0), min(max(y, 0.0), h - 1.0)
            if mode == "nearest":
                out[r, c] = img[int(np.floor(y + 0.5)), int(np.floor(x + 0.5))]
                continue
            x0, y0 = int(np.floor(x)), int(np.floor(y))
            x1, y1 = min(x0 + 1, w - 1), min(y0 + 1, h - 1)
            fx, fy = x - x0, y - y0
            out[r, c] = ((1 - fy) * ((1 - fx) * img[y0, x0] + fx * img[y0, x1])
                         + fy * ((1 - fx) * img[y1, x0] + fx * img[y1, x1]))
    return out
