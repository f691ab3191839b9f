# sigma and delta ignored: the noise and the brightness always use the default 0.1 and 0.3.
# expect-lose: expand_tests, expand_statistics_tests
# %% expand_solution
def expand_dataset(images, labels, rng, sigma=0.1, delta=0.3):
    images = np.asarray(images, dtype=float)
    labels = np.asarray(labels)
    if images.ndim != 3 or images.shape[1] != images.shape[2] or labels.shape != (len(images),):
        raise ValueError("bad input")
    versions = []
    for img in images:
        versions += [img.copy(), flip_horizontal(img), np.rot90(img).copy(), add_gaussian_noise(img, 0.1, rng),
                     adjust_brightness(img, 0.3)]
    return np.stack(versions), np.repeat(labels, 5)
