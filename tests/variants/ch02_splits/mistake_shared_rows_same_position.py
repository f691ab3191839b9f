# Compares X_test[i] only with X_train[i]: a duplicate at another position is missed.
# expect-lose: shared_rows_tests
# %% shared_rows_solution
def shared_rows(X_train, X_test):
    A, B = np.asarray(X_train), np.asarray(X_test)
    if A.ndim != 2 or B.ndim != 2 or A.shape[1] != B.shape[1]:
        raise ValueError("bad shapes")
    hits = [i for i in range(min(len(A), len(B))) if np.array_equal(A[i], B[i])]
    return np.array(hits, dtype=int)
