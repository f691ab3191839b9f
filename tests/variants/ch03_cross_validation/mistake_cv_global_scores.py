# Collects the scores in a module-level list that is never emptied: state carried between calls.
# expect-lose: cross_val_score_tests
# %% cross_val_score_solution
all_scores = []


def cross_val_score(make_model, X, y, folds, score):
    if len(folds) == 0 or len(X) != len(y):
        raise ValueError("bad input")
    for train_idx, val_idx in folds:
        model = make_model()
        model.fit(X[train_idx], y[train_idx])
        all_scores.append(score(y[val_idx], model.predict(X[val_idx])))
    return np.array(all_scores[-len(folds):] if len(all_scores) == len(folds) else all_scores, dtype=float)
