# "Rotation about the centre" that rotates about the origin (the corner of the image).
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
    return rotation_matrix(angle_deg)
