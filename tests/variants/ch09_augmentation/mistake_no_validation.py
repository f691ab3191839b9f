# ruff: noqa: E501
# The reference solutions with every `if ...: raise ValueError(...)` removed: right behaviour, no input
# validation. Only the validation cells are lost; the main and statistics cells keep their points.
# expect-lose: compose_validation_tests, warp_validation_tests, photometric_validation_tests, expand_validation_tests, crop_validation_tests, flip_crop_validation_tests, warp_batch_validation_tests
# %% compose_solution
def compose(*matrices):
    result = np.eye(3)
    for step in matrices:
        step = np.asarray(step, dtype=float)
        result = step @ result
    return result


def rotation_about_center(angle_deg, height, width):
    cx, cy = (width - 1) / 2.0, (height - 1) / 2.0
    return compose(translation_matrix(-cx, -cy), rotation_matrix(angle_deg), translation_matrix(cx, cy))


# %% warp_solution
def warp_affine(image, matrix, mode="nearest"):
    src = np.asarray(image, dtype=float)
    matrix = np.asarray(matrix, dtype=float)
    height, width = src.shape
    rows, cols = np.mgrid[0:height, 0:width]
    targets = np.stack([cols.ravel(), rows.ravel(), np.ones(rows.size)])
    xs, ys, _ = np.linalg.inv(matrix) @ targets
    tol = 1e-6
    inside = (xs >= -tol) & (xs <= width - 1 + tol) & (ys >= -tol) & (ys <= height - 1 + tol)
    xs, ys = np.clip(xs, 0, width - 1), np.clip(ys, 0, height - 1)
    if mode == "nearest":
        values = src[np.floor(ys + 0.5).astype(int), np.floor(xs + 0.5).astype(int)]
    else:
        x0, y0 = np.floor(xs).astype(int), np.floor(ys).astype(int)
        x1, y1 = np.minimum(x0 + 1, width - 1), np.minimum(y0 + 1, height - 1)
        fx, fy = xs - x0, ys - y0
        top = src[y0, x0] * (1 - fx) + src[y0, x1] * fx
        bottom = src[y1, x0] * (1 - fx) + src[y1, x1] * fx
        values = top * (1 - fy) + bottom * fy
    return np.where(inside, values, 0.0).reshape(height, width)


# %% photometric_solution
def flip_horizontal(image):
    pixels = np.asarray(image, dtype=float)
    return pixels[:, ::-1].copy()


def add_gaussian_noise(image, sigma, rng):
    pixels = np.asarray(image, dtype=float)
    return np.clip(pixels + rng.normal(0.0, sigma, size=pixels.shape), 0.0, 1.0)


def adjust_brightness(image, delta):
    pixels = np.asarray(image, dtype=float)
    return np.clip(pixels + delta, 0.0, 1.0)


def adjust_contrast(image, factor):
    pixels = np.asarray(image, dtype=float)
    centre = pixels.mean()
    return np.clip(centre + factor * (pixels - centre), 0.0, 1.0)


# %% expand_solution
def expand_dataset(images, labels, rng, sigma=0.1, delta=0.3):
    images = np.asarray(images, dtype=float)
    labels = np.asarray(labels)
    versions = []
    for img in images:
        versions += [img.copy(), flip_horizontal(img), np.rot90(img).copy(),
                     add_gaussian_noise(img, sigma, rng), adjust_brightness(img, delta)]
    return np.stack(versions), np.repeat(labels, 5)


# %% crop_solution
def random_resized_crop(img, size, scale, generator):
    lo, hi = scale
    _, height, width = img.shape
    fraction = lo + (hi - lo) * torch.rand(1, generator=generator).item()
    side = max(1, min(height, width, round((fraction * height * width) ** 0.5)))
    top = int(torch.randint(0, height - side + 1, (1,), generator=generator))
    left = int(torch.randint(0, width - side + 1, (1,), generator=generator))
    patch = img[:, top:top + side, left:left + side]
    return F.interpolate(patch[None], size=(size, size), mode="bilinear", align_corners=False)[0]


