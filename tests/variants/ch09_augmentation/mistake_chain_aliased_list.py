# Keeps the caller's list itself: changing that list later changes the chain.
# expect-lose: chain_tests
# %% chain_solution
class Compose:
    """Chain of batch transforms t(images, generator) -> images, applied in the order of the list."""

    def __init__(self, transforms):
        self.transforms = transforms

    def __call__(self, images, generator):
        for transform in self.transforms:
            images = transform(images, generator)
        return images
