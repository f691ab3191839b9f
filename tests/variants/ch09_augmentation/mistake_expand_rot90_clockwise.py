# The third copy turned clockwise (np.rot90(image, -1)) instead of counter-clockwise.
# expect-lose: expand_tests
# %% expand_solution
def expand_dataset(images, labels, rng, sigma=0.1, delta=0.3):
    images = np.asarray(images, dtype=float)
    labels = np.asarray(labels)
    if images.ndim != 3 or images.shape[1] != images.shape[2] or labels.shape != (len(images),):
        raise ValueError("bad input")
    versions = []
    for img in images:
        versions += [img.copy(), flip_horizontal(img), np.rot90(img, -1).copy(), add_gaussian_noise(img, sigma, rng),
                     adjust_brightness(img, delta)]
    return np.stack(versions), np.repeat(labels, 5)
