# Returns a Python list of scores instead of a float64 NumPy array.
# expect-lose: cross_val_score_tests
# %% cross_val_score_solution
def cross_val_score(make_model, X, y, folds, score):
    if len(folds) == 0 or len(X) != len(y):
        raise ValueError("bad input")
    out = []
    for train_idx, val_idx in folds:
        model = make_model()
        model.fit(X[train_idx], y[train_idx])
        out.append(float(score(y[val_idx], model.predict(X[val_idx]))))
    return out
