# Counts a row as shared when any one column matches a training row, instead of every column.
# expect-lose: shared_rows_tests
# %% shared_rows_solution
def shared_rows(X_train, X_test):
    A, B = np.asarray(X_train), np.asarray(X_test)
    if A.ndim != 2 or B.ndim != 2 or A.shape[1] != B.shape[1]:
        raise ValueError("bad shapes")
    if len(A) == 0:
        return np.zeros(0, dtype=int)
    return np.flatnonzero((B[:, None, :] == A[None, :, :]).any(axis=2).any(axis=1))
