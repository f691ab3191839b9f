# Sorts each fold's index arrays in place (same scores, but the caller's folds are modified).
# expect-lose: cross_val_score_tests
# %% cross_val_score_solution
def cross_val_score(make_model, X, y, folds, score):
    if len(folds) == 0 or len(X) != len(y):
        raise ValueError("bad input")
    scores = np.empty(len(folds))
    for i, (train_idx, val_idx) in enumerate(folds):
        train_idx.sort()
        val_idx.sort()
        model = make_model()
        model.fit(X[train_idx], y[train_idx])
        scores[i] = score(y[val_idx], model.predict(X[val_idx]))
    return scores
