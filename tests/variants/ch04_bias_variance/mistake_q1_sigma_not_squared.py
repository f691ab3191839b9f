# Adds the noise standard deviation instead of its square.
# expect-lose: q1_expected_error_tests
# %% numeric_answers
q1_expected_error = 0.04 + 0.09 + 0.2
