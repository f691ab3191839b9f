# Rotation about (W/2, H/2) instead of the centre of the pixel grid ((W-1)/2, (H-1)/2).
# expect-lose: compose_tests
# %% compose_solution
def compose(*matrices):
    if not matrices or any(np.shape(m) != (3, 3) for m in matrices):
        raise ValueError("bad input")
    result = np.eye(3)
    for m in matrices:
        result = np.asarray(m, dtype=float) @ result
    return result


def rotation_about_center(angle_deg, height, width):
    cx, cy = width / 2, height / 2
    return compose(translation_matrix(-cx, -cy), rotation_matrix(angle_deg), translation_matrix(cx, cy))
