# Scores each model on the rows it was trained on instead of the held-out fold.
# expect-lose: cross_val_score_tests
# %% cross_val_score_solution
def cross_val_score(make_model, X, y, folds, score):
    X, y = np.asarray(X), np.asarray(y)
    if len(folds) == 0 or len(X) != len(y):
        raise ValueError("bad input")
    scores = []
    for tr, _va in folds:
        model = make_model()
        model.fit(X[tr], y[tr])
        scores.append(score(y[tr], model.predict(X[tr])))
    return np.array(scores, dtype=float)
