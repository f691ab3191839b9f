# The flip maps x to W - x: every column lands one pixel too far right and column 0 leaves the image.
# expect-lose: affine_builders_tests
# %% affine_builders_solution
def rotation_matrix(angle_deg):
    t = np.deg2rad(angle_deg)
    return np.array([[np.cos(t), -np.sin(t), 0.0], [np.sin(t), np.cos(t), 0.0], [0.0, 0.0, 1.0]])


def scale_matrix(sx, sy):
    return np.diag([float(sx), float(sy), 1.0])


def translation_matrix(tx, ty):
    return np.array([[1.0, 0.0, tx], [0.0, 1.0, ty], [0.0, 0.0, 1.0]])


def shear_matrix(shx, shy):
    return np.array([[1.0, shx, 0.0], [shy, 1.0, 0.0], [0.0, 0.0, 1.0]])


def hflip_matrix(width):
    return np.array([[-1.0, 0.0, float(width)], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
