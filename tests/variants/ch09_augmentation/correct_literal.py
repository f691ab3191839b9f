# What a careful learner writes from the contracts alone: every step as the markdown states it, the
# documented input kinds converted with np.array(..., dtype=np.float64), exactly the documented errors.
# expect: full
# %% affine_builders_solution
import math


def rotation_matrix(angle_deg):
    theta = math.radians(angle_deg)
    return np.array([[math.cos(theta), -math.sin(theta), 0.0],
                     [math.sin(theta), math.cos(theta), 0.0],
                     [0.0, 0.0, 1.0]], dtype=np.float64)


def scale_matrix(sx, sy):
    return np.array([[sx, 0, 0], [0, sy, 0], [0, 0, 1]], dtype=np.float64)


def translation_matrix(tx, ty):
    return np.array([[1, 0, tx], [0, 1, ty], [0, 0, 1]], dtype=np.float64)


def shear_matrix(shx, shy):
    return np.array([[1, shx, 0], [shy, 1, 0], [0, 0, 1]], dtype=np.float64)


def hflip_matrix(width):
    return np.array([[-1, 0, width - 1], [0, 1, 0], [0, 0, 1]], dtype=np.float64)


# %% compose_solution
def compose(*matrices):
    if len(matrices) == 0:
        raise ValueError("compose needs at least one matrix")
    result = np.eye(3)
    for matrix in matrices:
        matrix = np.array(matrix, dtype=np.float64)
        if matrix.shape != (3, 3):
            raise ValueError("every matrix must have shape (3, 3)")
        result = matrix @ result
    return result


def rotation_about_center(angle_deg, height, width):
    c_x = (width - 1) / 2
    c_y = (height - 1) / 2
    return translation_matrix(c_x, c_y) @ rotation_matrix(angle_deg) @ translation_matrix(-c_x, -c_y)


# %% warp_solution
def warp_affine(image, matrix, mode="nearest"):
    image = np.array(image, dtype=np.float64)
    matrix = np.array(matrix, dtype=np.float64)
    if image.ndim != 2:
        raise ValueError("image must be 2-D")
    if matrix.shape != (3, 3):
        raise ValueError("matrix must have shape (3, 3)")
    if mode != "nearest" and mode != "bilinear":
        raise ValueError("mode must be 'nearest' or 'bilinear'")
    H, W = image.shape
    inverse = np.linalg.inv(matrix)
    out = np.zeros((H, W), dtype=np.float64)
    for r in range(H):
        for c in range(W):
            x_s, y_s, _ = inverse @ np.array([c, r, 1.0])
            if x_s < -1e-6 or x_s > W - 1 + 1e-6 or y_s < -1e-6 or y_s > H - 1 + 1e-6:
                continue
            x_s = min(max(x_s, 0.0), W - 1.0)
            y_s = min(max(y_s, 0.0), H - 1.0)
            if mode == "nearest":
                out[r, c] = image[math.floor(y_s + 0.5), math.floor(x_s + 0.5)]
            else:
                x0, y0 = math.floor(x_s), math.floor(y_s)
                x1, y1 = min(x0 + 1, W - 1), min(y0 + 1, H - 1)
                f_x, f_y = x_s - x0, y_s - y0
                out[r, c] = ((1 - f_y) * ((1 - f_x) * image[y0, x0] + f_x * image[y0, x1])
                             + f_y * ((1 - f_x) * image[y1, x0] + f_x * image[y1, x1]))
    return out


# %% photometric_solution
def flip_horizontal(image):
    image = np.array(image, dtype=np.float64)
    if image.ndim != 2:
        raise ValueError("image must be 2-D")
    W = image.shape[1]
    out = np.zeros_like(image)
    for c in range(W):
        out[:, c] = image[:, W - 1 - c]
    return np.clip(out, 0, 1)


def add_gaussian_noise(image, sigma, rng):
    image = np.array(image, dtype=np.float64)
    if image.ndim != 2:
        raise ValueError("image must be 2-D")
    if sigma < 0:
        raise ValueError("sigma must be >= 0")
    return np.clip(image + rng.normal(0.0, sigma, size=image.shape), 0, 1)


def adjust_brightness(image, delta):
    image = np.array(image, dtype=np.float64)
    if image.ndim != 2:
        raise ValueError("image must be 2-D")
    return np.clip(image + delta, 0, 1)


def adjust_contrast(image, factor):
    image = np.array(image, dtype=np.float64)
    if image.ndim != 2:
        raise ValueError("image must be 2-D")
    if factor < 0:
        raise ValueError("factor must be >= 0")
    mu = np.mean(image)
    return np.clip(mu + factor * (image - mu), 0, 1)


# %% expand_solution
def expand_dataset(images, labels, rng, sigma=0.1, delta=0.3):
    images = np.array(images, dtype=np.float64)
    labels = np.array(labels)
    if images.ndim != 3:
        raise ValueError("images must be 3-D")
    N, S, S2 = images.shape
    if S != S2:
        raise ValueError("images must be square")
    if labels.ndim != 1 or len(labels) != N:
        raise ValueError("labels must be 1-D of length N")
    new_images = np.zeros((5 * N, S, S), dtype=np.float64)
    for i in range(N):
        new_images[5 * i] = images[i]
        new_images[5 * i + 1] = flip_horizontal(images[i])
        new_images[5 * i + 2] = np.rot90(images[i])
        new_images[5 * i + 3] = add_gaussian_noise(images[i], sigma, rng)
        new_images[5 * i + 4] = adjust_brightness(images[i], delta)
    return new_images, np.repeat(labels, 5)


