# Brightness added to the caller's stack in place (images[i] += delta), so the input is changed and the
# "original" entries that follow are wrong.
# expect-lose: expand_tests
# %% expand_solution
def expand_dataset(images, labels, rng, sigma=0.1, delta=0.3):
    images = np.asarray(images, dtype=float)
    labels = np.asarray(labels)
    if images.ndim != 3 or images.shape[1] != images.shape[2] or labels.shape != (len(images),):
        raise ValueError("bad input")
    versions = []
    for i in range(len(images)):
        versions += [images[i].copy(), flip_horizontal(images[i]), np.rot90(images[i]).copy(),
                     add_gaussian_noise(images[i], sigma, rng)]
        images[i] += delta
        np.clip(images[i], 0, 1, out=images[i])
        versions.append(images[i])
    return np.stack(versions), np.repeat(labels, 5)
