# A second correct solution: matrices from cos/sin of radians built row by row, composition with
# functools.reduce, a warp that loops over output pixels, torch.distributions for the crop.
# expect: full
# %% affine_builders_solution
import math
from functools import reduce


def rotation_matrix(angle_deg):
    t = math.radians(angle_deg)
    return np.array([[math.cos(t), -math.sin(t), 0], [math.sin(t), math.cos(t), 0], [0, 0, 1]], dtype=float)


def scale_matrix(sx, sy):
    m = np.eye(3)
    m[0, 0], m[1, 1] = sx, sy
    return m


def translation_matrix(tx, ty):
    return np.array([[1, 0, tx], [0, 1, ty], [0, 0, 1]], dtype=float)


def shear_matrix(shx, shy):
    m = np.eye(3)
    m[0, 1], m[1, 0] = shx, shy
    return m


def hflip_matrix(width):
    return translation_matrix(width - 1, 0) @ scale_matrix(-1, 1)


# %% compose_solution
def compose(*matrices):
    if len(matrices) == 0 or any(np.shape(m) != (3, 3) for m in matrices):
        raise ValueError("need one or more 3x3 matrices")
    return reduce(lambda acc, m: np.asarray(m, dtype=float) @ acc, matrices, np.eye(3))


def rotation_about_center(angle_deg, height, width):
    c = np.array([(width - 1) / 2, (height - 1) / 2])
    r = rotation_matrix(angle_deg)
    out = r.copy()
    out[:2, 2] = c - r[:2, :2] @ c
    return out


# %% warp_solution
def warp_affine(image, matrix, mode="nearest"):
    img = np.array(image, dtype=np.float64)
    m = np.array(matrix, dtype=np.float64)
    if img.ndim != 2 or m.shape != (3, 3) or mode not in {"nearest", "bilinear"}:
        raise ValueError("need a 2-D image, a 3x3 matrix and mode nearest or bilinear")
    h, w = img.shape
    inverse = np.linalg.inv(m)
    out = np.zeros_like(img)
    for r in range(h):
        for c in range(w):
            x, y = (inverse @ [c, r, 1.0])[:2]
            if x < -1e-6 or y < -1e-6 or x > w - 1 + 1e-6 or y > h - 1 + 1e-6:
                continue
            x, y = min(max(x, 0.0), w - 1.0), min(max(y, 0.0), h - 1.0)
            if mode == "nearest":
                out[r, c] = img[math.floor(y + 0.5), math.floor(x + 0.5)]
                continue
            i, j = min(int(y), h - 1), min(int(x), w - 1)
            dy, dx = y - i, x - j
            i2, j2 = min(i + 1, h - 1), min(j + 1, w - 1)
            out[r, c] = (img[i, j] * (1 - dx) * (1 - dy) + img[i, j2] * dx * (1 - dy)
                         + img[i2, j] * (1 - dx) * dy + img[i2, j2] * dx * dy)
    return out


# %% photometric_solution
def _check(image):
    a = np.array(image, dtype=np.float64)
    if len(a.shape) != 2:
        raise ValueError("a grayscale image is 2-D")
    return a


def flip_horizontal(image):
    a = _check(image)
    return np.flip(a, axis=1).copy()


def add_gaussian_noise(image, sigma, rng):
    a = _check(image)
    if sigma < 0:
        raise ValueError("sigma < 0")
    return np.minimum(np.maximum(a + sigma * rng.standard_normal(a.shape), 0), 1)


def adjust_brightness(image, delta):
    return np.minimum(np.maximum(_check(image) + delta, 0), 1)


def adjust_contrast(image, factor):
    a = _check(image)
    if factor < 0:
        raise ValueError("factor < 0")
    return np.minimum(np.maximum(factor * a + (1 - factor) * a.mean(), 0), 1)


# %% expand_solution
def expand_dataset(images, labels, rng, sigma=0.1, delta=0.3):
    images = np.array(images, dtype=np.float64)
    if images.ndim != 3 or images.shape[1] != images.shape[2] or np.ndim(labels) != 1 or len(labels) != len(images):
        raise ValueError("need (N, S, S) images and N labels")
    out = np.empty((5 * len(images),) + images.shape[1:])
    out_labels = []
    for i, (img, label) in enumerate(zip(images, labels, strict=True)):
        out[5 * i: 5 * i + 5] = [img, flip_horizontal(img), np.rot90(img), add_gaussian_noise(img, sigma, rng),
                                 adjust_brightness(img, delta)]
        out_labels += [label] * 5
    return out, np.array(out_labels)