# %% crop_solution
def random_resized_crop(img, size, scale, generator):
    if img.dim() != 3:
        raise ValueError("img must be 3-D")
    lo, hi = scale
    if not (0 < lo and lo <= hi and hi <= 1):
        raise ValueError("need 0 < lo <= hi <= 1")
    C, H, W = img.shape
    u = torch.rand(1, generator=generator).item()
    s = lo + (hi - lo) * u
    k = max(1, min(H, W, round(math.sqrt(s * H * W))))
    top = torch.randint(0, H - k + 1, (1,), generator=generator).item()
    left = torch.randint(0, W - k + 1, (1,), generator=generator).item()
    crop = img[:, top:top + k, left:left + k]
    return F.interpolate(crop[None], size=(size, size), mode="bilinear", align_corners=False)[0]


def validation_transform(img, resize, crop, mean, std):
    if img.dim() != 3:
        raise ValueError("img must be 3-D")
    if crop > resize:
        raise ValueError("crop must not be larger than resize")
    C, H, W = img.shape
    if len(mean) != C or len(std) != C:
        raise ValueError("mean and std need C entries")
    if H <= W:
        new_h, new_w = resize, round(W * resize / H)
    else:
        new_h, new_w = round(H * resize / W), resize
    big = F.interpolate(img[None], size=(new_h, new_w), mode="bilinear", align_corners=False)[0]
    top = (new_h - crop) // 2
    left = (new_w - crop) // 2
    out = big[:, top:top + crop, left:left + crop].clone()
    for c in range(C):
        out[c] = (out[c] - float(mean[c])) / float(std[c])
    return out


# %% flip_crop_solution
def random_flip_crop(images, p, padding, generator):
    if not isinstance(images, torch.Tensor) or not torch.is_floating_point(images):
        raise TypeError("images must be a floating-point torch.Tensor")
    if images.ndim != 4:
        raise ValueError("images must be 4-D")
    if p < 0 or p > 1:
        raise ValueError("p must be in [0, 1]")
    if padding < 0:
        raise ValueError("padding must be >= 0")
    N, C, H, W = images.shape
    flips = torch.rand(N, generator=generator) < p
    offsets = torch.randint(0, 2 * padding + 1, (N, 2), generator=generator)
    results = []
    for i in range(N):
        x = images[i]
        if flips[i]:
            x = torch.flip(x, dims=[2])
        padded = F.pad(x, (padding, padding, padding, padding), value=0.0)
        top = int(offsets[i, 0])
        left = int(offsets[i, 1])
        results.append(padded[:, top:top + H, left:left + W])
    return torch.stack(results)


# %% affine_batch_solution
def warp_batch(images, matrices):
    if not isinstance(images, torch.Tensor) or not torch.is_floating_point(images):
        raise TypeError("images must be a floating-point torch.Tensor")
    if images.ndim != 4:
        raise ValueError("images must be 4-D")
    N, C, H, W = images.shape
    if matrices.shape != (N, 3, 3):
        raise ValueError("matrices must have shape (N, 3, 3)")
    inverse = torch.linalg.inv(matrices.double())
    out = []
    for i in range(N):
        r, c = torch.meshgrid(torch.arange(H), torch.arange(W), indexing="ij")
        points = torch.stack([c.flatten(), r.flatten(), torch.ones(H * W, dtype=torch.long)]).double()
        source = inverse[i] @ points
        x_s = source[0]
        y_s = source[1]
        outside = (x_s < -1e-6) | (x_s > W - 1 + 1e-6) | (y_s < -1e-6) | (y_s > H - 1 + 1e-6)
        x_s = torch.clip(x_s, 0, W - 1)
        y_s = torch.clip(y_s, 0, H - 1)
        x0 = torch.floor(x_s).long()
        y0 = torch.floor(y_s).long()
        x1 = torch.minimum(x0 + 1, torch.tensor(W - 1))
        y1 = torch.minimum(y0 + 1, torch.tensor(H - 1))
        f_x = x_s - x0
        f_y = y_s - y0
        img = images[i]
        value = (1 - f_y) * ((1 - f_x) * img[:, y0, x0] + f_x * img[:, y0, x1]) + f_y * (
            (1 - f_x) * img[:, y1, x0] + f_x * img[:, y1, x1])
        value = torch.where(outside, torch.zeros_like(value), value)
        out.append(value.reshape(C, H, W).to(images.dtype))
    return torch.stack(out)


def random_rotation(images, max_degrees, generator):
    if not isinstance(images, torch.Tensor) or not torch.is_floating_point(images):
        raise TypeError("images must be a floating-point torch.Tensor")
    if images.ndim != 4:
        raise ValueError("images must be 4-D")
    if max_degrees < 0:
        raise ValueError("max_degrees must be >= 0")
    N, C, H, W = images.shape
    u = torch.rand(N, generator=generator, dtype=torch.float64)
    angles = max_degrees * (2 * u - 1)
    matrices = []
    for i in range(N):
        theta = torch.deg2rad(angles[i])
        c = torch.tensor([[1, 0, (W - 1) / 2], [0, 1, (H - 1) / 2], [0, 0, 1]], dtype=torch.float64)
        c_back = torch.tensor([[1, 0, -(W - 1) / 2], [0, 1, -(H - 1) / 2], [0, 0, 1]], dtype=torch.float64)
        rot = torch.tensor([[torch.cos(theta), -torch.sin(theta), 0], [torch.sin(theta), torch.cos(theta), 0],
                            [0, 0, 1]], dtype=torch.float64)
        matrices.append(c @ rot @ c_back)
    return warp_batch(images, torch.stack(matrices)), angles


# %% chain_solution
class Compose:
    def __init__(self, transforms):
        self.transforms = list(transforms)

    def __call__(self, images, generator):
        result = images
        for t in self.transforms:
            result = t(result, generator)
        return result
