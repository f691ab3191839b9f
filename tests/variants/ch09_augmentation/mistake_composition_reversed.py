# Composition multiplied in reading order: compose(A, B) = A @ B, so B is applied first.
# expect-lose: compose_tests
# %% compose_solution
def compose(*matrices):
    if not matrices or any(np.shape(m) != (3, 3) for m in matrices):
        raise ValueError("bad input")
    result = np.eye(3)
    for m in matrices:
        result = result @ np.asarray(m, dtype=float)
    return result


def rotation_about_center(angle_deg, height, width):
    cx, cy = (width - 1) / 2, (height - 1) / 2
    return compose(translation_matrix(cx, cy), rotation_matrix(angle_deg), translation_matrix(-cx, -cy))
