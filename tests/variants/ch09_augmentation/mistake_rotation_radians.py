# The angle is used as radians: cos(90) instead of cos(90 degrees). Rotation about the centre inherits it.
# expect-lose: affine_builders_tests, compose_tests
# %% affine_builders_solution
def rotation_matrix(angle_deg):
    c, s = np.cos(angle_deg), np.sin(angle_deg)
    return np.array([[c, -s, 0.0], [s, c, 0.0], [0.0, 0.0, 1.0]])


def scale_matrix(sx, sy):
    return np.diag([float(sx), float(sy), 1.0])


def translation_matrix(tx, ty):
    return np.array([[1.0, 0.0, tx], [0.0, 1.0, ty], [0.0, 0.0, 1.0]])


def shear_matrix(shx, shy):
    return np.array([[1.0, shx, 0.0], [shy, 1.0, 0.0], [0.0, 0.0, 1.0]])


def hflip_matrix(width):
    return np.array([[-1.0, 0.0, width - 1.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
