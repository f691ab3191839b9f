# Returns the indices of the duplicated rows in X_train instead of in X_test.
# expect-lose: shared_rows_tests
# %% shared_rows_solution
def shared_rows(X_train, X_test):
    A, B = np.asarray(X_train), np.asarray(X_test)
    if A.ndim != 2 or B.ndim != 2 or A.shape[1] != B.shape[1]:
        raise ValueError("bad shapes")
    known = {tuple(row) for row in B.tolist()}
    return np.array([i for i, row in enumerate(A.tolist()) if tuple(row) in known], dtype=int)
