# One noise pattern drawn once and added to every image: the "noisy" copies are not independent draws.
# expect-lose: expand_statistics_tests
# %% expand_solution
def expand_dataset(images, labels, rng, sigma=0.1, delta=0.3):
    images = np.asarray(images, dtype=float)
    labels = np.asarray(labels)
    if images.ndim != 3 or images.shape[1] != images.shape[2] or labels.shape != (len(images),):
        raise ValueError("bad input")
    noise = rng.normal(0.0, sigma, size=images.shape[1:])
    versions = []
    for img in images:
        versions += [img.copy(), flip_horizontal(img), np.rot90(img).copy(), np.clip(img + noise, 0, 1),
                     adjust_brightness(img, delta)]
    return np.stack(versions), np.repeat(labels, 5)
