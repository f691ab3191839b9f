# One model is created before the loop and refitted on every fold: state is carried between folds.
# expect-lose: cross_val_score_tests
# %% cross_val_score_solution
def cross_val_score(make_model, X, y, folds, score):
    X, y = np.asarray(X), np.asarray(y)
    if len(folds) == 0 or len(X) != len(y):
        raise ValueError("bad input")
    model = make_model()
    scores = []
    for tr, va in folds:
        model.fit(X[tr], y[tr])
        scores.append(score(y[va], model.predict(X[va])))
    return np.array(scores, dtype=float)
