# Calls score(y_pred, y_true): fine for accuracy, wrong for any score that is not symmetric.
# expect-lose: cross_val_score_tests
# %% cross_val_score_solution
def cross_val_score(make_model, X, y, folds, score):
    if len(folds) == 0 or len(X) != len(y):
        raise ValueError("bad input")
    scores = []
    for train_idx, val_idx in folds:
        model = make_model()
        model.fit(X[train_idx], y[train_idx])
        scores.append(score(model.predict(X[val_idx]), y[val_idx]))
    return np.array(scores, dtype=float)
