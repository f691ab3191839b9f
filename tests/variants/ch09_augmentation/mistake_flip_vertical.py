# The "horizontal" flip reverses the rows (np.flipud) instead of the columns.
# expect-lose: photometric_tests, expand_tests
# %% photometric_solution
def _as_image(image):
    a = np.array(image, dtype=float)
    if a.ndim != 2:
        raise ValueError("not 2-D")
    return a


def flip_horizontal(image):
    return _as_image(image)[::-1, :].copy()


def add_gaussian_noise(image, sigma, rng):
    a = _as_image(image)
    if sigma < 0:
        raise ValueError("sigma < 0")
    return np.clip(a + rng.normal(0.0, sigma, size=a.shape), 0.0, 1.0)


def adjust_brightness(image, delta):
    return np.clip(_as_image(image) + delta, 0.0, 1.0)


def adjust_contrast(image, factor):
    a = _as_image(image)
    if factor < 0:
        raise ValueError("factor < 0")
    return np.clip(a.mean() + factor * (a - a.mean()), 0.0, 1.0)
