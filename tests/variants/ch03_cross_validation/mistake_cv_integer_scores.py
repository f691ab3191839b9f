# np.array(scores) without a dtype: an integer-valued score gives an integer array, not float64.
# expect-lose: cross_val_score_tests
# %% cross_val_score_solution
def cross_val_score(make_model, X, y, folds, score):
    if len(folds) == 0 or len(X) != len(y):
        raise ValueError("bad input")
    scores = []
    for train_idx, val_idx in folds:
        model = make_model()
        model.fit(X[train_idx], y[train_idx])
        scores.append(score(y[val_idx], model.predict(X[val_idx])))
    return np.array(scores)
