# A hand-written arg-min with <=: on an exact tie the last class wins instead of the first.
# expect-lose: nearest_centroid_tests
# %% nearest_centroid_solution
class NearestCentroid:
    def fit(self, X, y):
        X, y = np.asarray(X, dtype=float), np.asarray(y)
        if X.ndim != 2 or len(X) == 0 or len(y) != len(X):
            raise ValueError("bad input")
        self.classes_ = np.unique(y)
        self.centroids_ = np.stack([X[y == c].mean(axis=0) for c in self.classes_])
        return self

    def predict(self, X):
        if not hasattr(self, "centroids_"):
            raise ValueError("not fitted")
        out = []
        for row in np.asarray(X, dtype=float):
            best, best_d = 0, np.inf
            for i, centroid in enumerate(self.centroids_):
                d = np.sum((row - centroid) ** 2)
                if d <= best_d:
                    best, best_d = i, d
            out.append(self.classes_[best])
        return np.array(out)
