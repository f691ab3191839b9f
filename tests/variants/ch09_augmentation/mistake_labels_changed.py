# The labels are tiled instead of repeated: the augmented copies get other images' labels.
# expect-lose: expand_tests
# %% expand_solution
def expand_dataset(images, labels, rng, sigma=0.1, delta=0.3):
    images = np.asarray(images, dtype=float)
    labels = np.asarray(labels)
    if images.ndim != 3 or images.shape[1] != images.shape[2] or labels.shape != (len(images),):
        raise ValueError("bad input")
    versions = []
    for img in images:
        versions += [img, flip_horizontal(img), np.rot90(img), add_gaussian_noise(img, sigma, rng),
                     adjust_brightness(img, delta)]
    return np.stack(versions), np.tile(labels, 5)
