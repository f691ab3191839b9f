# Generator ignored: the angles come from torch's global random state.
# expect-lose: rotation_batch_tests, rotation_batch_statistics_tests
# %% affine_batch_solution
def warp_batch(images, matrices):
    """Bilinear inverse mapping of every image i of an (N, C, H, W) batch with matrices[i] (input -> output).

    Source coordinates in float64; 0 outside the image (1e-6 tolerance); a new tensor of images' dtype,
    differentiable with respect to images.
    """
    if not isinstance(images, torch.Tensor) or not images.is_floating_point():
        raise TypeError(f"images must be a floating-point torch.Tensor, got {type(images).__name__}")
    if images.ndim != 4:
        raise ValueError(f"images must have shape (N, C, H, W), got {tuple(images.shape)}")
    count, channels, height, width = images.shape
    if tuple(matrices.shape) != (count, 3, 3):
        raise ValueError(f"matrices must have shape ({count}, 3, 3), got {tuple(matrices.shape)}")
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
    if not isinstance(images, torch.Tensor) or not images.is_floating_point():
        raise TypeError(f"images must be a floating-point torch.Tensor, got {type(images).__name__}")
    if images.ndim != 4:
        raise ValueError(f"images must have shape (N, C, H, W), got {tuple(images.shape)}")
    if max_degrees < 0:
        raise ValueError(f"max_degrees must be >= 0, got {max_degrees}")
    count, _, height, width = images.shape
    angles = max_degrees * (2 * torch.rand(count, dtype=torch.float64) - 1)
    theta = torch.deg2rad(angles)
    cos, sin = torch.cos(theta), torch.sin(theta)
    cx, cy = (width - 1) / 2, (height - 1) / 2
    matrices = torch.zeros(count, 3, 3, dtype=torch.float64)
    matrices[:, 0, 0], matrices[:, 0, 1], matrices[:, 0, 2] = cos, -sin, cx - cos * cx + sin * cy
    matrices[:, 1, 0], matrices[:, 1, 1], matrices[:, 1, 2] = sin, cos, cy - sin * cx - cos * cy
    matrices[:, 2, 2] = 1.0
    return warp_batch(images, matrices), angles