def validation_transform(img, resize, crop, mean, std):
    channels, height, width = img.shape
    mean = torch.as_tensor(mean, dtype=img.dtype)
    std = torch.as_tensor(std, dtype=img.dtype)
    if height <= width:
        new_h, new_w = resize, round(width * resize / height)
    else:
        new_h, new_w = round(height * resize / width), resize
    resized = F.interpolate(img[None], size=(new_h, new_w), mode="bilinear", align_corners=False)[0]
    top, left = (new_h - crop) // 2, (new_w - crop) // 2
    centre = resized[:, top:top + crop, left:left + crop]
    return (centre - mean[:, None, None]) / std[:, None, None]


# %% flip_crop_solution
def random_flip_crop(images, p, padding, generator):
    """Per image: mirror with probability p, then an H x W window of the image zero-padded by `padding`.

    Draws flips = torch.rand(N, generator=generator) < p, then
    offsets = torch.randint(0, 2 * padding + 1, (N, 2), generator=generator) (top, left); returns a new tensor.
    """
    count, _, height, width = images.shape
    flips = torch.rand(count, generator=generator) < p
    offsets = torch.randint(0, 2 * padding + 1, (count, 2), generator=generator)
    padded = F.pad(images, (padding, padding, padding, padding))
    out = torch.empty_like(images)
    for i in range(count):
        sample = padded[i].flip(-1) if flips[i] else padded[i]
        top, left = offsets[i].tolist()
        out[i] = sample[:, top:top + height, left:left + width]
    return out


# %% affine_batch_solution
def warp_batch(images, matrices):
    """Bilinear inverse mapping of every image i of an (N, C, H, W) batch with matrices[i] (input -> output).

    Source coordinates in float64; 0 outside the image (1e-6 tolerance); a new tensor of images' dtype,
    differentiable with respect to images.
    """
    count, channels, height, width = images.shape
    inverse = torch.linalg.inv(matrices.double())
    rows, cols = torch.meshgrid(torch.arange(height, dtype=torch.float64),
                                torch.arange(width, dtype=torch.float64), indexing="ij")
    targets = torch.stack([cols.flatten(), rows.flatten(), torch.ones(height * width, dtype=torch.float64)])
    sources = inverse @ targets
    xs, ys = sources[:, 0], sources[:, 1]
    tol = 1e-6
    inside = (xs >= -tol) & (xs <= width - 1 + tol) & (ys >= -tol) & (ys <= height - 1 + tol)
    xs, ys = xs.clamp(0, width - 1), ys.clamp(0, height - 1)
    x0, y0 = xs.floor().long(), ys.floor().long()
    x1, y1 = (x0 + 1).clamp(max=width - 1), (y0 + 1).clamp(max=height - 1)
    fx = (xs - x0).to(images.dtype)[:, None]
    fy = (ys - y0).to(images.dtype)[:, None]
    flat = images.reshape(count, channels, height * width)

    def read(r, c):
        index = (r * width + c)[:, None, :].expand(count, channels, height * width)
        return flat.gather(2, index)

    top = read(y0, x0) * (1 - fx) + read(y0, x1) * fx
    bottom = read(y1, x0) * (1 - fx) + read(y1, x1) * fx
    values = top * (1 - fy) + bottom * fy
    return torch.where(inside[:, None, :], values, torch.zeros((), dtype=images.dtype)).reshape(images.shape)


def random_rotation(images, max_degrees, generator):
    """Rotate image i about its centre by angles[i] = max_degrees * (2u - 1) degrees, u from one
    torch.rand(N, generator=generator, dtype=torch.float64); returns (rotated batch, angles)."""
    count, _, height, width = images.shape
    angles = max_degrees * (2 * torch.rand(count, generator=generator, dtype=torch.float64) - 1)
    theta = torch.deg2rad(angles)
    cos, sin = torch.cos(theta), torch.sin(theta)
    cx, cy = (width - 1) / 2, (height - 1) / 2
    matrices = torch.zeros(count, 3, 3, dtype=torch.float64)
    matrices[:, 0, 0], matrices[:, 0, 1], matrices[:, 0, 2] = cos, -sin, cx - cos * cx + sin * cy
    matrices[:, 1, 0], matrices[:, 1, 1], matrices[:, 1, 2] = sin, cos, cy - sin * cx - cos * cy
    matrices[:, 2, 2] = 1.0
    return warp_batch(images, matrices), angles