# %% crop_solution
def random_resized_crop(img, size, scale, generator):
    if img.dim() != 3 or not (0 < scale[0] <= scale[1] <= 1):
        raise ValueError("img must be (C, H, W) and 0 < lo <= hi <= 1")
    c, h, w = img.shape
    s = float(torch.empty(1).uniform_(scale[0], scale[1], generator=generator))
    k = int(max(1, min(h, w, round(math.sqrt(s * h * w)))))
    i = int(torch.randint(h - k + 1, (), generator=generator))
    j = int(torch.randint(w - k + 1, (), generator=generator))
    return F.interpolate(img[None, :, i:i + k, j:j + k], size=(size, size), mode="bilinear",
                         align_corners=False).squeeze(0)


def validation_transform(img, resize, crop, mean, std):
    if img.dim() != 3 or crop > resize or len(mean) != img.shape[0] or len(std) != img.shape[0]:
        raise ValueError("bad input")
    h, w = img.shape[1:]
    short = min(h, w)
    size = (resize, round(w * resize / short)) if h == short else (round(h * resize / short), resize)
    big = F.interpolate(img.unsqueeze(0), size=size, mode="bilinear", align_corners=False).squeeze(0)
    top, left = (size[0] - crop) // 2, (size[1] - crop) // 2
    out = big[:, top:top + crop, left:left + crop].clone()
    for ch in range(img.shape[0]):
        out[ch] = (out[ch] - mean[ch]) / std[ch]
    return out


# %% flip_crop_solution
def random_flip_crop(images, p, padding, generator):
    if not (torch.is_tensor(images) and torch.is_floating_point(images)):
        raise TypeError("images must be a float tensor")
    if images.dim() != 4:
        raise ValueError("images must be (N, C, H, W)")
    if p < 0 or p > 1 or padding < 0:
        raise ValueError("need 0 <= p <= 1 and padding >= 0")
    n, c, h, w = images.shape
    pad = int(padding)
    mirrored = torch.rand(n, generator=generator) < p
    corner = torch.randint(0, 2 * pad + 1, (n, 2), generator=generator)
    chosen = torch.where(mirrored[:, None, None, None], images.flip(3), images)
    canvas = images.new_zeros(n, c, h + 2 * pad, w + 2 * pad)
    canvas[:, :, pad:pad + h, pad:pad + w] = chosen
    rows = corner[:, 0, None] + torch.arange(h)
    cols = corner[:, 1, None] + torch.arange(w)
    return canvas[torch.arange(n)[:, None, None, None], torch.arange(c)[None, :, None, None],
                  rows[:, None, :, None], cols[:, None, None, :]]


# %% affine_batch_solution
def warp_batch(images, matrices):
    if not isinstance(images, torch.Tensor) or images.dtype not in (torch.float16, torch.float32, torch.float64):
        raise TypeError("images must be a float tensor")
    if images.dim() != 4 or matrices.shape != (images.shape[0], 3, 3):
        raise ValueError("need images (N, C, H, W) and matrices (N, 3, 3)")
    n, c, h, w = images.shape
    ys, xs = torch.meshgrid(torch.arange(h).double(), torch.arange(w).double(), indexing="ij")
    outs = []
    for i in range(n):
        inv = torch.linalg.solve(matrices[i].double(), torch.stack([xs.flatten(), ys.flatten(),
                                                                     torch.ones(h * w).double()]))
        sx, sy = inv[0].reshape(h, w), inv[1].reshape(h, w)
        keep = (sx >= -1e-6) & (sx <= w - 1 + 1e-6) & (sy >= -1e-6) & (sy <= h - 1 + 1e-6)
        sx, sy = torch.clamp(sx, 0, w - 1), torch.clamp(sy, 0, h - 1)
        c0, r0 = sx.long(), sy.long()                  # non-negative: truncation is the floor
        c1, r1 = torch.clamp(c0 + 1, max=w - 1), torch.clamp(r0 + 1, max=h - 1)
        ax, ay = sx - c0, sy - r0
        img = images[i].double()
        mix = ((1 - ay) * ((1 - ax) * img[:, r0, c0] + ax * img[:, r0, c1])
               + ay * ((1 - ax) * img[:, r1, c0] + ax * img[:, r1, c1]))
        outs.append(mix * keep)
    return torch.stack(outs).to(images.dtype)


def random_rotation(images, max_degrees, generator):
    if not isinstance(images, torch.Tensor) or not images.is_floating_point():
        raise TypeError("images must be a float tensor")
    if images.ndim != 4:
        raise ValueError("images must be (N, C, H, W)")
    if max_degrees < 0:
        raise ValueError("max_degrees must be >= 0")
    n, _, h, w = images.shape
    u = torch.rand(n, generator=generator, dtype=torch.float64)
    angles = float(max_degrees) * (2 * u - 1)
    mats = torch.stack([torch.as_tensor(rotation_about_center(float(a), h, w)) for a in angles])
    return warp_batch(images, mats), angles


# %% chain_solution
class Compose:
    def __init__(self, transforms):
        self.steps = tuple(transforms)

    def __call__(self, images, generator):
        out, index = images, 0
        while index < len(self.steps):
            out = self.steps[index](out, generator)
            index += 1
        return out
