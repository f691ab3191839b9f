# Matrices built from the arguments without dtype=float: integer arguments give integer matrices, against
# the float64 contract (an in-place update of such a matrix would silently truncate).
# expect-lose: affine_builders_tests
# %% affine_builders_solution
def rotation_matrix(angle_deg):
    t = np.deg2rad(angle_deg)
    return np.array([[np.cos(t), -np.sin(t), 0], [np.sin(t), np.cos(t), 0], [0, 0, 1]])


def scale_matrix(sx, sy):
    return np.array([[sx, 0, 0], [0, sy, 0], [0, 0, 1]])


def translation_matrix(tx, ty):
    return np.array([[1, 0, tx], [0, 1, ty], [0, 0, 1]])


def shear_matrix(shx, shy):
    return np.array([[1, shx, 0], [shy, 1, 0], [0, 0, 1]])


def hflip_matrix(width):
    return np.array([[-1, 0, width - 1], [0, 1, 0], [0, 0, 1]])
