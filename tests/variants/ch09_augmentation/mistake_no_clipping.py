# Noise, brightness and contrast without clipping to [0, 1].
# expect-lose: photometric_tests, expand_tests
# %% photometric_solution
def _as_image(image):
    a = np.asarray(image, dtype=float)
    if a.ndim != 2:
        raise ValueError("not 2-D")
    return a


def flip_horizontal(image):
    return _as_image(image)[:, ::-1].copy()


def add_gaussian_noise(image, sigma, rng):
    a = _as_image(image)
    if sigma < 0:
        raise ValueError("sigma < 0")
    return a + rng.normal(0, sigma, a.shape)


def adjust_brightness(image, delta):
    return _as_image(image) + delta


def adjust_contrast(image, factor):
    a = _as_image(image)
    if factor < 0:
        raise ValueError("factor < 0")
    return a.mean() + factor * (a - a.mean())
