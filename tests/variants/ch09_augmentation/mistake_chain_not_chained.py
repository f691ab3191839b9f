# Applies every step to the original images and returns the last result.
# expect-lose: chain_tests
# %% chain_solution
class Compose:
    """Chain of batch transforms t(images, generator) -> images, applied in the order of the list."""

    def __init__(self, transforms):
        self.transforms = list(transforms)

    def __call__(self, images, generator):
        result = images
        for transform in self.transforms:
            result = transform(images, generator)
        return result
