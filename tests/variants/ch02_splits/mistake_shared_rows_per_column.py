# Counts a test row as shared when each of its values occurs somewhere in the training column.
# expect-lose: shared_rows_tests
# %% shared_rows_solution
def shared_rows(X_train, X_test):
    A, B = np.asarray(X_train), np.asarray(X_test)
    if A.ndim != 2 or B.ndim != 2 or A.shape[1] != B.shape[1]:
        raise ValueError("bad shapes")
    hits = [i for i in range(len(B)) if all(np.isin(B[i, j], A[:, j]) for j in range(B.shape[1]))]
    return np.array(hits, dtype=int)
