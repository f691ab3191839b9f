# Fits every fold's model on all rows, so the validation rows leak into training.
# expect-lose: cross_val_score_tests
# %% cross_val_score_solution
def cross_val_score(make_model, X, y, folds, score):
    if len(folds) == 0 or len(X) != len(y):
        raise ValueError("bad input")
    scores = []
    for _train_idx, val_idx in folds:
        model = make_model()
        model.fit(X, y)
        scores.append(score(y[val_idx], model.predict(X[val_idx])))
    return np.array(scores, dtype=float)
