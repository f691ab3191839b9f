# The penalty gradient written as lambda * w, forgetting the factor 2 from the square.
# expect-lose: q3_l2_gradient_tests
# %% numeric_answers
q3_grad_w5 = 0.01 * 5.0
q3_grad_w01 = 0.01 * 0.1
q4_active_units = 64
